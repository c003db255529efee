import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { sha256Bytes } from "../../src/data/hash.ts";
import { applyVersion, copyExample, exampleDir, exampleVersions } from "../../src/cli/demo/example.ts";
import { ModelRunner } from "../../src/evaluate/runner.ts";
import { findModel, loadRepository } from "../../src/manifest/repo.ts";
import { trainModel } from "../../src/train/train.ts";
import { bufferIo } from "../../src/util/io.ts";
import { validateRepository } from "../../src/validate/validate.ts";
import { openWorkspace } from "../../src/workspace/workspace.ts";
import { runAction } from "../support/run-action.ts";

const example = exampleDir();

/** A fresh copy of the example at a version ("1.0.0" is the repository as committed). */
function copyAt(version: string): string {
  const dir = mkdtempSync(join(tmpdir(), `mg-example-${version}-`));
  copyExample(dir);
  const overlay = exampleVersions().find((v) => v.version === version);
  if (overlay) applyVersion(dir, overlay);
  return dir;
}

/**
 * A copy of the example at a version with its model trained (1.0.0 with --reproduce: trained twice and compared), and
 * the training's result: trained once per version in this file, and shared by the tests that need a trained copy.
 */
const trainedCopies = new Map<string, Promise<{ dir: string; r: Awaited<ReturnType<typeof trainModel>> }>>();
function trained(version: string) {
  let t = trainedCopies.get(version);
  if (!t) {
    const dir = copyAt(version);
    t = trainModel(openWorkspace(bufferIo(dir, { PATH: process.env.PATH })), "fraud-detector", {
      reproduce: version === "1.0.0",
    }).then((r) => ({ dir, r }));
    trainedCopies.set(version, t);
  }
  return t;
}

test("the generator is deterministic: it writes exactly the committed data and digests", () => {
  const r = spawnSync(process.execPath, ["scripts/generate-data.mjs", "--check"], { cwd: example, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const repo = loadRepository(example);
  assert.deepEqual(
    repo.datasets.map((d) => d.value.metadata.name),
    ["transactions-drift", "transactions-eval", "transactions-train"],
  );
  for (const d of repo.datasets) {
    const bytes = readFileSync(join(d.dir, d.value.spec.path));
    assert.equal(d.value.spec.sha256, sha256Bytes(bytes), d.file);
    assert.equal(d.value.spec.sizeBytes, bytes.length, d.file);
    assert.ok(
      d.value.spec.datasheet?.motivation && d.value.spec.datasheet.license && d.value.spec.datasheet.knownBiases,
    );
    assert.deepEqual(
      d.value.spec.columns.filter((c) => c.role === "slice").map((c) => c.name),
      ["channel", "region"],
    );
  }
});

test("the example's manifests validate clean, at every version", async () => {
  const result = await validateRepository(example);
  assert.deepEqual(
    result.findings.filter((f) => f.severity === "error"),
    [],
  );
  assert.deepEqual(result.models, ["fraud-detector"]);
  for (const v of exampleVersions()) {
    const { dir } = await trained(v.version);
    const r = await validateRepository(dir);
    assert.deepEqual(
      r.findings.filter((f) => f.severity === "error"),
      [],
      v.version,
    );
  }
});

test("training the example is reproducible and gives the digest each version's manifest declares", async () => {
  for (const version of ["1.0.0", ...exampleVersions().map((v) => v.version)]) {
    const { dir, r } = await trained(version);
    const declared = findModel(loadRepository(dir), "fraud-detector").value.spec.artifact.sha256;
    assert.equal(r.record.result, "ok");
    assert.equal(r.record.model.version, version);
    assert.equal(r.record.output?.sha256, declared, `${version}: trained model differs from the manifest's digest`);
    if (r.record.reproduce) assert.equal(r.record.reproduce.identical, true);
  }
});

/** ROC AUC and recall by region of a version's model on the evaluation month, computed here independently. */
async function scores(version: string) {
  const { dir } = await trained(version);
  const m = findModel(loadRepository(dir), "fraud-detector").value.spec;
  const runner = await ModelRunner.open(
    readFileSync(join(dir, "models/fraud-detector/model.onnx")),
    "model.onnx",
    m.task,
    { mode: "tensor", tensor: m.inputs.tensor, features: m.inputs.features, outputs: m.outputs },
  );
  const [header, ...lines] = readFileSync(join(dir, "data/transactions-eval.csv"), "utf8").trim().split("\n");
  const cols = header.split(",");
  const rows = lines.map((l) => l.split(","));
  const numeric = new Map(
    m.inputs.features.map((f) => [f, Float64Array.from(rows, (r) => Number(r[cols.indexOf(f)]))] as const),
  );
  const probs = await runner.run({ length: rows.length, numeric, strings: new Map() });
  await runner.close();
  const p = rows.map((_, i) => probs[2 * i + 1]);
  const y = rows.map((r) => Number(r[cols.indexOf("is_fraud")]));
  const region = rows.map((r) => r[cols.indexOf("region")]);
  const order = p.map((_, i) => i).sort((a, b) => p[a] - p[b]);
  let rankSum = 0;
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j < order.length && p[order[j]] === p[order[i]]) j++;
    for (let k = i; k < j; k++) if (y[order[k]]) rankSum += (i + 1 + j) / 2;
    i = j;
  }
  const pos = y.filter(Boolean).length;
  const auc = (rankSum - (pos * (pos + 1)) / 2) / (pos * (y.length - pos));
  const recall: Record<string, number> = {};
  for (const r of ["na", "eu", "apac", "latam"]) {
    const idx = y.map((_, k) => k).filter((k) => region[k] === r && y[k] === 1);
    recall[r] = idx.filter((k) => p[k] >= m.threshold).length / idx.length;
  }
  const values = Object.values(recall);
  return { auc, recall, gap: Math.max(...values) - Math.min(...values), gate: m.gates };
}

test("1.1.0 beats 1.0.0; 1.2.0 is better on average but fails its region slice gate", async () => {
  const [v100, v110, v120] = [await scores("1.0.0"), await scores("1.1.0"), await scores("1.2.0")];
  assert.ok(v110.auc > v100.auc + 0.02, `1.1.0 AUC ${v110.auc} vs 1.0.0 ${v100.auc}`);
  assert.ok(v120.auc > v110.auc, `1.2.0 AUC ${v120.auc} vs 1.1.0 ${v110.auc}`);
  const gate = v120.gate.find((g) => "sliceGap" in g);
  assert.deepEqual(gate && { ...gate }, { sliceGap: "recall", over: "region", max: 0.1, severity: "fail" });
  assert.ok(v110.gap < 0.1, `1.1.0 recall gap across regions ${v110.gap} (${JSON.stringify(v110.recall)})`);
  assert.ok(v120.gap > 0.2, `1.2.0 recall gap across regions ${v120.gap} (${JSON.stringify(v120.recall)})`);
  assert.ok(v120.recall.latam < v110.recall.latam - 0.15);
});

test("the train action trains the example as a runner would run it", () => {
  const dir = copyAt("1.1.0");
  const r = runAction("train", { workspace: dir, inputs: { model: "fraud-detector", reproduce: "true" } });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const declared = findModel(loadRepository(dir), "fraud-detector").value.spec.artifact.sha256;
  assert.equal(r.outputs.sha256, declared);
  assert.equal(r.outputs.reproducible, "true");
  assert.equal(r.outputs.record, ".modelgate/training/fraud-detector.json");
  assert.match(r.stdout, /::group::modelgate train fraud-detector/);
});
