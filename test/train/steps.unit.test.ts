/** The pure steps of training (src/train/train.ts): the argv, the environment, why a run failed, the record. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Loaded } from "../../src/manifest/repo.ts";
import type { Model } from "../../src/manifest/schema.ts";
import { parseManifest } from "../../src/manifest/yaml.ts";
import type { RunResult } from "../../src/train/process.ts";
import {
  checkTimeout,
  reproduceProblem,
  runProblem,
  trainingArgv,
  trainingEnv,
  trainingRecord,
} from "../../src/train/train.ts";

const values = { params: "/tmp/p.json", output: "/repo/out.onnx", data: { "churn-train": "/repo/data/t.csv" } };

test("the argv: placeholders filled, node as this Node.js, one quoted command line for a shell", () => {
  assert.deepEqual(
    trainingArgv(
      { command: ["node", "train.js", "--params={params}", "{data:churn-train}"], shell: false },
      values,
      "/n",
    ),
    ["/n", "train.js", "--params=/tmp/p.json", "/repo/data/t.csv"],
  );
  assert.deepEqual(trainingArgv({ command: ["python", "it's.py", "{output}"], shell: true }, values), [
    "python 'it'\\''s.py' /repo/out.onnx",
  ]);
  assert.deepEqual(trainingArgv({ command: ["make model"], shell: true }, values), ["make model"]);
});

test("the environment: the allowlist from the caller's, PYTHONUNBUFFERED unless listed, the MODELGATE_ variables", () => {
  const from = { PATH: "/bin", HOME: "/h", GITHUB_TOKEN: "secret", SEED: "7", PYTHONUNBUFFERED: "0" };
  const vars = { ...values, model: "churn", version: "1.2.0" };
  assert.deepEqual(trainingEnv({ env: ["SEED"] }, from, vars), {
    PATH: "/bin",
    HOME: "/h",
    SEED: "7",
    PYTHONUNBUFFERED: "1",
    MODELGATE_PARAMS: "/tmp/p.json",
    MODELGATE_OUTPUT: "/repo/out.onnx",
    MODELGATE_MODEL: "churn",
    MODELGATE_MODEL_VERSION: "1.2.0",
    MODELGATE_DATA_CHURN_TRAIN: "/repo/data/t.csv",
  });
  assert.equal(trainingEnv({ env: ["PYTHONUNBUFFERED"] }, from, vars).PYTHONUNBUFFERED, "0");
});

test("why a run failed, and a timeout out of range", () => {
  const run = (r: Partial<RunResult>): RunResult => ({
    exitCode: 0,
    signal: null,
    timedOut: false,
    durationMs: 1,
    tail: [],
    ...r,
  });
  assert.equal(runProblem(run({}), "python", 60), undefined);
  assert.equal(runProblem(run({ exitCode: 3 }), "python", 60), "the training command failed with exit code 3");
  assert.equal(
    runProblem(run({ exitCode: null, signal: "SIGKILL" }), "python", 60),
    "the training command failed with signal SIGKILL",
  );
  assert.match(runProblem(run({ timedOut: true, exitCode: null }), "python", 5) ?? "", /timed out after 5 minutes/);
  assert.match(runProblem(run({ spawnError: "ENOENT" }), "pyhton", 5) ?? "", /could not start .*"pyhton": ENOENT/);
  assert.equal(reproduceProblem(["a", "a"]), undefined);
  assert.match(reproduceProblem(["a", "b"]) ?? "", /^not reproducible: run 1 wrote sha256 a, run 2 wrote b/);
  assert.throws(() => checkTimeout(0), /more than 0 and at most 35,791 minutes/);
  assert.doesNotThrow(() => checkTimeout(undefined));
});

const manifest = `apiVersion: modelgate.dev/v1alpha1
kind: Model
metadata: { name: churn }
spec:
  version: 1.2.0
  owners: [alice]
  task: binary-classification
  artifact: { path: model.onnx, sha256: ${"a".repeat(64)} }
  inputs: { features: [tenure] }
  label: { column: churned }
  training:
    command: [python, train.py]
    params: { C: 1 }
  evaluation: { datasets: [churn-eval] }
`;

test("the record says ok with the output's digest, or failed with the reason and no output", () => {
  const parsed = parseManifest("models/churn/model.yaml", manifest, "Model");
  assert.ok(parsed.manifest?.value, JSON.stringify(parsed.findings));
  const m: Loaded<Model> = {
    file: "models/churn/model.yaml",
    abs: "/repo/models/churn/model.yaml",
    dir: "/repo/models/churn",
    src: parsed.manifest.src,
    value: parsed.manifest.value as Model,
  };
  const facts = {
    model: m,
    root: "/repo",
    paths: { workdir: "/repo/models/churn", artifact: "/repo/models/churn/model.onnx", output: "/repo/build/m.onnx" },
    outcome: { digests: ["b".repeat(64)], totalMs: 1234.5678, signatureChecked: false },
    git: { commit: "c".repeat(40), dirty: false, branch: "main" },
    datasets: [],
    env: { PATH: "/bin", MODELGATE_MODEL: "churn" },
    timeoutMinutes: 60,
    paramsSha256: "d".repeat(64),
    log: { path: ".modelgate/training/churn.log", sizeBytes: 3, sha256: "e".repeat(64) },
    artifactSize: 42,
    tools: { modelgate: "0", node: "v20", onnxruntime: null, platform: "linux", arch: "x64" },
    startedAt: new Date("2025-01-01T00:00:00Z"),
    finishedAt: new Date("2025-01-01T00:00:02Z"),
    reproduce: false,
  };
  const ok = trainingRecord(facts);
  assert.equal(ok.result, "ok");
  assert.equal(ok.durationSeconds, 1.235);
  assert.deepEqual(ok.env, ["MODELGATE_MODEL", "PATH"]);
  assert.deepEqual(ok.command, {
    argv: ["python", "train.py"],
    shell: false,
    workdir: "models/churn",
    timeoutMinutes: 60,
  });
  assert.deepEqual(ok.output, {
    path: "build/m.onnx",
    artifact: "models/churn/model.onnx",
    sha256: "b".repeat(64),
    sizeBytes: 42,
    declaredSha256: "a".repeat(64),
    signatureChecked: false,
  });
  assert.equal(ok.reproduce, undefined);
  const failed = trainingRecord({ ...facts, outcome: { ...facts.outcome, reason: "it broke" }, reproduce: true });
  assert.equal(failed.result, "failed");
  assert.equal(failed.reason, "it broke");
  assert.equal(failed.output, null);
  assert.deepEqual(failed.reproduce, { digests: ["b".repeat(64)], identical: false });
});
