import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { main } from "../../src/cli/main.ts";
import { sha256Bytes } from "../../src/data/hash.ts";
import { bufferIo } from "../../src/util/io.ts";
import { churnCsv, makeFixtureRepo } from "../support/fixture-repo.ts";
import { logisticRegressionModel } from "../support/onnx-build.ts";

/** Issue #22: what validate says before evaluate or publish would, for the mistakes a newcomer makes. */

const gitEnv = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_AUTHOR_NAME: "Alice",
  GIT_AUTHOR_EMAIL: "alice@example.com",
  GIT_COMMITTER_NAME: "Alice",
  GIT_COMMITTER_EMAIL: "alice@example.com",
};

type Finding = { severity: string; check: string; message: string; file: string; line?: number };

async function validate(root: string, env: NodeJS.ProcessEnv = gitEnv) {
  const io = bufferIo(root, env);
  const code = await main(["validate", "--json"], io);
  return { code, findings: JSON.parse(io.stdout).findings as Finding[], err: io.stderr };
}

function edit(root: string, rel: string, fn: (s: string) => string) {
  writeFileSync(join(root, rel), fn(readFileSync(join(root, rel), "utf8")));
}

/** The evaluation data rewritten (and its manifest's digest and rows with it). */
function replaceEval(root: string, csv: string) {
  writeFileSync(join(root, "data/churn-eval.csv"), csv);
  edit(root, "data/churn-eval.yaml", (s) => s.replace(/sha256: [0-9a-f]{64}/, `sha256: ${sha256Bytes(csv)}`));
}

test("item 5: a value outside a column's expected range is a warning naming the row, not an error", async () => {
  const fx = makeFixtureRepo();
  edit(fx.root, "data/churn-eval.yaml", (s) =>
    s.replace("      min: 0\n      max: 200\n", "      min: 0\n      expected: {max: 40}\n"),
  );
  const r = await validate(fx.root);
  assert.equal(r.code, 0, JSON.stringify(r.findings));
  const w = r.findings.find((f) => f.check === "data" && /expected\.max/.test(f.message));
  assert.ok(w, JSON.stringify(r.findings));
  assert.equal(w.severity, "warning");
  assert.match(
    w.message,
    /^data\/churn-eval\.csv: \d+ rows \(first: row \d+, line \d+; e\.g\. "\d+"(, "\d+")*\) above 40, expected\.max; the data reaches further than before: check them, and widen expected if they are valid$/,
  );
});

test("items 1-2: word labels a model without class names cannot be matched to are an error at spec.label, before evaluate", async () => {
  const fx = makeFixtureRepo();
  const words = churnCsv(3, 300).replace(/,1\n/g, ",yes\n").replace(/,0\n/g, ",no\n");
  replaceEval(fx.root, words);
  edit(fx.root, "data/churn-eval.yaml", (s) =>
    s.replace(
      "    - name: churned\n      type: integer\n      role: label\n      values: [0, 1]",
      "    - name: churned\n      type: string\n      role: label\n      values: [no, yes]",
    ),
  );
  edit(fx.root, "models/churn/model.yaml", (s) => s.replace("    classes: [0, 1]\n    positive: 1\n", ""));
  const r = await validate(fx.root);
  assert.equal(r.code, 1);
  const f = r.findings.find((x) => x.check === "classes");
  assert.ok(f, JSON.stringify(r.findings));
  assert.equal(f.file, "models/churn/model.yaml");
  assert.match(
    f.message,
    /model\.onnx: the model's graph names no classes for its 2 probability columns, and label "churned" in data\/churn-eval\.csv has "no", "yes", not the column numbers 0 to 1: which column is which cannot be told\. Set spec\.label\.classes/,
  );
  // said which is which: valid, and evaluate agrees
  edit(fx.root, "models/churn/model.yaml", (s) =>
    s.replace("    column: churned\n", "    column: churned\n    labels: {no: 0, yes: 1}\n"),
  );
  const fixed = await validate(fx.root);
  assert.ok(!fixed.findings.some((x) => x.check === "classes"), JSON.stringify(fixed.findings));
});

/** A repository on main at 1.0.0, and a branch `change` checked out, as a pull request's checkout has them. */
function onBranch() {
  const fx = makeFixtureRepo();
  const git = (...args: string[]) => execFileSync("git", args, { cwd: fx.root, env: gitEnv, encoding: "utf8" });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "churn 1.0.0");
  git("checkout", "-q", "-b", "change");
  return { fx, git };
}

test("item 9: a model file changed without spec.version: validate on the branch refuses, naming the version to bump", async () => {
  const { fx, git } = onBranch();
  const other = logisticRegressionModel({ weights: [-1 / 12, 1 / 90], bias: 1.4 });
  fx.write("models/churn/model.onnx", other);
  git("commit", "-qam", "a new model file");
  const unlocked = await validate(fx.root);
  assert.equal(unlocked.code, 1);
  const f = unlocked.findings.find((x) => x.check === "version");
  assert.ok(f, JSON.stringify(unlocked.findings));
  assert.equal(f.file, "models/churn/model.yaml");
  assert.match(
    f.message,
    /^the artifact changed but spec\.version did not: bump it \(models\/churn\/model\.onnx differs from main \([0-9a-f]{12}\)'s, and spec\.artifact\.sha256 is unchanged \(run `modelgate lock` too\); spec\.version is 1\.0\.0 in both\); e\.g\. version: 1\.0\.1$/,
  );

  // locked, still 1.0.0: the digest says it
  edit(fx.root, "models/churn/model.yaml", (s) => s.replace(/sha256: [0-9a-f]{64}/, `sha256: ${sha256Bytes(other)}`));
  const locked = await validate(fx.root);
  assert.match(
    locked.findings.find((x) => x.check === "version")?.message ?? "",
    /spec\.artifact\.sha256 is [0-9a-f]{12}…, [0-9a-f]{12}… at main/,
  );

  // bumped: nothing to say
  edit(fx.root, "models/churn/model.yaml", (s) => s.replace("version: 1.0.0", "version: 1.1.0"));
  const bumped = await validate(fx.root);
  assert.equal(bumped.code, 0, JSON.stringify(bumped.findings));
  assert.ok(!bumped.findings.some((x) => x.check === "version"));
});

test("item 9: in a pull request's shallow checkout the version check cannot run, and a warning says why", async () => {
  const { fx, git } = onBranch();
  const shallow = join(fx.root, "..", `${fx.root.split("/").pop()}-shallow`);
  execFileSync("git", ["clone", "-q", "--depth", "1", "--branch", "change", `file://${fx.root}`, shallow], {
    env: gitEnv,
  });
  git("checkout", "-q", "main");
  const r = await validate(shallow, { ...gitEnv, GITHUB_BASE_REF: "main" });
  const w = r.findings.find((x) => x.check === "version");
  assert.ok(w, JSON.stringify(r.findings));
  assert.equal(w.severity, "warning");
  assert.match(
    w.message,
    /the version was not compared with the base branch: .*this clone is shallow: fetch the history \(actions\/checkout with fetch-depth: 0\)/,
  );
});

test("item 9 in a folder of a larger repository, based on origin's HEAD: the base's manifest is found, the branch named", async () => {
  const fx = makeFixtureRepo();
  const top = mkdtempSync(join(tmpdir(), "mg-repo-top-"));
  cpSync(fx.root, join(top, "ml"), { recursive: true });
  const root = join(top, "ml");
  const git = (...args: string[]) => execFileSync("git", args, { cwd: top, env: gitEnv, encoding: "utf8" });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "churn 1.0.0");
  // origin's default branch is trunk (as a clone records it), at the same commit; main moves on
  git("update-ref", "refs/remotes/origin/trunk", "HEAD");
  git("symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/trunk");
  git("checkout", "-q", "-b", "change");
  writeFileSync(
    join(root, "models/churn/model.onnx"),
    logisticRegressionModel({ weights: [-1 / 12, 1 / 90], bias: 1.4 }),
  );
  git("commit", "-qam", "a new model file");
  const r = await validate(root);
  assert.equal(r.code, 1, JSON.stringify(r.findings));
  const f = r.findings.find((x) => x.check === "version");
  assert.ok(f, JSON.stringify(r.findings));
  assert.match(f.message, /models\/churn\/model\.onnx differs from origin\/trunk \([0-9a-f]{12}\)'s/);
});
