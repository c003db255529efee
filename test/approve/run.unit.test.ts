/** The pure parts of the approve service and its CLI face: no git, no disk, no network. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { APPROVAL_CONTEXT, failClosed } from "../../src/approve/decide.ts";
import type { ApprovalDecision, ModelUnderReview } from "../../src/approve/policy.ts";
import { planApprovalWrites, reviewsSnapshot } from "../../src/approve/run.ts";
import { approveExitCode, approveJson, formatApproveResult, parseModelList } from "../../src/commands/approve.ts";
import { reviewFact } from "../../src/github/api.ts";

const head = "c".repeat(40);
const policy = { approvals: 1, reviewers: { users: ["alice"], teams: [], codeowners: false }, riskClass: {} };
const models: ModelUnderReview[] = [
  { name: "fraud", policy, riskClass: "minimal", codeowners: [] },
  { name: "churn", policy, riskClass: "high", codeowners: [] },
];

function approved(): ApprovalDecision {
  const alice = { login: "alice", reviewId: 7, commit: head, submittedAt: "2026-01-01T00:00:00Z" };
  return {
    state: "success",
    approved: true,
    description: "1/1 approvals (alice) on ccccccc",
    headSha: head,
    models: [
      {
        model: "fraud",
        riskClass: "minimal",
        state: "success",
        needed: 1,
        approvers: [alice],
        blockers: [],
        missing: [],
      },
    ],
    approvers: [alice],
    stale: [],
    ignored: [],
  };
}

test("failClosed: every model fails with the error as what is missing; the description fits a status (140)", () => {
  const d = failClosed(models, head, "GitHub API GET pulls/2/reviews failed: 502");
  assert.equal(d.state, "failure");
  assert.equal(d.approved, false);
  assert.equal(d.headSha, head);
  assert.equal(d.description, "not approved: GitHub API GET pulls/2/reviews failed: 502");
  assert.deepEqual(
    d.models.map((m) => [m.model, m.riskClass, m.state, m.missing]),
    [
      ["fraud", "minimal", "failure", ["could not verify approvals: GitHub API GET pulls/2/reviews failed: 502"]],
      ["churn", "high", "failure", ["could not verify approvals: GitHub API GET pulls/2/reviews failed: 502"]],
    ],
  );
  const long = failClosed(models, head, "x".repeat(300)).description;
  assert.equal(long.length, 140);
  assert.ok(long.endsWith("…"));
});

test("planApprovalWrites: the status on the head with the decision, and the comment's approval section", () => {
  const d = approved();
  const w = planApprovalWrites(
    { decision: d, headSha: head },
    { status: true, comment: true, targetUrl: "https://x/run" },
  );
  assert.deepEqual(w.status, {
    sha: head,
    state: "success",
    context: APPROVAL_CONTEXT,
    description: d.description,
    targetUrl: "https://x/run",
  });
  assert.equal(w.statusError, undefined);
  assert.match(w.comment ?? "", /^### ✅ Approval on `ccccccc`/);
});

test("planApprovalWrites: a dry run writes nothing; an unknown head is said; an API error leaves the comment alone", () => {
  const d = approved();
  assert.deepEqual(
    planApprovalWrites({ decision: d, headSha: head }, { status: false, comment: false, targetUrl: "u" }),
    {},
  );
  const unknown = planApprovalWrites(
    { decision: failClosed(models, "", "boom"), apiError: "boom" },
    { status: true, comment: true, targetUrl: "u" },
  );
  assert.equal(unknown.status, undefined);
  assert.match(unknown.statusError ?? "", /head commit is unknown/);
  assert.equal(unknown.comment, undefined, "no comment section after an API error");
  const closed = planApprovalWrites(
    { decision: failClosed(models, head, "boom"), headSha: head, apiError: "boom" },
    { status: true, comment: true, targetUrl: "u" },
  );
  assert.equal(closed.status?.state, "failure");
  assert.equal(closed.status?.description, "not approved: boom");
});

test("reviewsSnapshot changes when a review's state or commit changes, or a review is added", () => {
  const r = { id: 1, state: "APPROVED" as const, commitId: head };
  const base = reviewsSnapshot([r]);
  assert.equal(reviewsSnapshot([{ ...r }]), base);
  assert.notEqual(reviewsSnapshot([{ ...r, state: "DISMISSED" }]), base);
  assert.notEqual(reviewsSnapshot([{ ...r, commitId: "d".repeat(40) }]), base);
  assert.notEqual(reviewsSnapshot([r, { ...r, id: 2 }]), base);
});

test("reviewFact maps GitHub's review into the vocabulary; a deleted account's review is dropped", () => {
  assert.deepEqual(
    reviewFact({
      id: 80,
      user: { login: "octocat", type: "User" },
      state: "approved",
      commit_id: head,
      submitted_at: "2019-11-17T17:43:43Z",
    }),
    {
      id: 80,
      login: "octocat",
      userType: "User",
      state: "APPROVED",
      commitId: head,
      submittedAt: "2019-11-17T17:43:43Z",
    },
  );
  assert.deepEqual(reviewFact({ id: 81, user: { login: "b[bot]", type: "Bot" }, state: "PENDING" }), {
    id: 81,
    login: "b[bot]",
    userType: "Bot",
    state: "PENDING",
    commitId: null,
    submittedAt: null,
  });
  assert.equal(reviewFact({ id: 82, user: null, state: "APPROVED", commit_id: head }), undefined);
});

test("parseModelList: a JSON list (of names or plan entries), or names separated by commas, spaces or lines", () => {
  assert.equal(parseModelList(undefined), undefined);
  assert.equal(parseModelList("  "), undefined);
  assert.deepEqual(parseModelList("fraud, churn\nrisk"), ["fraud", "churn", "risk"]);
  assert.deepEqual(parseModelList('["fraud", {"name": "churn"}]'), ["fraud", "churn"]);
  assert.throws(() => parseModelList("[fraud"), /models: not valid JSON/);
  assert.throws(() => parseModelList("[1]"), /expected a JSON list of model names/);
});

test("the printed result, the JSON and the exit code", () => {
  const ok = { decision: approved(), statusSet: true };
  assert.equal(
    formatApproveResult(ok),
    `${APPROVAL_CONTEXT}: success — 1/1 approvals (alice) on ccccccc\n  fraud (minimal risk): success, 1/1 approvals (alice)\nstatus ${APPROVAL_CONTEXT} set on ccccccc\n`,
  );
  assert.equal(approveExitCode(ok), 0);
  assert.equal(approveExitCode({ ...ok, statusSet: false }), 1, "the status was wanted and not set");
  assert.equal(approveExitCode({ ...ok, statusSet: false }, false), 0, "a dry run sets none");
  const json = approveJson({ ...ok, statusSet: false, statusError: "denied" });
  assert.equal(json.approved, true);
  assert.equal(json.statusError, "denied");
  assert.equal("apiError" in json, false);
  const closed = { decision: failClosed(models, head, "boom"), statusSet: true, apiError: "boom" };
  assert.equal(approveExitCode(closed), 1);
  assert.match(formatApproveResult(closed), /GitHub API error, so the gate stays closed: boom/);
});
