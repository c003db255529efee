/** The bundled plan action, run as the runner runs it, on a checkout shaped like actions/checkout's for a PR. */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, test } from "node:test";
import { Git } from "../../src/git/index.ts";
import { bundleAction, parseOutputFile, runBundle } from "../support/run-action.ts";
import { config, dataset, gitRepo, model } from "./repo.ts";

let bundle: string;
before(async () => {
  bundle = await bundleAction("plan");
});

/**
 * A remote with main (two models) and a pull request branch changing `changes`; the workspace is a full clone with
 * the pull request's merge commit checked out, as actions/checkout (fetch-depth: 0) leaves it for pull_request.
 */
async function pullRequestCheckout(change: (write: (rel: string, text: string) => void) => void): Promise<string> {
  const r = await gitRepo();
  r.write("modelgate.yaml", config());
  r.write("data/eval.yaml", dataset("eval", "eval.csv"));
  r.write("data/eval.csv", "x,y\n1,0\n");
  for (const name of ["alpha", "beta"]) {
    r.write(`models/${name}/model.yaml`, model(name, { eval: ["eval"] }));
    r.write(`models/${name}/model.onnx`, `${name}-v1`);
  }
  r.write("README.md", "# models\n");
  await r.commit("two models");
  await r.git.run(["checkout", "-q", "-b", "feature"]);
  change(r.write);
  await r.commit("the pull request");
  const bare = mkdtempSync(join(tmpdir(), "mg-plan-remote-"));
  await new Git(bare, { isolated: true }).run(["init", "-q", "--bare", "--initial-branch=main"]);
  await r.git.run(["push", "-q", bare, "main", "feature"]);

  const workspace = mkdtempSync(join(tmpdir(), "mg-plan-ws-"));
  const ws = new Git(workspace, { isolated: true, identity: { name: "GitHub", email: "noreply@github.com" } });
  await ws.run(["clone", "-q", `file://${bare}`, "."]);
  await ws.run(["checkout", "-q", "--detach", "origin/main"]);
  await ws.run(["merge", "-q", "--no-ff", "-m", "Merge feature into main", "origin/feature"]);
  return workspace;
}

async function runPlan(workspace: string, inputs: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), "mg-plan-run-"));
  const files = { GITHUB_OUTPUT: join(dir, "output"), GITHUB_STEP_SUMMARY: join(dir, "summary") };
  for (const f of Object.values(files)) writeFileSync(f, "");
  const { code, stdout } = await runBundle(bundle, {
    HOME: dir,
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: "pull_request",
    GITHUB_BASE_REF: "main",
    GITHUB_HEAD_REF: "feature",
    ...files,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  });
  return {
    code,
    stdout,
    outputs: parseOutputFile(readFileSync(files.GITHUB_OUTPUT, "utf8")),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, "utf8"),
  };
}

test("the plan action sets models (a matrix list), any, reasons and the folders for validate", async () => {
  const ws = await pullRequestCheckout((write) => write("models/beta/model.onnx", "beta-v2"));
  const out = join(mkdtempSync(join(tmpdir(), "mg-plan-out-")), "plan", "plan.json");
  const r = await runPlan(ws, { out });
  assert.equal(r.code, 0, r.stdout);
  assert.deepEqual(JSON.parse(r.outputs.models), ["beta"]);
  assert.deepEqual(JSON.parse(readFileSync(out, "utf8")).reasons, { beta: ["models/beta/model.onnx"] });
  assert.equal(r.outputs.any, "true");
  assert.deepEqual(JSON.parse(r.outputs.reasons), { beta: ["models/beta/model.onnx"] });
  assert.equal(r.outputs.paths, "models/beta");
  assert.deepEqual(JSON.parse(r.outputs.deleted), []);
  assert.match(r.stdout, /::group::modelgate plan/);
  assert.match(r.summary, /\| beta \| models\/beta\/model\.onnx \|/);
});

test("a pull request that touches no model: models [] and any false", async () => {
  const ws = await pullRequestCheckout((write) => write("README.md", "# models\n\nDocs only.\n"));
  const r = await runPlan(ws);
  assert.equal(r.code, 0, r.stdout);
  assert.equal(r.outputs.models, "[]");
  assert.equal(r.outputs.any, "false");
});

test("a path from the pull request cannot issue workflow commands in the log", async () => {
  const ws = await pullRequestCheckout((write) => {
    write("data/eval.csv", "x,y\n1,0\n2,1\n");
    write("models/alpha/\n::error title=INJECTED::owned\n", "x");
  });
  const r = await runPlan(ws);
  assert.equal(r.code, 0, r.stdout);
  assert.deepEqual(JSON.parse(r.outputs.models), ["alpha", "beta"]);
  const stop = /^::stop-commands::(\S+)$/m.exec(r.stdout);
  assert.ok(stop, "output wrapped in stop-commands");
  const inside = r.stdout.slice(stop.index, r.stdout.indexOf(`::${stop[1]}::`));
  assert.match(inside, /INJECTED/);
  assert.doesNotMatch(r.stdout, /^::error/m);
  assert.doesNotMatch(r.summary, /\n::error/);
});

test("a bad base ref fails the step with a configuration error naming the ref", async () => {
  const ws = await pullRequestCheckout((write) => write("models/beta/model.onnx", "beta-v2"));
  const r = await runPlan(ws, { base: "origin/nope" });
  assert.equal(r.code, 2);
  assert.match(r.stdout, /::error::modelgate plan: --base origin\/nope: no such commit/);
});

test("automatic shards reach the workflow's matrix: the dataset's locked rows above shardRows split both models", async () => {
  const ws = await pullRequestCheckout((write) =>
    write("data/eval.yaml", `${dataset("eval", "eval.csv")}  rows: 3000000\n`),
  );
  const r = await runPlan(ws);
  assert.equal(r.code, 0, r.stdout);
  assert.deepEqual(JSON.parse(r.outputs.sharded), ["alpha", "beta"]);
  assert.deepEqual(JSON.parse(r.outputs.whole), []);
  assert.deepEqual(
    JSON.parse(r.outputs.shards).map((j: { model: string; shard: string }) => `${j.model} ${j.shard}`),
    ["alpha 1/2", "alpha 2/2", "beta 1/2", "beta 2/2"],
  );
});
