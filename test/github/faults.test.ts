import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { EXIT_FAILED } from "../../src/errors.ts";
import { GitHubApiError, getPullRequest, listReviews, resolveContext } from "../../src/github/index.ts";
import { GitHubSim, seedPullRequest, simContext, webhookExample } from "../support/github-sim/index.ts";

// A GitHub that hangs, rate-limits or answers garbage (issue #20 items 3, 10, 11): each fault is injected into the
// simulator, and what the person sees is checked: the retries said as they happen, the waits GitHub asked for,
// a budget that ends a hung request, and exit 1 (GitHub failed) rather than 2 (usage) or 70 (a bug).

let sim: GitHubSim;
before(async () => {
  sim = await GitHubSim.start();
});
after(async () => {
  await sim.close();
});

let n = 500;
function freshPr(http: Record<string, unknown> = {}) {
  const event = webhookExample("pull_request", "opened");
  event.pull_request.number = ++n;
  const { repo, number } = seedPullRequest(sim, event, []);
  const lines: string[] = [];
  const base = simContext(sim, repo, number);
  const ctx = { ...base, http: { ...base.http, ...http, log: (l: string) => lines.push(l) } };
  return { number, ctx, lines, head: event.pull_request.head.sha as string };
}

test("a 429 is retried after the Retry-After GitHub asked for, and the wait is said", async () => {
  const { number, ctx, lines, head } = freshPr({ retryBaseMs: 1 });
  sim.fail({
    method: "GET",
    path: /\/pulls\/\d+$/,
    status: 429,
    retryAfter: 1,
    times: 1,
    message: "Too many requests",
  });
  const started = Date.now();
  const pr = await getPullRequest(ctx, number);
  assert.equal(pr.headSha, head);
  // the backoff base is 1 ms: only the Retry-After can explain a wait of a second
  assert.ok(Date.now() - started >= 950, "the retry came before GitHub's Retry-After");
  assert.equal(lines.length, 1);
  assert.match(lines[0], /GitHub GET \/repos\/.+\/pulls\/\d+: 429 .*retry 1 of 5 in 1 s as GitHub asked/);
  sim.clearFaults();
});

test("a Retry-After beyond the budget fails at once, saying so, with exit 1 and no retry", async () => {
  const { number, ctx, lines } = freshPr({ budgetMs: 5_000 });
  sim.fail({ method: "GET", path: /\/pulls\/\d+$/, status: 429, retryAfter: 300, message: "Too many requests" });
  try {
    await assert.rejects(getPullRequest(ctx, number), (err: unknown) => {
      assert.ok(err instanceof GitHubApiError);
      assert.equal(err.exitCode, EXIT_FAILED);
      assert.match(err.message, /GitHub asked to wait 300 s, more than the .* left of the retry budget \(5 s/);
      assert.match(err.message, /not retried/);
      assert.doesNotMatch(err.message, /after \d+ retr/);
      return true;
    });
    assert.deepEqual(lines, []);
  } finally {
    sim.clearFaults();
  }
});

test("a primary rate limit is a failed step (exit 1), naming the reset, not a usage error", async () => {
  const { number, ctx } = freshPr();
  sim.fail({ path: /\/reviews$/, status: 403, rateLimit: true });
  try {
    await assert.rejects(listReviews(ctx, number), (err: unknown) => {
      assert.ok(err instanceof GitHubApiError);
      assert.equal(err.exitCode, EXIT_FAILED);
      assert.match(err.message, /rate limit exhausted until \d{4}-/);
      return true;
    });
  } finally {
    sim.clearFaults();
  }
});

test("a hung request times out, is retried within the budget, and each retry is said", async () => {
  const { number, ctx, lines } = freshPr({ timeoutMs: 200, budgetMs: 1_500, retryBaseMs: 1, retries: 10 });
  sim.fail({ method: "GET", path: /\/pulls\/\d+$/, status: 200, delayMs: 5_000 });
  const started = Date.now();
  try {
    await assert.rejects(getPullRequest(ctx, number), (err: unknown) => {
      assert.ok(err instanceof GitHubApiError);
      assert.equal(err.exitCode, EXIT_FAILED);
      assert.match(err.message, /no answer within 0\.2 s \(after \d+ retr(y|ies)\)/);
      return true;
    });
  } finally {
    sim.clearFaults();
  }
  assert.ok(Date.now() - started < 4_000, "the budget did not end the hung request");
  assert.ok(lines.length >= 2, `retries were not said: ${lines.join("\n")}`);
  for (const l of lines) assert.match(l, /no answer within 0\.2 s; retry \d+ of 10/);
});

test("a body that is not GitHub's JSON is named as such (exit 1), not an internal error", async () => {
  const { number, ctx } = freshPr({ retries: 0 });
  sim.fail({
    method: "GET",
    path: /\/pulls\/\d+\/reviews$/,
    status: 200,
    raw: { body: "<html>proxy</html>", contentType: "text/html" },
  });
  try {
    await assert.rejects(listReviews(ctx, number), (err: unknown) => {
      assert.ok(err instanceof GitHubApiError, String(err));
      assert.equal(err.exitCode, EXIT_FAILED);
      assert.match(err.message, /GitHub's answer could not be read/);
      return true;
    });
  } finally {
    sim.clearFaults();
  }
});

test("the budgets are configurable from the environment, and a bad value names the variable", () => {
  const env = {
    GITHUB_REPOSITORY: "o/r",
    GITHUB_TOKEN: "t",
    MODELGATE_GITHUB_TIMEOUT: "12",
    MODELGATE_GITHUB_BUDGET: "90",
    MODELGATE_GITHUB_BACKOFF: "0.25",
  };
  const ctx = resolveContext(env);
  assert.equal(ctx.http?.timeoutMs, 12_000);
  assert.equal(ctx.http?.budgetMs, 90_000);
  assert.equal(ctx.http?.retryBaseMs, 250);
  assert.throws(() => resolveContext({ ...env, MODELGATE_GITHUB_BACKOFF: "-1" }), /MODELGATE_GITHUB_BACKOFF="-1"/);
  assert.throws(() => resolveContext({ ...env, MODELGATE_GITHUB_BUDGET: "soon" }), /MODELGATE_GITHUB_BUDGET="soon"/);
});
