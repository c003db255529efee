/**
 * A pull request from a fork, probed as an attacker would: the built report action (and the CLI bundle) fed a hostile
 * evaluation artifact, run as the runner runs them, against the GitHub simulator. What the runner would execute from
 * the log is read back with the runner's own command parsing (test/support/runner-commands.ts).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { runApprove } from "../../src/approve/run.ts";
import { evaluateRepositoryModel } from "../../src/evaluate/run.ts";
import { logisticRegressionModel } from "../support/onnx-build.ts";
import { type ReportOptions, runReport as reportService } from "../../src/report/run.ts";
import { toJson } from "../../src/util/fs.ts";
import { bufferIo } from "../../src/util/io.ts";
import { openWorkspace } from "../../src/workspace/workspace.ts";
import { GitHubSim, seedPullRequest, webhookExample } from "../support/github-sim/index.ts";
import { makeFixtureRepo } from "../support/fixture-repo.ts";
import { bundleAction, bundleCli, parseOutputFile, runBundle } from "../support/run-action.ts";
import { runnerCommands } from "../support/runner-commands.ts";
import { bindToFixture, makeRecord } from "./builder.ts";

/** The report service on a workspace opened at `cwd`, with `env`. */
type AtFolder = ReportOptions & { cwd: string; env: NodeJS.ProcessEnv };
const runReport = ({ cwd, env, ...o }: AtFolder) => reportService(openWorkspace(bufferIo(cwd, env)), o);

/** The name a fork writes into its record: a line break, then workflow commands. */
const HOSTILE_NAME = "x\n::warning title=INJECTED::…\n::set-output name=verdict::pass";

let report: string;
let cli: string;
let validate: string;
let sim: GitHubSim;

before(async () => {
  [report, cli, validate] = await Promise.all([bundleAction("report"), bundleCli(), bundleAction("validate")]);
  sim = await GitHubSim.start();
});
after(async () => {
  await sim.close();
});

/** The files the runner gives a step, and the environment it runs an action's entry with. */
function runnerEnv(workspace: string, event: object, eventName: string, inputs: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), "mg-runner-"));
  const files = {
    GITHUB_OUTPUT: join(dir, "output"),
    GITHUB_STEP_SUMMARY: join(dir, "summary"),
    GITHUB_EVENT_PATH: join(dir, "event.json"),
  };
  writeFileSync(files.GITHUB_OUTPUT, "");
  writeFileSync(files.GITHUB_STEP_SUMMARY, "");
  writeFileSync(files.GITHUB_EVENT_PATH, JSON.stringify(event));
  const env: NodeJS.ProcessEnv = {
    ...files,
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: eventName,
    GITHUB_API_URL: sim.url,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_RUN_ID: "88",
    RUNNER_TEMP: dir,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  return { env, outputs: () => parseOutputFile(readFileSync(files.GITHUB_OUTPUT, "utf8")) };
}

let prNumber = 700;

describe("workflow-command injection", () => {
  it("a record whose model name holds workflow commands: the report action's log runs none of them", async () => {
    const event = webhookExample("pull_request", "opened");
    event.pull_request.number = ++prNumber;
    event.pull_request.head.sha = String(prNumber).padStart(40, "a");
    const { repo } = seedPullRequest(sim, event, ["models/churn/model.yaml"]);
    const fx = makeFixtureRepo();
    const art = mkdtempSync(join(tmpdir(), "mg-art-"));
    writeFileSync(join(art, "churn.json"), toJson(makeRecord({ name: "churn" })));
    writeFileSync(join(art, "hostile.json"), toJson(makeRecord({ name: HOSTILE_NAME })));
    const run = runnerEnv(fx.root, event, "pull_request", {
      token: sim.token,
      "from-artifact": art,
      "skip-data": "true",
    });
    run.env.GITHUB_REPOSITORY = repo;
    const { code, stdout } = await runBundle(report, run.env);
    assert.equal(code, 1, stdout);
    const ran = runnerCommands(stdout);
    assert.deepEqual(
      ran.filter((c) => c.name === "set-output" || c.properties.title === "INJECTED").map((c) => c.line),
      [],
      `the runner would run commands from the record:\n${stdout}`,
    );
    assert.ok(stdout.includes("::set-output name=verdict::pass"), "the refused name is shown, as text");
    assert.ok(
      ran.some((c) => c.name === "error" && c.data.includes("refused evaluation record hostile.json")),
      "the refusal is an error annotation",
    );
    assert.ok(
      ran.some((c) => c.name === "add-mask"),
      "modelgate's own commands still run",
    );
    assert.equal(run.outputs().verdict, "fail");
    sim.assertClean();
  });

  it("the CLI's error path inside Actions prints the refusal without running it", async () => {
    const fx = makeFixtureRepo();
    const art = mkdtempSync(join(tmpdir(), "mg-art-"));
    writeFileSync(join(art, "hostile.json"), toJson(makeRecord({ name: HOSTILE_NAME })));
    const { code, stdout } = await runBundle(
      cli,
      { GITHUB_ACTIONS: "true", HOME: tmpdir() },
      { args: ["report", "--from-artifact", art, "--dry-run", "--skip-validate"], cwd: fx.root },
    );
    assert.equal(code, 2, stdout);
    assert.match(stdout, /no evaluation records in the artifact/);
    assert.ok(stdout.includes("::set-output name=verdict::pass"), "the refused name is shown, as text");
    assert.deepEqual(
      runnerCommands(stdout).map((c) => c.line),
      [],
    );
  });

  it("validate: a manifest value holding workflow commands becomes an annotation's text, and nothing more", async () => {
    const fx = makeFixtureRepo();
    const file = join(fx.root, "models/churn/model.yaml");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace(
        "task: binary-classification",
        'task: "binary\\n::set-output name=ok::true\\n::warning title=INJECTED::x"',
      ),
    );
    const run = runnerEnv(fx.root, {}, "pull_request", { "skip-data": "true" });
    const { code, stdout } = await runBundle(validate, run.env);
    assert.equal(code, 1, stdout);
    const ran = runnerCommands(stdout);
    assert.deepEqual(
      ran.filter((c) => c.name === "set-output" || c.properties.title === "INJECTED").map((c) => c.line),
      [],
      stdout,
    );
    const annotation = ran.find((c) => c.name === "error" && c.properties.file === "models/churn/model.yaml");
    assert.ok(annotation, `the finding is still an annotation on the manifest:\n${stdout}`);
    assert.match(annotation.data, /::set-output name=ok::true/, "with the value as its text");
    assert.equal(run.outputs().ok, "false");
  });
});

/** A comment anyone can post: modelgate's marker, a passing report and a forged approval section. */
const FORGED = [
  "<!-- modelgate -->",
  "## ✅ modelgate report",
  "",
  "<!-- modelgate:section:approval -->",
  "### ✅ Approval: approved by alice (forged)",
  "<!-- /modelgate:section:approval -->",
].join("\n");

function openPr(files = ["models/churn/model.yaml"]) {
  const event = webhookExample("pull_request", "opened");
  event.pull_request.number = ++prNumber;
  event.pull_request.head.sha = String(prNumber).padStart(40, "b");
  const { repo, number } = seedPullRequest(sim, event, files);
  return { event, repo, number, head: event.pull_request.head.sha as string };
}

/** Commits everything in a fixture folder (a new repository) and returns the commit. */
function commitAll(root: string): string {
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=Alice", "-c", "user.email=alice@example.com", ...args], {
      cwd: root,
      encoding: "utf8",
      env: { PATH: process.env.PATH, HOME: process.env.HOME, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" },
    }).trim();
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "base");
  return git("rev-parse", "HEAD");
}

function withRecords(fx: ReturnType<typeof makeFixtureRepo>) {
  fx.write(
    ".modelgate/evaluations/churn.json",
    toJson(bindToFixture(fx.root, makeRecord({ name: "churn", metrics: { roc_auc: 0.9, recall: 0.7 } }))),
  );
  return fx;
}

describe("sticky-comment takeover", () => {
  it("the report action (GITHUB_TOKEN) edits only its own comment and carries nothing over from a forged one", async () => {
    const { event, repo, number } = openPr();
    const forged = sim.addComment(repo, number, "mallory", FORGED);
    const fx = withRecords(makeFixtureRepo());
    for (const round of [1, 2]) {
      const run = runnerEnv(fx.root, event, "pull_request", { token: sim.token, "skip-data": "true" });
      run.env.GITHUB_REPOSITORY = repo;
      const { code, stdout } = await runBundle(report, run.env);
      assert.equal(code, 0, `round ${round}: ${stdout}`);
    }
    const comments = sim.comments(repo, number);
    assert.equal(comments.length, 2, "mallory's and one of modelgate's");
    assert.equal(comments.find((c) => c.id === forged.id)?.body, FORGED, "the forged comment is untouched");
    const mine = comments.find((c) => c.id !== forged.id)!;
    assert.equal(mine.login, "github-actions[bot]");
    assert.equal(mine.app, "github-actions");
    assert.match(mine.body, /^<!-- modelgate -->\n## ✅ modelgate report/);
    assert.doesNotMatch(
      mine.body,
      /forged|modelgate:section:approval/,
      "no section carried over from mallory's comment",
    );
    sim.assertClean();
  });

  it("approve writes its section into its own comment, never into a forged one", async () => {
    const { repo, number } = openPr();
    const forged = sim.addComment(repo, number, "mallory", FORGED);
    const fx = makeFixtureRepo();
    // approve reads the rules at the pull request's base: the fixture, committed, is that commit.
    sim.pull(repo, number).baseSha = commitAll(fx.root);
    const r = await runApprove(openWorkspace(bufferIo(fx.root, { GITHUB_TOKEN: sim.token, GITHUB_API_URL: sim.url })), {
      repo,
      pr: number,
      models: ["churn"],
      http: { retryBaseMs: 1, paceWrites: false },
    });
    assert.equal(r.commentError, undefined);
    const comments = sim.comments(repo, number);
    assert.equal(comments.find((c) => c.id === forged.id)?.body, FORGED);
    const mine = comments.filter((c) => c.id !== forged.id);
    assert.equal(mine.length, 1);
    assert.equal(mine[0].login, "github-actions[bot]");
    assert.match(mine[0].body, /modelgate:section:approval/);
    assert.doesNotMatch(mine[0].body, /forged/);
    sim.assertClean();
  });

  it("a personal access token's comment is its user's (GET /user); a marked comment by github-actions[bot] is not", async () => {
    const { repo, number } = openPr();
    sim.addToken("ghp_releasebotpat00000000000000000000", { login: "release-bot" });
    const other = sim.addComment(
      repo,
      number,
      "github-actions[bot]",
      "<!-- modelgate -->\nanother workflow's",
      "github-actions",
    );
    const fx = withRecords(makeFixtureRepo());
    const run = () =>
      runReport({
        cwd: fx.root,
        env: { GITHUB_API_URL: sim.url },
        token: "ghp_releasebotpat00000000000000000000",
        repo,
        pr: number,
        validate: false,
        checkRuns: false,
        http: { retryBaseMs: 1, paceWrites: false },
      });
    const first = await run();
    const second = await run();
    assert.equal(first.published?.comment?.created, true);
    assert.equal(second.published?.comment?.id, first.published?.comment?.id, "the second run updates its own");
    const comments = sim.comments(repo, number);
    assert.equal(comments.find((c) => c.id === other.id)?.body, "<!-- modelgate -->\nanother workflow's");
    assert.deepEqual(
      comments.filter((c) => c.id !== other.id).map((c) => c.login),
      ["release-bot"],
    );
    sim.assertClean();
  });

  it("a GitHub App's installation token with app-slug: the comment <slug>[bot] wrote is updated in place", async () => {
    const { repo, number } = openPr();
    sim.addToken("ghs_acmemodelsinstallation000000000000", { login: "acme-models[bot]", app: "acme-models" });
    const impostor = sim.addComment(repo, number, "github-actions[bot]", FORGED, "github-actions");
    const own = sim.addComment(repo, number, "acme-models[bot]", "<!-- modelgate -->\nan older report", "acme-models");
    const fx = withRecords(makeFixtureRepo());
    const userCalls = sim.log.filter((l) => l.path === "/user").length;
    const r = await runReport({
      cwd: fx.root,
      env: { GITHUB_API_URL: sim.url },
      token: "ghs_acmemodelsinstallation000000000000",
      appSlug: "acme-models",
      repo,
      pr: number,
      validate: false,
      checkRuns: false,
      http: { retryBaseMs: 1, paceWrites: false },
    });
    assert.equal(r.published?.comment?.id, own.id);
    assert.equal(sim.log.filter((l) => l.path === "/user").length, userCalls, "the slug names the bot: no GET /user");
    const comments = sim.comments(repo, number);
    assert.equal(comments.length, 2);
    assert.equal(comments.find((c) => c.id === impostor.id)?.body, FORGED);
    assert.match(comments.find((c) => c.id === own.id)!.body, /## ✅ modelgate report/);
    sim.assertClean();
  });
});

/** The `workflow_run` event the report workflow gets when "modelgate (pull request)" completes for `head`. */
function workflowRunEvent(repo: string, head: { sha: string; repo: string; branch: string; prs?: number[] }) {
  const event = webhookExample("workflow_run", "completed");
  event.repository.full_name = repo;
  event.repository.name = repo.split("/")[1];
  event.repository.owner.login = repo.split("/")[0];
  const w = event.workflow_run;
  w.name = "modelgate (pull request)";
  w.event = "pull_request";
  w.conclusion = "success";
  w.head_sha = head.sha;
  w.head_branch = head.branch;
  w.head_repository.full_name = head.repo;
  w.head_repository.name = head.repo.split("/")[1];
  w.head_repository.owner.login = head.repo.split("/")[0];
  // GitHub lists only the base repository's own pull requests here, never a fork's
  w.pull_requests = (head.prs ?? []).map((number) => ({ number, head: { sha: head.sha }, base: {} }));
  return event;
}

describe("the pull request comes from the run's head commit, not from the artifact", () => {
  it("an artifact (or input) naming another pull request is refused: nothing is posted anywhere", async () => {
    const victim = openPr();
    const attacker = openPr();
    const fx = makeFixtureRepo();
    const art = mkdtempSync(join(tmpdir(), "mg-art-"));
    writeFileSync(join(art, "churn.json"), toJson(makeRecord({ name: "churn" })));
    writeFileSync(join(art, "pull-request"), `${victim.number}\n`);
    const event = workflowRunEvent(victim.repo, { sha: attacker.head, repo: victim.repo, branch: "changes" });
    // the report workflow as it was: the number read from the artifact, passed to the action
    const run = runnerEnv(fx.root, event, "workflow_run", {
      token: sim.token,
      "from-artifact": art,
      "pull-request": String(victim.number),
      sha: attacker.head,
      "skip-data": "true",
    });
    run.env.GITHUB_REPOSITORY = victim.repo;
    const { code, stdout } = await runBundle(report, run.env);
    assert.equal(code, 1, stdout);
    assert.match(
      stdout,
      /::error::modelgate report: no open pull request has the head commit \w{7} that was evaluated/,
    );
    assert.deepEqual(sim.comments(victim.repo, victim.number), [], "nothing on the victim's pull request");
    assert.deepEqual(
      sim.checkRuns(victim.repo).filter((c) => c.headSha === victim.head || c.headSha === attacker.head),
      [],
    );
    sim.assertClean();
  });

  it("without a number, the pull request whose head is workflow_run.head_sha gets the report", async () => {
    const pr = openPr();
    const fx = makeFixtureRepo();
    const art = mkdtempSync(join(tmpdir(), "mg-art-"));
    writeFileSync(join(art, "churn.json"), toJson(makeRecord({ name: "churn" })));
    const event = workflowRunEvent(pr.repo, { sha: pr.head, repo: pr.repo, branch: "changes" });
    const run = runnerEnv(fx.root, event, "workflow_run", {
      token: sim.token,
      "from-artifact": art,
      sha: pr.head,
      "skip-data": "true",
    });
    run.env.GITHUB_REPOSITORY = pr.repo;
    const { code, stdout } = await runBundle(report, run.env);
    assert.equal(code, 0, stdout);
    const comments = sim.comments(pr.repo, pr.number);
    assert.equal(comments.length, 1);
    assert.match(comments[0].body, /### ✅ churn · /);
    assert.equal(sim.checkRuns(pr.repo).find((c) => c.headSha === pr.head)?.conclusion, "success");
    sim.assertClean();
  });

  it("a push after the evaluated commit: the run's head is no pull request's head any more, so it is refused", async () => {
    const pr = openPr();
    const evaluated = pr.head;
    sim.push(pr.repo, pr.number, "9".repeat(39) + String(pr.number % 10));
    const fx = makeFixtureRepo();
    const art = mkdtempSync(join(tmpdir(), "mg-art-"));
    writeFileSync(join(art, "churn.json"), toJson(makeRecord({ name: "churn" })));
    const event = workflowRunEvent(pr.repo, { sha: evaluated, repo: pr.repo, branch: "changes", prs: [pr.number] });
    const run = runnerEnv(fx.root, event, "workflow_run", {
      token: sim.token,
      "from-artifact": art,
      "skip-data": "true",
    });
    run.env.GITHUB_REPOSITORY = pr.repo;
    const { code, stdout } = await runBundle(report, run.env);
    assert.equal(code, 1, stdout);
    assert.match(stdout, /no open pull request has the head commit/);
    assert.deepEqual(sim.comments(pr.repo, pr.number), []);
    sim.assertClean();
  });
});

/**
 * A base repository (git, on main, model churn 1.0.0) as the report job checks it out, and a fork's pull request
 * that retrains churn: its own checkout, the record its PR job made there honestly (baseline: main), and the
 * artifact that job uploads (the record and the candidate ONNX file, as upload-artifact lays out two paths).
 */
async function forkScenario() {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd, stdio: "pipe" });
  const base = makeFixtureRepo();
  git(base.root, "init", "-q", "-b", "main");
  git(base.root, "add", "-A");
  git(base.root, "commit", "-qm", "churn 1.0.0");
  const forkRoot = mkdtempSync(join(tmpdir(), "mg-fork-"));
  git(forkRoot, "clone", "-q", base.root, ".");
  git(forkRoot, "checkout", "-q", "-b", "changes");
  const candidate = logisticRegressionModel({ weights: [-1 / 12, 1 / 80], bias: 1.2 });
  writeFileSync(join(forkRoot, "models/churn/model.onnx"), candidate);
  const manifest = join(forkRoot, "models/churn/model.yaml");
  writeFileSync(
    manifest,
    readFileSync(manifest, "utf8")
      .replace("version: 1.0.0", "version: 1.1.0")
      .replace(/sha256: [0-9a-f]{64}/, `sha256: ${createHash("sha256").update(candidate).digest("hex")}`),
  );
  git(forkRoot, "commit", "-qam", "churn 1.1.0");
  const out = join(mkdtempSync(join(tmpdir(), "mg-forkrec-")), "churn.json");
  const honest = (
    await evaluateRepositoryModel(openWorkspace(bufferIo(forkRoot, { GITHUB_BASE_REF: "main" })), {
      model: "churn",
      out,
    })
  ).record!;
  assert.ok(honest.baseline, "the fork's run compared with main");
  const artifact = (record: object, withModel = true) => {
    const dir = mkdtempSync(join(tmpdir(), "mg-art-"));
    const root = join(dir, "modelgate-evaluation-churn");
    mkdirSync(join(root, ".modelgate/evaluations"), { recursive: true });
    writeFileSync(join(root, ".modelgate/evaluations/churn.json"), toJson(record));
    if (withModel) {
      mkdirSync(join(root, "models/churn"), { recursive: true });
      writeFileSync(join(root, "models/churn/model.onnx"), candidate);
    }
    return dir;
  };
  return { base, honest, artifact };
}

/** Opens a pull request from the fork mallory/Hello-World and runs the report workflow's report step for it. */
async function reportForkRun(artifactDir: string, workspace: string, opts: { fork?: boolean } = {}) {
  const number = ++prNumber;
  const head = String(number).padStart(40, "f");
  const repo = "Codertocat/Hello-World";
  const fork = opts.fork === false ? undefined : "mallory/Hello-World";
  sim.openPull(repo, { number, author: fork ? "mallory" : "Codertocat", headSha: head, fork, files: [] });
  const event = workflowRunEvent(repo, {
    sha: head,
    repo: fork ?? repo,
    branch: "change",
    prs: fork ? [] : [number],
  });
  const run = runnerEnv(workspace, event, "workflow_run", {
    token: sim.token,
    "from-artifact": artifactDir,
    sha: head,
    "skip-data": "true",
  });
  run.env.GITHUB_REPOSITORY = repo;
  const { code, stdout } = await runBundle(report, run.env);
  const body = sim.comments(repo, number)[0]?.body ?? "";
  const check = sim.checkRuns(repo).find((c) => c.headSha === head);
  return { code, stdout, body, check, outputs: run.outputs() };
}

describe("forged metrics from a fork", () => {
  let fx: Awaited<ReturnType<typeof forkScenario>>;
  before(async () => {
    fx = await forkScenario();
  });

  it("an honest fork's record matches the recomputation from its ONNX file on the base branch: it passes", async () => {
    const r = await reportForkRun(fx.artifact(fx.honest), fx.base.root);
    assert.equal(r.code, 0, r.stdout);
    assert.equal(r.outputs.verdict, "pass");
    assert.match(r.body, /recomputed by this run/);
    assert.match(r.body, /matches the numbers recomputed from \S*models\/churn\/model\.onnx in the artifact/);
    assert.equal(r.check?.conclusion, "success");
    sim.assertClean();
  });

  it("a fork that writes roc_auc 0.999 into its record fails, and the report shows the recomputed number", async () => {
    const forged = structuredClone(fx.honest);
    const real = forged.candidate.metrics.roc_auc as number;
    forged.candidate.metrics.roc_auc = 0.999;
    forged.deltas.roc_auc.delta = 0.2;
    const r = await reportForkRun(fx.artifact(forged), fx.base.root);
    assert.equal(r.code, 1, r.stdout);
    assert.equal(r.outputs.verdict, "fail");
    assert.equal(r.check?.conclusion, "failure");
    assert.match(r.check?.title ?? "", /does not match the numbers recomputed/);
    assert.match(r.body, /candidate roc\\_auc: 0\.999 in the record, 0\.\d+ recomputed/);
    assert.ok(r.body.includes(real.toFixed(4)), "the recomputed roc_auc is what the report shows");
    assert.ok(!r.body.includes("0.9990"), "the forged number is not shown as a result");
    sim.assertClean();
  });

  it("a fork's artifact without the candidate ONNX file cannot be recomputed: it fails", async () => {
    const r = await reportForkRun(fx.artifact(fx.honest, false), fx.base.root);
    assert.equal(r.code, 1, r.stdout);
    assert.equal(r.check?.conclusion, "failure");
    assert.match(r.body, /could not be recomputed: the artifact holds no ONNX file with the record/);
    sim.assertClean();
  });

  it("a pull request from a branch of this repository keeps its run's records as they are", async () => {
    const forged = structuredClone(fx.honest);
    forged.candidate.metrics.roc_auc = 0.999;
    const r = await reportForkRun(fx.artifact(forged), fx.base.root, { fork: false });
    assert.equal(r.code, 0, r.stdout);
    assert.doesNotMatch(r.body, /recomputed by this run/);
    assert.match(r.body, /0\.9990/);
    sim.assertClean();
  });
});
