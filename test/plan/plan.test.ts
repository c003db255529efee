import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { main } from "../../src/cli/main.ts";
import { Git } from "../../src/git/index.ts";
import { planRepository } from "../../src/plan/run.ts";
import { bufferIo } from "../../src/util/io.ts";
import { openWorkspace } from "../../src/workspace/workspace.ts";
import { makeFixtureRepo } from "../support/fixture-repo.ts";
import { config, dataset, type GitRepo, gitRepo, model } from "./repo.ts";

/**
 * A repository on main with three models: churn and fraud evaluate on shared-eval, fraud also trains on fraud-train
 * with its training code in src/fraud (spec.training.workdir) and its artifact under artifacts/; solo evaluates on
 * solo-eval. Then a branch `pr` is checked out for the change under test.
 */
async function baseRepo(opts: { subfolder?: string } = {}): Promise<GitRepo> {
  const r = await gitRepo(opts);
  r.write("modelgate.yaml", config());
  r.write("README.md", "# models\n");
  r.write("data/shared-eval.yaml", dataset("shared-eval", "shared-eval.csv"));
  r.write("data/shared-eval.csv", "x,y\n1,0\n");
  r.write("data/fraud-train.yaml", dataset("fraud-train", "raw/fraud-train.csv"));
  r.write("data/raw/fraud-train.csv", "x,y\n2,1\n");
  r.write("data/solo-eval.yaml", dataset("solo-eval", "solo.csv"));
  r.write("data/solo.csv", "x,y\n3,1\n");
  r.write("models/churn/model.yaml", model("churn"));
  r.write("models/churn/model.onnx", "churn-v1");
  r.write(
    "models/fraud/model.yaml",
    model("fraud", {
      train: ["fraud-train"],
      workdir: "../../src/fraud",
      artifact: "../../artifacts/fraud.onnx",
      output: "../../build/fraud.onnx",
    }),
  );
  r.write("artifacts/fraud.onnx", "fraud-v1");
  r.write("src/fraud/train.py", "print('train')\n");
  r.write("src/other/tool.py", "print('other')\n");
  r.write("models/solo/model.yaml", model("solo", { eval: ["solo-eval"] }));
  r.write("models/solo/model.onnx", "solo-v1");
  await r.commit("three models");
  await r.git.run(["checkout", "-q", "-b", "pr"]);
  return r;
}

async function planOf(r: GitRepo, base = "main") {
  const p = await planRepository(openWorkspace(bufferIo(r.root)), { base });
  return { models: p.models, reasons: p.reasons, deleted: p.deleted, renamed: p.renamed };
}

test("a change inside a model's folder (manifest, artifact, model card) plans that model only", async () => {
  const r = await baseRepo();
  r.write("models/churn/model.onnx", "churn-v2");
  r.write("models/churn/MODEL_CARD.md", "# churn\n");
  await r.commit("retrain churn");
  assert.deepEqual(await planOf(r), {
    models: ["churn"],
    reasons: { churn: ["models/churn/MODEL_CARD.md", "models/churn/model.onnx"] },
    deleted: [],
    renamed: [],
  });
});

test("an artifact, training output or training code outside the model's folder plans the model", async () => {
  const r = await baseRepo();
  r.write("artifacts/fraud.onnx", "fraud-v2");
  await r.commit("new artifact");
  assert.deepEqual((await planOf(r)).reasons, { fraud: ["artifacts/fraud.onnx"] });

  r.write("src/fraud/features.py", "FEATURES = []\n");
  r.write("build/fraud.onnx", "out");
  r.write("src/other/tool.py", "print('changed')\n");
  await r.commit("training code");
  const p = await planOf(r);
  assert.deepEqual(p.models, ["fraud"], "src/other is nobody's training code");
  assert.deepEqual(p.reasons.fraud, ["artifacts/fraud.onnx", "build/fraud.onnx", "src/fraud/features.py"]);
});

test("a Dataset manifest or its data file plans every model that trains or evaluates on it", async () => {
  const r = await baseRepo();
  r.write("data/shared-eval.csv", "x,y\n1,0\n5,1\n");
  await r.commit("more eval rows");
  assert.deepEqual((await planOf(r)).reasons, {
    churn: ["data/shared-eval.csv"],
    fraud: ["data/shared-eval.csv"],
  });

  await r.git.run(["checkout", "-q", "-b", "pr2", "main"]);
  r.write("data/fraud-train.yaml", `${dataset("fraud-train", "raw/fraud-train.csv")}  rows: 1\n`);
  r.write("data/raw/fraud-train.csv", "x,y\n2,1\n3,0\n");
  await r.commit("training data");
  assert.deepEqual((await planOf(r)).reasons, { fraud: ["data/fraud-train.yaml", "data/raw/fraud-train.csv"] });
});

test("paths that cross folders: a dataset kept in a model's folder, an artifact in another model's folder", async () => {
  const r = await baseRepo();
  r.write("data/churn-holdout.yaml", dataset("churn-holdout", "../models/churn/holdout.csv"));
  r.write("models/churn/holdout.csv", "x,y\n1,1\n");
  r.write("models/solo/model.yaml", model("solo", { eval: ["churn-holdout"], artifact: "../churn/model.onnx" }));
  await r.commit("solo borrows churn's files");
  await r.git.run(["checkout", "-q", "-b", "pr2"]);
  r.write("models/churn/holdout.csv", "x,y\n1,1\n2,0\n");
  await r.commit("holdout rows");
  assert.deepEqual((await planOf(r, "pr")).reasons, {
    churn: ["models/churn/holdout.csv"],
    solo: ["models/churn/holdout.csv"],
  });
  r.write("models/churn/model.onnx", "churn-v2");
  await r.commit("retrain churn");
  assert.deepEqual((await planOf(r, "pr")).reasons.solo, ["models/churn/holdout.csv", "models/churn/model.onnx"]);
});

test("a dataset renamed in its manifest still plans the models that used its old name", async () => {
  const r = await baseRepo();
  r.write("data/solo-eval.yaml", dataset("solo-holdout", "solo.csv"));
  await r.commit("rename the dataset, forget the model");
  assert.deepEqual((await planOf(r)).models, ["solo"]);
});

test("modelgate.yaml plans every model; a change nothing uses plans none", async () => {
  const r = await baseRepo();
  r.write("README.md", "# models\n\nMore words.\n");
  await r.commit("docs");
  assert.deepEqual(await planOf(r), { models: [], reasons: {}, deleted: [], renamed: [] });

  r.write("modelgate.yaml", config("spec:\n  allowWarn: false\n"));
  await r.commit("config");
  const p = await planOf(r);
  assert.deepEqual(p.models, ["churn", "fraud", "solo"]);
  assert.deepEqual(p.reasons.solo, ["modelgate.yaml"]);
});

test("a model whose manifest is removed is reported as deleted, not planned", async () => {
  const r = await baseRepo();
  r.remove("models/solo");
  await r.commit("retire solo");
  assert.deepEqual(await planOf(r), { models: [], reasons: {}, deleted: ["solo"], renamed: [] });
});

test("a model folder moved to a new name is reported as renamed and the new name is planned", async () => {
  const r = await baseRepo();
  await r.git.run(["mv", "models/solo", "models/solo-v2"]);
  r.write("models/solo-v2/model.yaml", model("solo-v2", { eval: ["solo-eval"] }));
  await r.commit("rename solo");
  const p = await planOf(r);
  assert.deepEqual(p.renamed, [{ from: "solo", to: "solo-v2" }]);
  assert.deepEqual(p.deleted, []);
  assert.deepEqual(p.models, ["solo-v2"]);
  assert.ok(p.reasons["solo-v2"].includes("models/solo-v2/model.onnx"));
});

test("a rename whose manifest was rewritten (git sees delete + add) is still a rename when files moved", async () => {
  const r = await baseRepo();
  await r.git.run(["mv", "models/solo", "models/lonely"]);
  r.write(
    "models/lonely/model.yaml",
    `${model("lonely", { eval: ["solo-eval"] }).replace("version: 1.0.0", "version: 2.0.0\n  description: a new text that makes the manifest a different file, longer than the old one so that git pairs nothing, and then some more words")}  threshold: 0.4\n  gates:\n    - {metric: roc_auc, min: 0.7}\n    - {metric: accuracy, min: 0.6}\n`,
  );
  await r.commit("rename and rewrite");
  const diff = await r.git.run(["diff", "--name-status", "-M", "main", "HEAD"]);
  assert.match(diff, /^D\tmodels\/solo\/model\.yaml$/m, "git pairs the manifests no more");
  const p = await planOf(r);
  assert.deepEqual(p.renamed, [{ from: "solo", to: "lonely" }]);
  assert.deepEqual(p.deleted, []);
});

test("the diff starts at the merge base: what main gained since the branch point is not the pull request's", async () => {
  const r = await baseRepo();
  r.write("models/churn/model.onnx", "churn-v2");
  await r.commit("pr: churn");
  await r.git.run(["checkout", "-q", "main"]);
  r.write("models/solo/model.onnx", "solo-v2");
  await r.commit("main: solo");
  await r.git.run(["checkout", "-q", "pr"]);
  assert.deepEqual((await planOf(r)).models, ["churn"]);
});

test("a broken manifest is still planned by its folder (validate will say what is wrong)", async () => {
  const r = await baseRepo();
  r.write("models/churn/model.yaml", "apiVersion: [unclosed\n");
  await r.commit("oops");
  assert.deepEqual((await planOf(r)).models, ["churn"]);
});

test("a model repository in a subfolder of the git repository: paths relative to modelgate.yaml's folder", async () => {
  const r = await baseRepo({ subfolder: "ml" });
  r.write("models/churn/model.onnx", "churn-v2");
  r.write("../outside.txt", "not in the model repository");
  await r.commit("churn");
  assert.deepEqual((await planOf(r)).reasons, { churn: ["models/churn/model.onnx"] });
});

test("the default base: origin/$GITHUB_BASE_REF in a pull request, else origin's HEAD; a shallow clone says to fetch", async () => {
  const r = await baseRepo();
  r.write("models/churn/model.onnx", "churn-v2");
  await r.commit("churn");
  const bare = mkdtempSync(join(tmpdir(), "mg-plan-origin-"));
  await new Git(bare, { isolated: true }).run(["init", "-q", "--bare", "--initial-branch=main"]);
  await r.git.run(["push", "-q", bare, "main", "pr"]);
  const work = mkdtempSync(join(tmpdir(), "mg-plan-clone-"));
  const clone = new Git(work, { isolated: true });
  await clone.run(["clone", "-q", "--branch", "pr", `file://${bare}`, "."]);

  const fromOriginHead = await planRepository(openWorkspace(bufferIo(work)));
  assert.equal(fromOriginHead.baseRef, "origin/main");
  assert.deepEqual(fromOriginHead.models, ["churn"]);
  const inPullRequest = await planRepository(openWorkspace(bufferIo(work, { GITHUB_BASE_REF: "main" })));
  assert.equal(inPullRequest.baseRef, "origin/main");
  assert.deepEqual(inPullRequest.models, ["churn"]);

  const shallowDir = mkdtempSync(join(tmpdir(), "mg-plan-shallow-"));
  await new Git(shallowDir, { isolated: true }).run([
    "clone",
    "-q",
    "--depth",
    "1",
    "--branch",
    "pr",
    `file://${bare}`,
    ".",
  ]);
  const io = bufferIo(shallowDir, { GITHUB_BASE_REF: "main" });
  assert.equal(await main(["plan"], io), 2);
  assert.match(io.stderr, /fetch-depth: 0/);
});

test("modelgate plan --json prints the plan; plain text names models and reasons; bad refs exit 2", async () => {
  const r = await baseRepo();
  r.write("data/shared-eval.csv", "x,y\n1,0\n5,1\n");
  r.remove("models/solo");
  await r.commit("eval data; retire solo");
  const io = bufferIo(r.root);
  assert.equal(await main(["plan", "--base", "main", "--json"], io), 0, io.stderr);
  const json = JSON.parse(io.stdout);
  assert.deepEqual(json.models, ["churn", "fraud"]);
  assert.deepEqual(json.deleted, ["solo"]);
  assert.equal(json.head, await r.git.revParse("HEAD"));
  assert.equal(json.base, await r.git.revParse("main"));

  const text = bufferIo(r.root);
  assert.equal(await main(["plan", "--base", "main"], text), 0);
  assert.match(text.stdout, /^plan: 2 models touched by 3 changed paths/);
  assert.match(text.stdout, /^ {2}churn {2}data\/shared-eval\.csv$/m);
  assert.match(text.stdout, /^deleted: solo /m);

  const bad = bufferIo(r.root);
  assert.equal(await main(["plan", "--base", "no-such-branch"], bad), 2);
  assert.match(bad.stderr, /--base no-such-branch: no such commit/);

  const { root } = makeFixtureRepo();
  const nogit = bufferIo(root);
  assert.equal(await main(["plan"], nogit), 2);
  assert.match(nogit.stderr, /is not in a git repository/);
});

test("a file name that looks like a workflow command is printed quoted, never at the start of a line", async () => {
  const r = await baseRepo();
  r.write("models/churn/::error::x\nname", "evil");
  await r.commit("odd file name");
  const io = bufferIo(r.root);
  assert.equal(await main(["plan", "--base", "main"], io), 0, io.stderr);
  assert.doesNotMatch(io.stdout, /^\s*::/m);
  assert.match(io.stdout, /"models\/churn\/::error::x\\nname"/);
});

test("200 models: a change to one model, one shared dataset and one model's training code plans exactly those", async () => {
  const r = await gitRepo();
  r.write("modelgate.yaml", config());
  for (let d = 0; d < 20; d++) {
    r.write(`data/eval-${d}.yaml`, dataset(`eval-${d}`, `eval-${d}.csv`));
    r.write(`data/eval-${d}.csv`, `x,y\n${d},0\n`);
  }
  for (let i = 0; i < 200; i++) {
    const name = `model-${String(i).padStart(3, "0")}`;
    r.write(`models/${name}/model.yaml`, model(name, { eval: [`eval-${i % 20}`], train: [], workdir: "src" }));
    r.write(`models/${name}/model.onnx`, `${name}-v1`);
    r.write(`models/${name}/src/train.py`, `print(${i})\n`);
  }
  await r.commit("200 models");
  await r.git.run(["checkout", "-q", "-b", "pr"]);
  r.write("models/model-007/model.onnx", "model-007-v2");
  r.write("data/eval-3.csv", "x,y\n3,0\n4,1\n");
  r.write("models/model-150/src/train.py", "print('new')\n");
  await r.commit("change");
  const p = await planOf(r);
  const usersOfEval3 = Array.from({ length: 10 }, (_, k) => `model-${String(3 + 20 * k).padStart(3, "0")}`);
  assert.deepEqual(p.models, [...new Set(["model-007", "model-150", ...usersOfEval3])].sort());
  assert.deepEqual(p.reasons["model-150"], ["models/model-150/src/train.py"]);
  assert.deepEqual(p.reasons["model-043"], ["data/eval-3.csv"]);
});

test("automatic shards: plan splits a model whose evaluation dataset's locked rows exceed shardRows, whatever changed", async () => {
  const r = await baseRepo();
  // shared-eval is locked at 5,000,000 rows; churn keeps the default threshold, fraud sets its own, solo sets shards
  r.write("data/shared-eval.yaml", `${dataset("shared-eval", "shared-eval.csv")}  rows: 5000000\n`);
  r.write(
    "models/fraud/model.yaml",
    `${readFileSync(join(r.root, "models/fraud/model.yaml"), "utf8")}    shardRows: 1000000\n`,
  );
  await r.git.run(["add", "-A"]);
  await r.git.run(["commit", "-qm", "locked rows"]);
  await r.git.run(["branch", "-f", "main"]);
  // a change to churn's model card only: its manifest is not among the changed paths, and is still read for shards
  r.write("models/churn/MODEL_CARD.md", "# churn\n");
  r.write("src/fraud/train.py", "print('train v2')\n");
  await r.commit("card and training code");
  const p = await planRepository(openWorkspace(bufferIo(r.root)), { base: "main" });
  assert.deepEqual(p.models, ["churn", "fraud"]);
  assert.deepEqual(p.shards, { churn: 3, fraud: 5 });
  assert.deepEqual(p.autoShards?.churn, { dataset: "shared-eval", rows: 5_000_000, shardRows: 2_000_000 });
  const io = bufferIo(r.root);
  assert.equal(await main(["plan", "--base", "main"], io), 0);
  assert.match(
    io.stdout,
    /sharded: churn is evaluated in 3 jobs \(shared-eval has 5,000,000 rows, above spec\.evaluation\.shardRows 2,000,000\), then merged/,
  );
});
