/**
 * The whole lifecycle through the actions' built bundles, run as the runner runs them (INPUT_*, GITHUB_OUTPUT,
 * GITHUB_EVENT_PATH with payloads from @octokit/webhooks-examples), against the GitHub simulator and a bare git
 * remote: PR opened → plan → validate → train → evaluate → report → review → approve → merge → publish → tag →
 * release → audit verify. Each step asserts what its user would see.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import { applyVersion, copyExample, exampleVersions } from "../../src/cli/demo/example.ts";
import { readOverlayPin } from "../../src/deploy/render.ts";
import { parseTrailers } from "../../src/ledger/trailers.ts";
import { main } from "../../src/cli/main.ts";
import { bufferIo } from "../../src/util/io.ts";
import { GitHubSim, webhookExample } from "../support/github-sim/index.ts";
import { bundleAction, parseOutputFile, runBundle } from "../support/run-action.ts";

const REPO = "acme/fraud";
const ACTIONS = ["plan", "validate", "train", "evaluate", "report", "approve", "publish", "release", "audit"];
const bundles: Record<string, string> = {};
let sim: GitHubSim;

before(async () => {
  for (const a of ACTIONS) bundles[a] = await bundleAction(a);
  sim = await GitHubSim.start();
});
after(async () => {
  await sim.close();
});

const people = { alice: "Alice Author", bob: "Bob Reviewer", dana: "Dana Release-Manager" } as const;
const gitEnv = { GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" };
function git(cwd: string, who: keyof typeof people, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      ...gitEnv,
      GIT_AUTHOR_NAME: people[who],
      GIT_AUTHOR_EMAIL: `${who}@example.com`,
      GIT_COMMITTER_NAME: people[who],
      GIT_COMMITTER_EMAIL: `${who}@example.com`,
    },
  }).trim();
}

/** Runs one bundled action in `workspace` on `event`, as the runner would. */
async function step(
  action: string,
  workspace: string,
  event: { name: string; payload: object },
  inputs: Record<string, string>,
  extra: Record<string, string> = {},
): Promise<{ code: number; log: string; outputs: Record<string, string>; summary: string }> {
  const dir = mkdtempSync(join(tmpdir(), `mg-runner-${action}-`));
  const files = {
    GITHUB_OUTPUT: join(dir, "output"),
    GITHUB_STEP_SUMMARY: join(dir, "summary"),
    GITHUB_EVENT_PATH: join(dir, "event.json"),
  };
  writeFileSync(files.GITHUB_OUTPUT, "");
  writeFileSync(files.GITHUB_STEP_SUMMARY, "");
  writeFileSync(files.GITHUB_EVENT_PATH, JSON.stringify(event.payload));
  const env: NodeJS.ProcessEnv = {
    ...files,
    ...gitEnv,
    HOME: dir,
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: REPO,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_API_URL: sim.url,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_RUN_ID: "500",
    RUNNER_TEMP: dir,
    ...extra,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const { code, stdout } = await runBundle(bundles[action], env);
  return {
    code,
    log: stdout,
    outputs: parseOutputFile(readFileSync(files.GITHUB_OUTPUT, "utf8")),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, "utf8"),
  };
}

test("a model change from pull request to production, as every user sees it", async () => {
  const base = mkdtempSync(join(tmpdir(), "mg-lifecycle-"));
  const remote = join(base, "remote.git");
  git(base, "alice", "init", "-q", "--bare", "-b", "main", remote);

  // main: the example repository with fraud-detector 1.0.0
  const author = join(base, "alice");
  copyExample(author);
  git(author, "alice", "init", "-q", "-b", "main");
  git(author, "alice", "remote", "add", "origin", remote);
  git(author, "alice", "add", "-A");
  git(author, "alice", "commit", "-q", "-m", "fraud-detector 1.0.0");
  git(author, "alice", "push", "-q", "origin", "main");
  const mainSha = git(author, "alice", "rev-parse", "HEAD");

  // alice trains 1.1.0 on her machine and opens a pull request with the manifest and the model (CI trains it again
  // and must get the same bytes)
  const v = exampleVersions().find((x) => x.version === "1.1.0")!;
  git(author, "alice", "checkout", "-q", "-b", "fraud-detector-1.1.0");
  applyVersion(author, v);
  const trained = bufferIo(author, { PATH: process.env.PATH, HOME: author });
  assert.equal(await main(["train", "fraud-detector"], trained), 0, trained.stderr);
  git(author, "alice", "add", "models");
  git(author, "alice", "commit", "-qm", v.title);
  git(author, "alice", "push", "-q", "origin", "fraud-detector-1.1.0");
  const head = git(author, "alice", "rev-parse", "HEAD");

  sim.addRepo(REPO);
  for (const u of ["alice", "bob", "dana"]) sim.addCollaborator(REPO, u, "write");
  sim.addCollaborator(REPO, "erin", "read");
  const opened = webhookExample("pull_request", "opened");
  opened.pull_request.number = 5;
  opened.pull_request.head.sha = head;
  opened.pull_request.head.ref = "fraud-detector-1.1.0";
  opened.pull_request.base.sha = mainSha;
  opened.pull_request.base.ref = "main";
  opened.repository.full_name = REPO;
  sim.openPull(REPO, {
    number: 5,
    author: "alice",
    headSha: head,
    files: ["models/fraud-detector/model.yaml"],
    template: opened.pull_request,
  });
  const prEvent = { name: "pull_request", payload: opened };

  // ---- the pull request workflow (read-only): plan, validate, train, evaluate, in the PR's checkout
  const pr = join(base, "pr-checkout");
  git(base, "alice", "clone", "-q", remote, pr);
  git(pr, "alice", "checkout", "-q", head);
  const plan = await step("plan", pr, prEvent, { base: mainSha, head });
  assert.equal(plan.code, 0, plan.log);
  assert.deepEqual(JSON.parse(plan.outputs.models), ["fraud-detector"]);
  assert.equal(plan.outputs.any, "true");
  const validate = await step("validate", pr, prEvent, { "skip-data": "false" });
  assert.equal(validate.code, 0, validate.log);
  const train = await step("train", pr, prEvent, { model: "fraud-detector" });
  assert.equal(train.code, 0, train.log);
  const evaluate = await step("evaluate", pr, prEvent, { model: "fraud-detector", resamples: "200" });
  assert.equal(evaluate.code, 0, evaluate.log);
  assert.ok(JSON.parse(evaluate.outputs.metrics).roc_auc > 0.8);
  // upload-artifact of .modelgate/evaluations/ and the candidate, at their paths
  const artifact = join(base, "artifact");
  for (const rel of [evaluate.outputs.record, evaluate.outputs.candidate]) {
    mkdirSync(dirname(join(artifact, rel)), { recursive: true });
    cpSync(join(pr, rel), join(artifact, rel));
  }

  // ---- the report workflow (workflow_run, privileged): the default branch's checkout, the artifact as untrusted input
  const trusted = join(base, "default-branch");
  git(base, "alice", "clone", "-q", remote, trusted);
  const run = webhookExample("workflow_run", "completed");
  run.repository.full_name = REPO;
  Object.assign(run.workflow_run, {
    name: "modelgate (pull request)",
    event: "pull_request",
    conclusion: "success",
    head_sha: head,
    head_branch: "fraud-detector-1.1.0",
    pull_requests: [{ number: 5, head: { sha: head }, base: {} }],
  });
  run.workflow_run.head_repository.full_name = REPO;
  const report = await step(
    "report",
    trusted,
    { name: "workflow_run", payload: run },
    { token: sim.token, "from-artifact": join(artifact, ".modelgate/evaluations"), sha: head },
  );
  assert.equal(report.code, 0, report.log);
  // the reviewer: one sticky comment with the verdict; one check run on the head
  const comments = sim.comments(REPO, 5);
  assert.equal(comments.length, 1);
  assert.match(comments[0].body, /✅ fraud-detector · 1\.0\.0 → 1\.1\.0 · pass/);
  assert.equal(sim.checkRuns(REPO).find((c) => c.headSha === head)?.conclusion, "success");
  assert.match(report.summary, /fraud-detector/);

  // ---- bob approves; the approval workflow (base checkout) sets the required status
  sim.submitReview(REPO, 5, { login: "bob", state: "APPROVED", commitId: head });
  const reviewed = webhookExample("pull_request_review", "submitted");
  reviewed.pull_request.number = 5;
  reviewed.pull_request.head.sha = head;
  reviewed.repository.full_name = REPO;
  const approve = await step(
    "approve",
    trusted,
    { name: "pull_request_review", payload: reviewed },
    { token: sim.token },
  );
  assert.equal(approve.code, 0, approve.log);
  assert.equal(sim.status(REPO, head, "modelgate/approval")?.state, "success");

  // ---- bob merges; the publish workflow runs on the push to main with the PR run's artifact
  git(trusted, "bob", "fetch", "-q", "origin");
  git(trusted, "bob", "merge", "-q", "--no-ff", `origin/fraud-detector-1.1.0`, "-m", "Merge pull request #5");
  git(trusted, "bob", "push", "-q", "origin", "main");
  const merge = git(trusted, "bob", "rev-parse", "HEAD");
  sim.merge(REPO, 5, merge, "bob");
  const push = webhookExample("push");
  push.repository.full_name = REPO;
  const publish = await step(
    "publish",
    trusted,
    { name: "push", payload: push },
    {
      token: sim.token,
      records: join(artifact, ".modelgate/evaluations"),
      artifacts: artifact,
      "dry-run": "false",
      "working-directory": ".",
    },
    { GITHUB_SHA: merge, GITHUB_ACTOR: "bob" },
  );
  assert.equal(publish.code, 0, publish.log);
  const [published] = JSON.parse(publish.outputs.published);
  assert.deepEqual(published.tags, ["fraud-detector#staging#1"]);
  // the bot's commit: trailers git reads back, on top of the merge
  const msg = git(trusted, "bob", "--git-dir", remote, "log", "-1", "--format=%B", "main");
  const trailers = parseTrailers(
    execFileSync("git", ["interpret-trailers", "--parse"], { input: msg, encoding: "utf8" }),
  );
  assert.deepEqual(trailers.get("Model-Version"), ["1.1.0"]);
  assert.deepEqual(
    trailers.get("Approved-by")?.map((a) => a.split(" ")[0]),
    ["bob"],
  );
  assert.match(publish.log, /::notice::to release fraud-detector 1\.1\.0: git tag -a fraud-detector@v1\.1\.0/);

  // ---- dana tags the version; the release workflow runs in the production environment, erin approves it there
  git(trusted, "dana", "fetch", "-q", "origin");
  git(trusted, "dana", "tag", "-a", "fraud-detector@v1.1.0", "-m", "fraud-detector 1.1.0", published.commit);
  git(trusted, "dana", "push", "-q", "origin", "fraud-detector@v1.1.0");
  sim.reviewDeployment(REPO, 501, {
    user: "erin",
    state: "approved",
    comment: "staging is fine",
    environments: ["production"],
  });
  const tagPush = webhookExample("push");
  tagPush.repository.full_name = REPO;
  tagPush.ref = "refs/tags/fraud-detector@v1.1.0";
  const release = await step(
    "release",
    trusted,
    { name: "push", payload: tagPush },
    { token: sim.token, "dry-run": "false", "working-directory": "." },
    { GITHUB_REF: "refs/tags/fraud-detector@v1.1.0", GITHUB_ACTOR: "dana", GITHUB_RUN_ID: "501" },
  );
  assert.equal(release.code, 0, release.log);
  // production runs the image publish built; the stage tag is on the version's commit
  const prodOverlay = git(
    trusted,
    "dana",
    "--git-dir",
    remote,
    "show",
    "main:deploy/fraud-detector/overlays/production/kustomization.yaml",
  );
  assert.equal(readOverlayPin(prodOverlay)?.image, published.image.reference);
  assert.equal(
    git(trusted, "dana", "--git-dir", remote, "rev-parse", "fraud-detector#production#1^{commit}"),
    published.commit,
  );
  assert.deepEqual(git(trusted, "dana", "--git-dir", remote, "tag", "-l").split("\n").sort(), [
    "fraud-detector#production#1",
    "fraud-detector#staging#1",
    "fraud-detector@v1.1.0",
  ]);

  // ---- the auditor: the nightly audit verifies the whole chain from a fresh clone, with the timeline in the summary
  const auditor = join(base, "auditor");
  git(base, "alice", "clone", "-q", remote, auditor);
  const audit = await step("audit", auditor, { name: "schedule", payload: {} }, { "working-directory": "." });
  assert.equal(audit.code, 0, audit.log);
  assert.match(audit.summary, /No findings/);
  assert.match(audit.summary, /released \| 1\.1\.0 \| production \| dana/);
  assert.match(audit.summary, /approved \| 1\.1\.0 \| — \| bob/);
  sim.assertClean();
});
