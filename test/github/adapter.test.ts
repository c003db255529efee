import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import {
  COMMENT_MAX,
  createOrUpdateCheckRun,
  GitHubApiError,
  getPullRequest,
  listReviews,
  resolveContext,
  section,
  setCommitStatus,
  upsertStickyComment,
  upsertStickySection,
  writeJobSummary,
} from "../../src/github/index.ts";
import { GitHubSim, seedPullRequest, simContext, webhookExample } from "../support/github-sim/index.ts";

let sim: GitHubSim;
before(async () => {
  sim = await GitHubSim.start();
});
after(async () => {
  await sim.close();
});

let n = 100;
/** A fresh pull request from the real pull_request.opened payload, under its own number. */
function freshPr(files: string[] = []) {
  const event = webhookExample("pull_request", "opened");
  event.pull_request.number = ++n;
  const { repo, number } = seedPullRequest(sim, event, files);
  return { repo, number, head: event.pull_request.head.sha as string, ctx: simContext(sim, repo, number) };
}

test("the sticky comment is created once, then updated in place; other comments are untouched", async () => {
  const { repo, number, ctx } = freshPr();
  sim.addComment(repo, number, "alice", "looks good to me");
  const first = await upsertStickyComment(ctx, number, "modelgate:report", "## Report v1");
  const second = await upsertStickyComment(ctx, number, "modelgate:report", "## Report v2");
  assert.equal(first.created, true);
  assert.equal(second.created, false);
  assert.equal(second.id, first.id);
  const comments = sim.comments(repo, number);
  assert.equal(comments.length, 2);
  assert.equal(comments[0].body, "looks good to me");
  assert.match(comments[1].body, /^<!-- modelgate:report -->\n## Report v2$/);
  sim.assertClean();
});

test("the marker is found past the first page of comments", async () => {
  const { repo, number, ctx } = freshPr();
  const sticky = sim.addComment(repo, number, "github-actions[bot]", "<!-- modelgate:report -->\nold");
  for (let i = 0; i < 230; i++) sim.addComment(repo, number, "bob", `chatter ${i}`);
  const r = await upsertStickyComment(ctx, number, "modelgate:report", "new");
  assert.equal(r.id, sticky.id);
  assert.equal(r.created, false);
  assert.equal(sim.comments(repo, number).filter((c) => c.body.includes("modelgate:report")).length, 1);
  assert.ok(sim.log.some((l) => l.path.endsWith("/comments") && l.status === 200));
  sim.assertClean();
});

test("two runs at once leave exactly one sticky comment", async () => {
  const { repo, number } = freshPr();
  sim.latencyMs = 15;
  try {
    // Two separate clients, as two workflow runs would have.
    const a = { ...simContext(sim, repo, number), http: { retryBaseMs: 1, paceWrites: false, retries: 2 } };
    const b = { ...simContext(sim, repo, number), http: { retryBaseMs: 1, paceWrites: false, retries: 1 } };
    await Promise.all([
      upsertStickyComment(a, number, "modelgate:report", "from run A"),
      upsertStickyComment(b, number, "modelgate:report", "from run B"),
    ]);
  } finally {
    sim.latencyMs = 0;
  }
  const sticky = sim.comments(repo, number).filter((c) => c.body.startsWith("<!-- modelgate:report -->"));
  assert.equal(sticky.length, 1);
  const posts = sim.log.filter((l) => l.method === "POST" && l.path.endsWith(`/issues/${number}/comments`));
  const deletes = sim.log.filter((l) => l.method === "DELETE");
  assert.equal(posts.length - deletes.length, 1, "a duplicate created by the race was deleted");
  sim.assertClean();
});

test("a comment never exceeds 65,536 characters", async () => {
  const { repo, number, ctx } = freshPr();
  await upsertStickyComment(ctx, number, "modelgate:report", "x".repeat(200_000));
  const [c] = sim.comments(repo, number);
  assert.ok(c.body.length <= COMMENT_MAX);
  assert.match(c.body, /cut to fit GitHub's 65,536-character limit/);
  sim.assertClean();
});

test("sections survive a rewrite of the rest of the comment", async () => {
  const { repo, number, ctx } = freshPr();
  await upsertStickyComment(ctx, number, "modelgate:pr", "## Report v1");
  await upsertStickySection(ctx, number, "modelgate:pr", "approval", "Approval: 1/2");
  await upsertStickySection(ctx, number, "modelgate:pr", "approval", "Approval: 2/2");
  await upsertStickyComment(ctx, number, "modelgate:pr", "## Report v2");
  const [c] = sim.comments(repo, number);
  assert.match(c.body, /## Report v2/);
  assert.match(c.body, /Approval: 2\/2/);
  assert.doesNotMatch(c.body, /Approval: 1\/2|Report v1/);
  // a body that carries the section itself replaces it
  await upsertStickyComment(ctx, number, "modelgate:pr", `## Report v3\n\n${section("approval", "Approval: redone")}`);
  assert.doesNotMatch(sim.comments(repo, number)[0].body, /Approval: 2\/2/);
  sim.assertClean();
});

test("a check run is created, then updated; annotations go 50 per request", async () => {
  const { repo, head, ctx } = freshPr();
  const annotations = Array.from({ length: 120 }, (_, i) => ({
    path: "models/fraud/model.yaml",
    startLine: i + 1,
    startColumn: 3,
    endColumn: 9,
    level: "failure" as const,
    message: `gate ${i} failed`,
  }));
  const before = sim.log.length;
  const first = await createOrUpdateCheckRun(ctx, {
    name: "modelgate / fraud",
    headSha: head,
    conclusion: "failure",
    title: "roc_auc 0.88 < 0.90",
    summary: "## fraud\nfails",
    annotations,
  });
  const writes = sim.log.slice(before).filter((l) => l.method !== "GET");
  assert.equal(writes.length, 3, "one create and two updates for 120 annotations");
  const runs = sim.checkRuns(repo).filter((r) => r.name === "modelgate / fraud");
  assert.equal(runs.length, 1);
  assert.equal(runs[0].annotations.length, 120);
  assert.equal(runs[0].conclusion, "failure");

  // a re-run on the same commit with the same findings: GitHub would append them again; they are sent once
  const again = await createOrUpdateCheckRun(ctx, {
    name: "modelgate / fraud",
    headSha: head,
    conclusion: "failure",
    title: "roc_auc 0.88 < 0.90",
    summary: "## fraud\nfails",
    annotations: [...annotations, { ...annotations[0], startLine: 500, message: "a new finding" }],
  });
  assert.equal(again.id, first.id);
  const [rerun] = sim.checkRuns(repo).filter((r) => r.name === "modelgate / fraud");
  assert.equal(rerun.annotations.length, 121);

  const second = await createOrUpdateCheckRun(ctx, {
    name: "modelgate / fraud",
    headSha: head,
    conclusion: "success",
    title: "all gates pass",
    summary: "y".repeat(70_000),
  });
  assert.equal(second.id, first.id);
  assert.equal(second.created, false);
  const [run] = sim.checkRuns(repo).filter((r) => r.name === "modelgate / fraud");
  assert.equal(run.conclusion, "success");
  assert.ok((run.summary ?? "").length <= 65_535);
  sim.assertClean();
});

test("commit status descriptions are cut to GitHub's 140 characters", async () => {
  const { repo, head, ctx } = freshPr();
  await setCommitStatus(ctx, {
    sha: head,
    state: "pending",
    context: "modelgate/approval",
    description: "w".repeat(300),
  });
  const s = sim.status(repo, head, "modelgate/approval");
  assert.equal(s?.state, "pending");
  assert.ok((s?.description ?? "").length <= 140);
  sim.assertClean();
});

test("reviews are read across pages (more than 100)", async () => {
  const { repo, number, ctx } = freshPr();
  for (let i = 0; i < 130; i++) sim.submitReview(repo, number, { login: `r${i}`, state: "COMMENTED" });
  const reviews = await listReviews(ctx, number);
  assert.equal(reviews.length, 130);
  assert.equal(reviews[129].login, "r129");
  sim.assertClean();
});

test("a server error is retried; a persistent one surfaces as GitHubApiError", async () => {
  const { number, ctx, head } = freshPr();
  sim.fail({ method: "GET", path: /\/pulls\/\d+$/, status: 502, times: 1 });
  const pr = await getPullRequest(ctx, number);
  assert.equal(pr.headSha, head);
  sim.fail({ method: "GET", path: /\/pulls\/\d+$/, status: 500 });
  try {
    await assert.rejects(getPullRequest(ctx, number), (err: unknown) => {
      assert.ok(err instanceof GitHubApiError);
      assert.equal(err.status, 500);
      return true;
    });
  } finally {
    sim.clearFaults();
  }
  sim.assertClean();
});

test("an exhausted rate limit fails at once with the reset time", async () => {
  const { number, ctx } = freshPr();
  sim.fail({ path: /\/reviews$/, status: 403, rateLimit: true });
  try {
    await assert.rejects(listReviews(ctx, number), /rate limit exhausted until \d{4}-/);
  } finally {
    sim.clearFaults();
  }
  sim.assertClean();
});

test("GitHub Enterprise: GITHUB_API_URL with /api/v3 is honoured", async () => {
  const ghes = await GitHubSim.start({ prefix: "/api/v3" });
  try {
    const event = webhookExample("pull_request", "opened");
    const dir = mkdtempSync(join(tmpdir(), "mg-gh-"));
    writeFileSync(join(dir, "event.json"), JSON.stringify(event));
    seedPullRequest(ghes, event);
    const ctx = resolveContext({
      GITHUB_API_URL: ghes.url,
      GITHUB_TOKEN: ghes.token,
      GITHUB_EVENT_PATH: join(dir, "event.json"),
      GITHUB_REPOSITORY: event.repository.full_name,
    });
    assert.equal(ctx.pr, event.pull_request.number);
    const pr = await getPullRequest({ ...ctx, http: { retryBaseMs: 1 } });
    assert.equal(pr.author, event.pull_request.user.login);
    ghes.assertClean();
  } finally {
    await ghes.close();
  }
});

test("the context names the missing flag or variable", () => {
  assert.throws(() => resolveContext({ GITHUB_TOKEN: "t" }), /--repo OWNER\/NAME/);
  assert.throws(() => resolveContext({}, { repo: "a/b" }), /GITHUB_TOKEN/);
  assert.throws(() => resolveContext({ GITHUB_TOKEN: "t" }, { repo: "a/b", pr: "x" }), /--pr expects/);
  const ctx = resolveContext({ GITHUB_TOKEN: "t" }, { repo: "acme/models", pr: "7" });
  assert.equal(ctx.apiUrl, "https://api.github.com");
  assert.equal(ctx.pr, 7);
});

test("the job summary is appended to GITHUB_STEP_SUMMARY, within 1 MiB", () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-sum-"));
  const path = join(dir, "summary.md");
  writeFileSync(path, "");
  assert.equal(writeJobSummary("# one", {}), false);
  assert.equal(writeJobSummary("# one", { GITHUB_STEP_SUMMARY: path }), true);
  writeJobSummary("é".repeat(700_000), { GITHUB_STEP_SUMMARY: path });
  const text = readFileSync(path, "utf8");
  assert.match(text, /^# one\n/);
  assert.ok(Buffer.byteLength(text) <= 1024 * 1024 + 10);
  assert.match(text, /cut to fit the job summary's 1 MiB limit/);
});

test("the simulator rejects what GitHub would not accept", async () => {
  const { number, ctx } = freshPr();
  const { client } = await import("../../src/github/client.ts");
  // an undocumented query parameter and a body field of the wrong type
  await client(ctx)
    .request("GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews", {
      owner: ctx.owner,
      repo: ctx.repo,
      pull_number: number,
      sort: "newest",
    })
    .catch(() => {});
  await client(ctx)
    .request("POST /repos/{owner}/{repo}/statuses/{sha}", {
      owner: ctx.owner,
      repo: ctx.repo,
      sha: "abc",
      state: "approved" as any,
    })
    .catch(() => {});
  assert.ok(sim.violations.some((v) => /unknown query parameter "sort"/.test(v)));
  assert.ok(sim.violations.some((v) => /request body.*\/state/.test(v)));
  sim.violations.length = 0;
});

test("the simulator serves commits and the combined status as branch protection sees it", async () => {
  const { repo, head, ctx } = freshPr();
  const { client } = await import("../../src/github/client.ts");
  await setCommitStatus(ctx, { sha: head, state: "pending", context: "modelgate/approval", description: "waiting" });
  await setCommitStatus(ctx, { sha: head, state: "success", context: "modelgate/approval", description: "1/1" });
  const { data } = await client(ctx).rest.repos.getCombinedStatusForRef({
    owner: ctx.owner,
    repo: ctx.repo,
    ref: head,
  });
  assert.equal(data.state, "success");
  assert.equal(data.total_count, 1);
  const { data: commit } = await client(ctx).rest.repos.getCommit({ owner: ctx.owner, repo: ctx.repo, ref: head });
  assert.equal(commit.sha, head);
  const count = sim.statuses(repo).length;
  await assert.rejects(
    setCommitStatus(ctx, { sha: "b".repeat(40), state: "success", context: "x", description: "" }),
    /422/,
  );
  assert.equal(sim.statuses(repo).length, count, "no status on a commit that does not exist");
  sim.assertClean();
});
