/**
 * What is evaluated is what is served (issue #10, item 9): a ZipMap model is evaluated on the probability tensor
 * behind its ZipMap, so the image ships that graph — the ZipMap node removed and its input tensor a served output —
 * and the probabilities a client gets from the packaged file are the evaluated ones, bit for bit.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import ort from "onnxruntime-node";
import { ModelRunner } from "../../src/evaluate/runner.ts";
import { linearClassifierZipMapModel } from "../support/onnx-build.ts";
import { graphFacts, readOnnxModel, readOnnxSignature } from "../../src/onnx/signature.ts";
import { renderModelCard } from "../../src/report/card.ts";
import { rng } from "../../src/util/random.ts";
import { makeModel } from "../report/builder.ts";
import { modelgate, tempDir } from "./_helpers.ts";

const work = tempDir();
after(() => work.cleanup());
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/** The files of the image's model layer, read from the OCI layout with GNU tar. */
function layerFiles(
  layout: string,
  name: string,
): { onnx: Uint8Array; pbtxt: string; labels: Record<string, string>; annotations: Record<string, string> } {
  const blob = (digest: string) => join(layout, "blobs", ...digest.split(":"));
  const index = JSON.parse(readFileSync(join(layout, "index.json"), "utf8"));
  const imageIndex = JSON.parse(readFileSync(blob(index.manifests[0].digest), "utf8"));
  const manifest = JSON.parse(readFileSync(blob(imageIndex.manifests[0].digest), "utf8"));
  const config = JSON.parse(readFileSync(blob(manifest.config.digest), "utf8"));
  const out = join(work.dir, "layer");
  mkdirSync(out, { recursive: true });
  execFileSync("tar", ["-xf", blob(manifest.layers.at(-1).digest), "-C", out]);
  return {
    onnx: readFileSync(join(out, "models", name, "1", "model.onnx")),
    pbtxt: readFileSync(join(out, "models", name, "config.pbtxt"), "utf8"),
    labels: config.config.Labels,
    annotations: imageIndex.annotations,
  };
}

test("a ZipMap model is packaged as the graph that was evaluated: same probabilities bit for bit, both digests labelled", async () => {
  const original = linearClassifierZipMapModel({
    coefficients: [[0.8, -1.1, 0.35]],
    intercepts: [-0.2],
    classes: [0, 1],
  });
  const file = join(work.dir, "zipmap.onnx");
  writeFileSync(file, original);
  const layout = join(work.dir, "layout");
  const r = await modelgate(
    [
      "package",
      "--model",
      file,
      "--name",
      "fraud",
      "--version",
      "1.0.0",
      "--base",
      "scratch",
      "--layout",
      layout,
      "--json",
    ],
    work.dir,
  );
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /not a tensor/, "no output is left out of config.pbtxt");
  const served = layerFiles(layout, "fraud");

  // the served outputs: the label and the probability tensor the evaluation read
  const sig = readOnnxSignature(served.onnx);
  assert.deepEqual(
    sig.outputs.map((o) => `${o.name} ${o.type} [${o.shape.join(", ")}]`),
    ["output_label int64 [N]", "probabilities float32 [N, 2]"],
  );
  assert.match(served.pbtxt, /name: "probabilities"\n\s+data_type: TYPE_FP32\n\s+dims: \[ 2 \]/);

  // the digests: the artifact that was evaluated and approved, and the file that is served
  assert.equal(served.labels["dev.modelgate.model.sha256"], sha(original));
  assert.equal(served.labels["dev.modelgate.served.sha256"], sha(served.onnx));
  assert.notEqual(sha(served.onnx), sha(original));
  assert.match(
    served.labels["dev.modelgate.served.graph"],
    /ZipMap removed: output_probability \(seq\(map\(int64,float32\)\)\) served as probabilities \(float32 \[N, 2\]\)/,
  );
  for (const key of ["dev.modelgate.model.sha256", "dev.modelgate.served.sha256", "dev.modelgate.served.graph"])
    assert.equal(served.annotations[key], served.labels[key], `${key} is also an annotation of the image index`);
  assert.equal(r.json().modelSha256, sha(original));
  assert.equal(r.json().servedSha256, sha(served.onnx));

  // bit for bit: evaluate's runner on the original file, onnxruntime on the packaged file, the same rows
  const random = rng(5);
  const n = 500;
  const cols = [0, 1, 2].map(() => Float64Array.from({ length: n }, () => random() * 4 - 2));
  const runner = await ModelRunner.open(original, "zipmap.onnx", "binary-classification", {
    mode: "tensor",
    features: ["a", "b", "c"],
  });
  const evaluated = await runner.run({
    length: n,
    numeric: new Map([
      ["a", cols[0]],
      ["b", cols[1]],
      ["c", cols[2]],
    ]),
    strings: new Map(),
  });
  await runner.close();
  const session = await ort.InferenceSession.create(served.onnx, { intraOpNumThreads: runner.threads.intraOp });
  const x = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) for (let j = 0; j < 3; j++) x[i * 3 + j] = cols[j][i];
  const out = await session.run({ float_input: new ort.Tensor("float32", x, [n, 3]) }, ["probabilities"]);
  const got = out.probabilities.data as Float32Array;
  assert.equal(got.length, evaluated.length);
  assert.deepEqual(
    new Uint8Array(got.buffer, got.byteOffset, got.byteLength),
    new Uint8Array(evaluated.buffer, evaluated.byteOffset, evaluated.byteLength),
  );
});

test("the model card says which graph is served when the model has a ZipMap", () => {
  const original = linearClassifierZipMapModel({ coefficients: [[1, 2]], intercepts: [0], classes: [0, 1] });
  const { model, signature } = readOnnxModel(original);
  const body = renderModelCard({ model: makeModel("fraud"), signature, zipMaps: graphFacts(model).zipMaps });
  // the card's text as a reader sees it (Markdown escapes removed)
  assert.match(
    body.replace(/\\(.)/g, "$1"),
    /\| Served graph \| ZipMap removed: output_probability \(seq\(map\(int64,float32\)\)\) served as probabilities \(float32 \[N, 2\]\); the image serves the graph that was evaluated/,
  );
});
