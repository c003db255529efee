import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { main } from "../../src/cli/main.ts";
import { logisticRegressionModel } from "../support/onnx-build.ts";
import { evaluationRecordSchema } from "../../src/records/evaluation.ts";
import { bufferIo } from "../../src/util/io.ts";

/** The bundled example as a model repository in its own git repository, with main holding version 1.0.0. */
const root = mkdtempSync(join(tmpdir(), "mg-evalrepo-"));
cpSync(join(import.meta.dirname, "../../examples/fraud-detection"), root, { recursive: true });
const git = (...args: string[]) =>
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], {
    cwd: root,
    encoding: "utf8",
  });
git("init", "-q", "-b", "main");
git("add", "-A");
git("commit", "-qm", "fraud-detector 1.0.0");
const modelPath = join(root, "models/fraud-detector/model.onnx");
const original = readFileSync(modelPath);

async function evaluate(env: NodeJS.ProcessEnv, ...args: string[]) {
  const io = bufferIo(join(root, "models/fraud-detector"), env);
  const code = await main(["evaluate", "fraud-detector", "--resamples", "100", ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

test("on a branch, the candidate is compared with main's model on the same rows; the record goes to .modelgate/evaluations", async () => {
  git("checkout", "-qb", "feature");
  writeFileSync(
    modelPath,
    logisticRegressionModel({ weights: [0.002, 0.01, 0.05, 1.2, 0.1, -0.001], bias: -2.2, inputName: "float_input" }),
  );
  git("commit", "-qam", "logistic regression");
  const r = await evaluate({});
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /baseline: fraud-detector at main/);
  const record = evaluationRecordSchema.parse(
    JSON.parse(readFileSync(join(root, ".modelgate/evaluations/fraud-detector.json"), "utf8")),
  );
  assert.equal(record.baseline?.source, "git:main:models/fraud-detector/model.onnx");
  assert.equal(record.baseline?.version, "1.0.0");
  assert.equal(record.dataset.name, "transactions-eval");
  assert.equal(record.dataset.path, "data/transactions-eval.csv");
  assert.equal(record.bootstrap.resamples, 100);
  assert.ok("roc_auc" in record.deltas);
  assert.deepEqual([...new Set(record.slices.map((s) => s.column))], ["region", "channel", "amount"]);
  assert.ok(record.slices.some((s) => s.value === "[25, 100)"));
  assert.match(r.out, /\* = the delta's interval excludes zero/);
});

test("GITHUB_BASE_REF, a production tag, --baseline REF|FILE|none", async () => {
  // a production stage tag wins over the base branch
  git("tag", "fraud-detector#production#3", "main");
  const tagged = await evaluate({ GITHUB_BASE_REF: "nope" });
  assert.equal(tagged.code, 0, tagged.err);
  assert.match(tagged.err, /baseline: fraud-detector at fraud-detector#production#3/);
  git("tag", "-d", "fraud-detector#production#3");

  const none = await evaluate({ GITHUB_BASE_REF: "release" });
  assert.equal(none.code, 0, none.err);
  assert.match(none.err, /no baseline: none of origin\/release, release exists/);

  writeFileSync(join(root, "old.onnx"), original);
  const file = await evaluate({}, "--baseline", join(root, "old.onnx"), "--json");
  assert.equal(file.code, 0, file.err);
  assert.equal(JSON.parse(file.out).baseline.sha256.length, 64);

  const ref = await evaluate({}, "--baseline", "main~0", "--out", "x.json");
  assert.equal(ref.code, 0, ref.err);
  const off = await evaluate({}, "--baseline", "none", "--json");
  assert.equal(JSON.parse(off.out).baseline, undefined);
  const bad = await evaluate({}, "--baseline", "no-such-branch");
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--baseline no-such-branch: no such git ref/);
});
