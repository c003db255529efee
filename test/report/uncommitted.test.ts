import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { main } from "../../src/cli/main.ts";
import { bufferIo } from "../../src/util/io.ts";
import { makeFixtureRepo } from "../support/fixture-repo.ts";

/**
 * Issue #22 item 10: forgetting to commit. evaluate and report read the working tree, a pull request's run only what
 * was pushed; report said nothing about manifests that were not committed. It names them and the commands to run.
 */
const env = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_AUTHOR_NAME: "Alice",
  GIT_AUTHOR_EMAIL: "alice@example.com",
  GIT_COMMITTER_NAME: "Alice",
  GIT_COMMITTER_EMAIL: "alice@example.com",
};

async function cli(root: string, e: NodeJS.ProcessEnv, ...args: string[]) {
  const io = bufferIo(root, e);
  const code = await main(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

test("evaluate and report on manifests that are not committed name them and the commands that commit and push them", async () => {
  const fx = makeFixtureRepo();
  const git = (...args: string[]) => execFileSync("git", args, { cwd: fx.root, env, encoding: "utf8" });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "churn 1.0.0");
  const e = await cli(fx.root, env, "evaluate", "churn", "--resamples", "0", "--no-latency");
  assert.equal(e.code, 0, e.err);
  assert.doesNotMatch(e.err, /not committed/, "all committed: no note");
  const clean = await cli(fx.root, env, "report", "--dry-run", "--skip-data");
  assert.doesNotMatch(clean.err, /not committed/, "all committed: no note");

  const yaml = readFileSync(join(fx.root, "models/churn/model.yaml"), "utf8");
  fx.write("models/churn/model.yaml", yaml.replace("version: 1.0.0", "version: 1.1.0"));
  fx.write("models/churn/notes for reviewers.md", "why 1.1.0\n"); // not a file the evaluation reads
  const again = await cli(fx.root, env, "evaluate", "churn", "--resamples", "0", "--no-latency");
  assert.equal(again.code, 0, again.err);
  assert.ok(
    again.err.includes(
      'note: churn: models/churn/model.yaml is not committed, so the evaluation record describes files that a pull request does not hold yet; next: `git add models/churn/model.yaml && git commit -m "churn 1.1.0" && git push`, then open a pull request (its run evaluates what is pushed)\n',
    ),
    again.err,
  );
  const r = await cli(fx.root, env, "report", "--dry-run", "--skip-data", "--json");
  assert.equal(r.code, 0, r.err);
  const note =
    'churn: models/churn/model.yaml is not committed, so this report describes files that a pull request does not hold yet; next: `git add models/churn/model.yaml && git commit -m "churn 1.1.0" && git push`, then open a pull request (its run evaluates what is pushed)';
  assert.ok(r.err.includes(`note: ${note}\n`), r.err);
  assert.deepEqual(JSON.parse(r.out).notes, [note]);

  // inside Actions, a checkout holds what was pushed and what the jobs wrote: no note
  const ci = await cli(fx.root, { ...env, GITHUB_ACTIONS: "true" }, "report", "--dry-run", "--skip-data");
  assert.doesNotMatch(ci.err, /not committed/);
});
