/** The bundled evaluate action, run as the runner runs it (INPUT_*, GITHUB_OUTPUT), on the example repository. */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "yaml";
import { evaluationRecordSchema } from "../../src/records/evaluation.ts";
import { runAction } from "../support/run-action.ts";

const root = mkdtempSync(join(tmpdir(), "mg-evalaction-"));
cpSync("examples/fraud-detection", root, { recursive: true });
execFileSync("git", ["init", "-q", "-b", "main"], { cwd: root });
execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "init", "--allow-empty"], {
  cwd: root,
});

test("action.yml documents every input the entry reads and every output it sets, and passes inputs through env", () => {
  const yml = parse(readFileSync("actions/evaluate/action.yml", "utf8"));
  const src = readFileSync("src/actions/evaluate.ts", "utf8");
  const read = [...src.matchAll(/(?:getInput|listInput)\("([\w-]+)"/g)].map((m) => m[1]);
  const set = [...src.matchAll(/setOutput\(\s*"([\w-]+)"/g)].map((m) => m[1]);
  for (const name of read) assert.ok(yml.inputs[name]?.description, `input ${name} documented`);
  assert.deepEqual(Object.keys(yml.outputs).sort(), [...new Set(set)].sort());
  assert.equal(yml.runs.using, "composite");
  const run = yml.runs.steps.at(-1);
  assert.match(run.run, /dist\/actions\/evaluate\.js/);
  for (const name of Object.keys(yml.inputs))
    assert.equal(run.env[`INPUT_${name.toUpperCase()}`], `\${{ inputs.${name} }}`);
});

test("the bundled action evaluates a model, writes the record and sets its outputs; shards merge through it", () => {
  const r = runAction("evaluate", { workspace: root, inputs: { model: "fraud-detector", resamples: "50" } });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(r.outputs.record, ".modelgate/evaluations/fraud-detector.json");
  const record = evaluationRecordSchema.parse(JSON.parse(readFileSync(join(root, r.outputs.record), "utf8")));
  assert.equal(JSON.parse(r.outputs.metrics).roc_auc, record.candidate.metrics.roc_auc);
  assert.equal(r.outputs.baseline, "");
  assert.match(r.stdout, /::group::modelgate evaluate fraud-detector/);

  for (const i of [1, 2]) {
    const s = runAction("evaluate", {
      workspace: root,
      inputs: { model: "fraud-detector", resamples: "50", shard: `${i}/2` },
    });
    assert.equal(s.status, 0, s.stdout + s.stderr);
    assert.ok(existsSync(join(root, s.outputs.record)));
  }
  const m = runAction("evaluate", {
    workspace: root,
    inputs: {
      merge:
        ".modelgate/evaluations/fraud-detector.shard-1-of-2.json\n.modelgate/evaluations/fraud-detector.shard-2-of-2.json",
      out: "merged.json",
    },
  });
  assert.equal(m.status, 0, m.stdout + m.stderr);
  const merged = JSON.parse(readFileSync(join(root, "merged.json"), "utf8"));
  assert.deepEqual(merged.candidate, record.candidate);
});

test("a missing model is a configuration error with the fix in the message", () => {
  const r = runAction("evaluate", { workspace: root, inputs: {} });
  assert.equal(r.status, 2);
  assert.match(r.stdout, /::error::modelgate evaluate: the model input is required/);
});
