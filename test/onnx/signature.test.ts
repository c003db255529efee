import assert from "node:assert/strict";
import { test } from "node:test";
import ort from "onnxruntime-node";
import { logisticRegressionModel } from "../support/onnx-build.ts";
import { readOnnxSignature } from "../../src/onnx/signature.ts";

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
