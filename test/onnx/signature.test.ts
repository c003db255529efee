import assert from "node:assert/strict";
import { test } from "node:test";
import ort from "onnxruntime-node";
import {
  linearClassifierZipMapModel,
  logisticRegressionModel,
  treeEnsembleClassifierModel,
} from "../support/onnx-build.ts";
import { graphFacts, readOnnxModel, readOnnxSignature } from "../../src/onnx/signature.ts";

test("a built logistic regression reads back its signature and runs in onnxruntime", async () => {
  const bytes = logisticRegressionModel({ weights: [1, -2, 0.5], bias: 0.25 });
  const sig = readOnnxSignature(bytes);
  assert.deepEqual(
    sig.inputs.map((i) => [i.name, i.type, i.shape]),
    [["input", "float32", ["N", 3]]],
  );
  assert.deepEqual(
    sig.outputs.map((o) => [o.name, o.type]),
    [
      ["label", "int64"],
      ["probabilities", "float32"],
    ],
  );
  assert.equal(sig.opsetVersion, 17);

  const session = await ort.InferenceSession.create(bytes);
  const x = new Float32Array([1, 0, 0, 0, 1, 0]);
  const out = await session.run({ input: new ort.Tensor("float32", x, [2, 3]) });
  const p = out.probabilities.data as Float32Array;
  const expect1 = 1 / (1 + Math.exp(-(1 + 0.25)));
  const expect2 = 1 / (1 + Math.exp(-(-2 + 0.25)));
  assert.ok(Math.abs(p[1] - expect1) < 1e-6);
  assert.ok(Math.abs(p[3] - expect2) < 1e-6);
  assert.deepEqual(Array.from(out.label.data as BigInt64Array), [1n, 0n]);
});

test("bytes that are not ONNX give a clear user error", () => {
  assert.throws(
    () => readOnnxSignature(new TextEncoder().encode("hello, I am a CSV\n1,2,3\n"), "x.onnx"),
    /x.onnx is not an ONNX model/,
  );
});

test("the class order of the probability columns: a classifier's classlabels_* and a ZipMap's keys, strings or integers", () => {
  const facts = (bytes: Uint8Array) => graphFacts(readOnnxModel(bytes).model);
  const named = facts(linearClassifierZipMapModel({ coefficients: [[1]], intercepts: [0], classes: ["no", "yes"] }));
  assert.deepEqual(named.classLabels, ["no", "yes"]);
  assert.deepEqual(named.zipMaps[0].classLabels, ["no", "yes"]);
  const ints = facts(linearClassifierZipMapModel({ coefficients: [[1]], intercepts: [0], classes: [0, 1] }));
  assert.deepEqual(ints.classLabels, ["0", "1"]);
  assert.deepEqual(ints.zipMaps[0].classLabels, ["0", "1"]);
  const tree = facts(
    treeEnsembleClassifierModel({ trees: [[{ id: 0, leaf: [0.5, 0.5] }]], features: 1, classes: [2, 7] }),
  );
  assert.deepEqual(tree.classLabels, ["2", "7"]);
  // a bare probability tensor names no classes: evaluate then asks for spec.label.classes (or labels 0, 1, …)
  assert.equal(facts(logisticRegressionModel({ weights: [1], bias: 0 })).classLabels, undefined);
});
