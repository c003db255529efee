/** The bundled publish action, run as the runner runs it on a push to main, against the GitHub simulator. */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "yaml";
import { runApprove } from "../../src/commands/approve.ts";
import { GitHubSim } from "../support/github-sim/index.ts";
import { bundleAction, parseOutputFile, runBundle } from "../support/run-action.ts";
import { mergedRepo } from "./fixture.ts";

test("action.yml documents every input the entry reads and every output it sets", () => {
  const yml = parse(readFileSync("actions/publish/action.yml", "utf8"));
  const src = readFileSync("src/actions/publish.ts", "utf8");
  const read = [...src.matchAll(/(?:getInput|boolInput|listInput|opt)\("([\w-]+)"/g)].map((m) => m[1]);
  const set = [...src.matchAll(/setOutput\(\s*"([\w-]+)"/g)].map((m) => m[1]);
  assert.ok(read.length >= 8);
  for (const name of read) assert.ok(yml.inputs[name]?.description, `input ${name} documented`);
  assert.deepEqual(Object.keys(yml.outputs).sort(), [...new Set(set)].sort());
  assert.equal(yml.runs.main, "../../dist/actions/publish.js");
});

test("the bundled action on a push to main: publishes, sets its outputs, keeps the token out of the log and .git/config", async () => {
  const m = await mergedRepo();
  const sim = await GitHubSim.start();
  const repo = "acme/models";
  try {
    sim.addRepo(repo);
    for (const u of ["alice", "bob"]) sim.addCollaborator(repo, u, "write");
    sim.openPull(repo, { number: 7, author: "alice", headSha: m.head, baseSha: m.base });
    sim.submitReview(repo, 7, { login: "bob", state: "APPROVED", commitId: m.head });
    const gh = { GITHUB_TOKEN: sim.token, GITHUB_API_URL: sim.url, GITHUB_REPOSITORY: repo };
    await runApprove({
      cwd: m.root,
      env: { ...m.env, ...gh },
      pr: 7,
      comment: false,
      http: { retryBaseMs: 1, paceWrites: false },
    });
    sim.merge(repo, 7, m.merge, "bob");

    const bundle = await bundleAction("publish");
    const dir = mkdtempSync(join(tmpdir(), "mg-runner-"));
    const output = join(dir, "output");
    writeFileSync(output, "");
    const runnerEnv = (dryRun: boolean) => ({
      ...m.env,
      GITHUB_ACTIONS: "true",
      GITHUB_WORKSPACE: m.root,
      GITHUB_REPOSITORY: repo,
      GITHUB_API_URL: sim.url,
      GITHUB_SHA: m.merge,
      GITHUB_ACTOR: "bob",
      GITHUB_OUTPUT: output,
      INPUT_TOKEN: sim.token,
      "INPUT_PUSH-TOKEN": "push-secret-123",
      "INPUT_DRY-RUN": String(dryRun),
      "INPUT_WORKING-DIRECTORY": ".",
      INPUT_REGISTRY: "",
      INPUT_RECORDS: "",
      INPUT_ARTIFACTS: "",
      INPUT_MODELS: "",
      INPUT_PR: "",
    });
    // A dry run prints the plan and leaves the remote as it was.
    const main = m.remoteGit("rev-parse", "main");
    const dry = await runBundle(bundle, runnerEnv(true));
    assert.equal(dry.code, 0, dry.stdout);
    assert.match(dry.stdout, /churn 1\.1\.0: every check passed; would publish to staging \(dry run\)/);
    assert.match(dry.stdout, /commit to main of origin: records\/churn\/promotions\.jsonl/);
    assert.equal(m.remoteGit("rev-parse", "main"), main);
    assert.equal(m.remoteGit("tag", "-l"), "");

    const { code, stdout } = await runBundle(bundle, runnerEnv(false));
    assert.equal(code, 0, stdout);
    const out = parseOutputFile(readFileSync(output, "utf8"));
    const published = JSON.parse(out.published);
    assert.equal(published[0].name, "churn");
    assert.deepEqual(published[0].tags, ["churn#staging#1"]);
    assert.equal(out.refused, "false");
    assert.equal(out.commit, m.remoteGit("rev-parse", "main"));
    assert.match(stdout, /::notice::to release churn 1\.1\.0: git tag -a churn@v1\.1\.0/);
    // The tokens are registered with the runner's masker and otherwise never printed.
    assert.match(stdout, /^::add-mask::push-secret-123$/m);
    const log = stdout
      .split("\n")
      .filter((l) => !l.startsWith("::add-mask::"))
      .join("\n");
    assert.doesNotMatch(log, /push-secret-123/);
    assert.doesNotMatch(log, new RegExp(Buffer.from("x-access-token:push-secret-123").toString("base64")));
    assert.doesNotMatch(
      execFileSync("git", ["config", "--list", "--local"], { cwd: m.root, encoding: "utf8" }),
      /extraheader/,
    );
    sim.assertClean();
  } finally {
    await sim.close();
  }
});
