import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { makeFixtureRepo } from "../support/fixture-repo.ts";
import { runAction } from "../support/run-action.ts";

test("the validate action passes on a clean repository and sets its outputs", () => {
  const { root } = makeFixtureRepo();
  const r = runAction("validate", { workspace: root });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(r.outputs.ok, "true");
  assert.equal(r.outputs.errors, "0");
  assert.deepEqual(JSON.parse(r.outputs.models), ["churn"]);
  assert.match(r.stdout, /::group::modelgate validate/);
});

test("the validate action fails the step and annotates the manifest line", () => {
  const { root } = makeFixtureRepo();
  const p = join(root, "models/churn/model.yaml");
  writeFileSync(p, readFileSync(p, "utf8").replace("task: binary-classification", "task: binary"));
  const r = runAction("validate", { workspace: root, inputs: { "skip-data": "true" } });
  assert.equal(r.status, 1);
  assert.equal(r.outputs.ok, "false");
  assert.match(
    r.stdout,
    /^::error file=models\/churn\/model\.yaml,line=8,col=9,title=modelgate validate \(schema\)::spec\.task: the string "binary" is not allowed/m,
  );
  assert.match(r.stdout, /^::error::modelgate validate: failed/m);
  assert.equal(JSON.parse(r.outputs.findings)[0].line, 8);
});

test("a bad boolean input is a configuration error naming the input", () => {
  const { root } = makeFixtureRepo();
  const r = runAction("validate", { workspace: root, inputs: { "skip-data": "yes please" } });
  assert.equal(r.status, 2);
  assert.match(r.stdout, /::error::modelgate validate: .*skip-data/);
});
