/** `modelgate report` against the GitHub simulator (requests and responses held to GitHub's OpenAPI description). */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { main } from "../../src/cli/main.ts";
import { COMMENT_MAX } from "../../src/github/index.ts";
import { recordPath } from "../../src/records/evaluation.ts";
import { reportExitCode } from "../../src/commands/report.ts";
import { type ReportOptions, runReport as reportService } from "../../src/report/run.ts";
import { toJson } from "../../src/util/fs.ts";
import { bufferIo } from "../../src/util/io.ts";
import { openWorkspace } from "../../src/workspace/workspace.ts";
import { GitHubSim, seedPullRequest, webhookExample } from "../support/github-sim/index.ts";
import { type FixtureRepo, makeFixtureRepo } from "../support/fixture-repo.ts";
import { bindToFixture, makeRecord, type RecordOptions } from "./builder.ts";

/** The report service on a workspace opened at `cwd`, with `env`. */
type AtFolder = ReportOptions & { cwd: string; env: NodeJS.ProcessEnv };
const runReport = ({ cwd, env, ...o }: AtFolder) => reportService(openWorkspace(bufferIo(cwd, env)), o);

let sim: GitHubSim;
before(async () => {
  sim = await GitHubSim.start();
});
after(async () => {
  await sim.close();
});

let prNumber = 500;
function freshPr() {
  const event = webhookExample("pull_request", "opened");
  event.pull_request.number = ++prNumber;
  event.pull_request.head.sha = String(prNumber).padStart(40, "c");
  const { repo, number } = seedPullRequest(sim, event, ["models/churn/model.yaml"]);
  return { repo, number, head: event.pull_request.head.sha as string };
}

/** The fixture repository plus `extra` copies of its model, each with an evaluation record. */
function repoWithModels(names: string[], record: (name: string) => RecordOptions = () => ({})): FixtureRepo {
  const fx = makeFixtureRepo();
  const yaml = readFileSync(join(fx.root, "models/churn/model.yaml"), "utf8");
  for (const name of names) {
    if (name !== "churn") {
      fx.write(`models/${name}/model.yaml`, yaml.replace("name: churn", `name: ${name}`));
      fx.write(`models/${name}/model.onnx`, readFileSync(join(fx.root, "models/churn/model.onnx")));
    }
    const rec = makeRecord({ name, metrics: { roc_auc: 0.905, recall: 0.7 }, ...record(name) });
    fx.write(recordPath(name), toJson(bindToFixture(fx.root, rec)));
  }
  return fx;
}

function opts(root: string, repo: string, pr: number, over: Partial<AtFolder> = {}): AtFolder {
  const summary = join(mkdtempSync(join(tmpdir(), "mg-summary-")), "summary.md");
  writeFileSync(summary, "");
  return {
    cwd: root,
    env: { GITHUB_TOKEN: sim.token, GITHUB_API_URL: sim.url, GITHUB_STEP_SUMMARY: summary },
    repo,
    pr,
    http: { retryBaseMs: 1, paceWrites: false },
    ...over,
  };
}

describe("report on GitHub (simulator)", () => {
  it("the first run creates one comment and one check run per model; the second updates them", async () => {
    const { repo, number, head } = freshPr();
    sim.addComment(repo, number, "carol", "unrelated review chatter");
    const fx = repoWithModels(["churn", "churn-b"]);
    const o = opts(fx.root, repo, number);

    const first = await runReport(o);
    assert.equal(reportExitCode(first), 0, JSON.stringify(first.built.models.map((m) => m.verdict)));
    let comments = sim.comments(repo, number);
    assert.equal(comments.length, 2);
    const mine = comments.find((c) => c.body.startsWith("<!-- modelgate -->"))!;
    assert.match(mine.body, /## ✅ modelgate report/);
    assert.match(mine.body, /### ✅ churn · 1\.0\.0 → 1\.1\.0 · pass/);
    assert.match(mine.body, /### ✅ churn-b · /);
    assert.match(mine.body, /Data checks: /, "validation ran and its summary is in the report");
    // the card: its summary, and a link to the whole card at the head commit (not 8 KB of card per model)
    assert.match(
      mine.body,
      new RegExp(
        `The whole model card: \\[models/churn/MODEL\\\\_CARD\\.md\\]\\(https://[^)]+/blob/${head}/models/churn/MODEL_CARD\\.md\\)`,
      ),
    );
    assert.doesNotMatch(mine.body, /Training data|Technical specifications/);
    let runs = sim.checkRuns(repo).filter((x) => x.headSha === head);
    assert.deepEqual(runs.map((r) => [r.name, r.headSha, r.conclusion]).sort(), [
      ["modelgate / churn", head, "success"],
      ["modelgate / churn-b", head, "success"],
    ]);
    assert.match(
      runs[0].summary ?? "",
      /\| metric \| baseline \| candidate \| delta \| 95% interval of the delta \| gate \|/,
    );
    const summaryText = readFileSync(o.env.GITHUB_STEP_SUMMARY!, "utf8");
    assert.match(summaryText, /### ✅ churn · /);
    assert.match(summaryText, /```mermaid/, "the job summary holds the full report");

    // A new evaluation on the same commit: the second run updates in place.
    fx.write(
      recordPath("churn"),
      toJson(bindToFixture(fx.root, makeRecord({ name: "churn", metrics: { roc_auc: 0.91, recall: 0.7 } }))),
    );
    const second = await runReport(opts(fx.root, repo, number));
    assert.equal(reportExitCode(second), 0);
    comments = sim.comments(repo, number);
    assert.equal(comments.length, 2, "no second comment");
    assert.equal(comments.find((c) => c.body.startsWith("<!-- modelgate -->"))!.id, mine.id);
    assert.match(comments.find((c) => c.id === mine.id)!.body, /ROC AUC \| 0\.9000 \| 0\.9100/);
    assert.equal(comments.find((c) => c.login === "carol")!.body, "unrelated review chatter");
    runs = sim.checkRuns(repo).filter((x) => x.headSha === head);
    assert.equal(runs.length, 2, "check runs updated, not duplicated");
    assert.equal(second.published!.comment!.created, false);
    sim.assertClean();
  });

  it("a failing gate gives exit 1, a failing check run and an annotation on the gate's manifest line", async () => {
    const { repo, number, head } = freshPr();
    const fx = repoWithModels(["churn"], () => ({ metrics: { roc_auc: 0.55, recall: 0.7 } }));
    const r = await runReport(opts(fx.root, repo, number, { validate: false }));
    assert.equal(reportExitCode(r), 1);
    const run = sim.checkRuns(repo).find((x) => x.headSha === head && x.name === "modelgate / churn")!;
    assert.equal(run.conclusion, "failure");
    assert.match(run.title ?? "", /^Failed: roc_auc 0\.5500 is below the minimum 0\.6/);
    const lines = readFileSync(join(fx.root, "models/churn/model.yaml"), "utf8").split("\n");
    const gateLine = lines.findIndex((l) => l.includes("{ metric: roc_auc, min: 0.6 }")) + 1;
    const dropLine = lines.findIndex((l) => l.includes("{ metric: roc_auc, maxDrop: 0.01 }")) + 1;
    const ann = run.annotations.map((a) => [a.path, a.start_line, a.annotation_level]);
    assert.deepEqual(ann, [
      ["models/churn/model.yaml", gateLine, "failure"],
      ["models/churn/model.yaml", dropLine, "failure"],
    ]);
    assert.match(run.annotations[0].message, /roc_auc 0\.5500 is below the minimum 0\.6/);
    sim.assertClean();
  });

  it("50 models in one PR: one comment within 65,536 characters, 50 check runs", async () => {
    const { repo, number, head } = freshPr();
    const names = Array.from({ length: 50 }, (_, i) => `model-${String(i).padStart(2, "0")}`);
    const regions = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`region-${i}`, 0.62 + i / 200]));
    const fx = repoWithModels(names, (n) => ({
      regions,
      ...(n.endsWith("7") ? { metrics: { roc_auc: 0.5, recall: 0.6 } } : {}),
    }));
    const r = await runReport(opts(fx.root, repo, number, { validate: false }));
    assert.equal(reportExitCode(r), 1);
    const comments = sim.comments(repo, number);
    assert.equal(comments.length, 1);
    const body = comments[0].body;
    assert.ok(body.length <= COMMENT_MAX, `comment is ${body.length} characters`);
    assert.doesNotMatch(
      body,
      /cut to fit GitHub's 65,536-character limit/,
      "fitted by the report, not cut by the adapter",
    );
    for (const n of names) assert.ok(body.includes(`${n} ·`), n);
    assert.match(body, /5 failing, 0 with warnings, 45 passing/);
    assert.equal(sim.checkRuns(repo).filter((x) => x.headSha === head && x.name.startsWith("modelgate / ")).length, 50);
    process.stdout.write(`# 50 models on the simulator: comment ${body.length} characters\n`);
    sim.assertClean();
  });

  it("--from-artifact: refused input is listed, escaped, and fails the run", async () => {
    const { repo, number } = freshPr();
    const fx = makeFixtureRepo();
    const art = mkdtempSync(join(tmpdir(), "mg-art-"));
    writeFileSync(join(art, "churn.json"), toJson(makeRecord({ name: "churn" })));
    writeFileSync(join(art, "<img src=x>.json"), "@everyone");
    const r = await runReport(opts(fx.root, repo, number, { fromArtifact: art, validate: false }));
    assert.equal(reportExitCode(r), 1);
    const body = sim.comments(repo, number)[0].body;
    assert.match(body, /❌ \*\*Refused input\*\* \(1 file\): &lt;img src=x&gt;\.json: not JSON/);
    assert.doesNotMatch(body, /<img/);
    assert.match(body, /### ✅ churn · /);
    sim.assertClean();
  });

  it("two runs at once leave one comment", async () => {
    const { repo, number } = freshPr();
    const fx = repoWithModels(["churn"]);
    sim.latencyMs = 20;
    try {
      await Promise.all([
        runReport(opts(fx.root, repo, number, { validate: false, checkRuns: false })),
        runReport(opts(fx.root, repo, number, { validate: false, checkRuns: false })),
      ]);
    } finally {
      sim.latencyMs = 0;
    }
    assert.equal(sim.comments(repo, number).filter((c) => c.body.startsWith("<!-- modelgate -->")).length, 1);
    sim.assertClean();
  });

  it("GitHub Enterprise: GITHUB_API_URL with /api/v3 is where every request goes", async () => {
    const ghes = await GitHubSim.start({ prefix: "/api/v3" });
    try {
      const event = webhookExample("pull_request", "opened");
      event.pull_request.head.sha = "e".repeat(40);
      const { repo, number } = seedPullRequest(ghes, event, []);
      const fx = repoWithModels(["churn"]);
      const r = await runReport({
        cwd: fx.root,
        env: { GITHUB_TOKEN: ghes.token, GITHUB_API_URL: ghes.url },
        repo,
        pr: number,
        validate: false,
        http: { retryBaseMs: 1, paceWrites: false },
      });
      assert.equal(reportExitCode(r), 0);
      assert.equal(ghes.comments(repo, number).length, 1);
      assert.equal(ghes.checkRuns(repo).length, 1);
      ghes.assertClean();
    } finally {
      await ghes.close();
    }
  });

  it("CLI: --dry-run prints the comment and posts nothing; a named model without a record fails", async () => {
    const fx = repoWithModels(["churn"], () => ({ metrics: { roc_auc: 0.9, recall: 0.7 } }));
    const io = bufferIo(fx.root, {});
    assert.equal(await main(["report", "--dry-run", "--skip-data"], io), 0, io.stderr);
    assert.match(io.stdout, /^## ✅ modelgate report/);
    const io2 = bufferIo(fx.root, {});
    fx.write(
      "models/other/model.yaml",
      readFileSync(join(fx.root, "models/churn/model.yaml"), "utf8")
        .replace("name: churn", "name: other")
        .replace("version: 1.1.0", "version: 1.0.0"),
    );
    assert.equal(await main(["report", "churn", "other", "--dry-run", "--skip-validate"], io2), 1);
    assert.match(
      io2.stdout,
      /### ❌ other · 1\.0\.0 \(new\) · fail\n\nno evaluation record for other at \.modelgate\/evaluations\/other\.json/,
    );
    const io3 = bufferIo(fx.root, {});
    assert.equal(await main(["report", "--bogus"], io3), 2);
  });

  it("CLI: GitHub refusing a request is a message naming the request and the fix, not an internal error", async () => {
    const { repo, number } = freshPr();
    const fx = repoWithModels(["churn"]);
    const env = { GITHUB_TOKEN: sim.token, GITHUB_API_URL: sim.url };

    // a pull request that does not exist: the repository or the number is to fix (exit 2)
    const io = bufferIo(fx.root, env);
    assert.equal(await main(["report", "--repo", repo, "--pr", "99999", "--skip-data"], io), 2, io.stderr);
    assert.match(io.stderr, /^modelgate report: GitHub API GET pulls\/99999 failed: 404 .*check the repository/m);
    assert.doesNotMatch(io.stderr, /internal error|GitHubApiError|\n\s+at /);

    // a token without the permission to write check runs (exit 2, says which permission)
    sim.fail({ method: "POST", path: /check-runs/, status: 403 });
    try {
      const io2 = bufferIo(fx.root, env);
      assert.equal(await main(["report", "--repo", repo, "--pr", String(number), "--skip-data"], io2), 2);
      assert.match(io2.stderr, /GitHub API POST check-runs.* failed: 403 .*permissions/);
      assert.doesNotMatch(io2.stderr, /internal error|\n\s+at /);
    } finally {
      sim.clearFaults();
    }
  });

  it("CLI: --write-card --dry-run writes no model card; it says which card it would write", async () => {
    const fx = repoWithModels(["churn"]);
    const io = bufferIo(fx.root, {});
    assert.equal(await main(["report", "--write-card", "--dry-run", "--skip-data"], io), 0, io.stderr);
    assert.equal(existsSync(join(fx.root, "models/churn/MODEL_CARD.md")), false);
    assert.match(io.stderr, /dry run: would write models\/churn\/MODEL_CARD\.md/);
    const io2 = bufferIo(fx.root, {});
    assert.equal(await main(["report", "--write-card", "--skip-data"], io2), 0, io2.stderr);
    assert.equal(existsSync(join(fx.root, "models/churn/MODEL_CARD.md")), true);
  });
});
