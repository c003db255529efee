/**
 * What approve trusts (issue #19): the rules come from the pull request's base, never from the change itself; whoever
 * pushed the head commit cannot approve it (nor, when the policy says so, any author of its commits); `--facts` is
 * refused inside GitHub Actions.
 */
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { APPROVAL_CONTEXT } from "../../src/approve/decide.ts";
import { type ApproveOptions, runApprove } from "../../src/approve/run.ts";
import { main } from "../../src/cli/main.ts";
import { bufferIo } from "../../src/util/io.ts";
import { openWorkspace } from "../../src/workspace/workspace.ts";
import { applyReviewEvent, webhookExample } from "../support/github-sim/index.ts";
import { approvalRepo, fileAt, gitIn, type Scenario, scenario } from "./fixture.ts";

type Options = ApproveOptions & { env?: NodeJS.ProcessEnv };

async function withScenario(
  policy: string,
  fn: (s: Scenario, approve: (o?: Options) => ReturnType<typeof runApprove>) => Promise<void>,
): Promise<void> {
  const s = await scenario(approvalRepo(policy, [{ name: "fraud" }]));
  for (const login of ["alice", "bob", "carol", "mallory"]) s.sim.addCollaborator(s.repo, login, "write");
  const approve = ({ env = s.env, ...o }: Options = {}) =>
    runApprove(openWorkspace(bufferIo(s.root, env)), { http: { retryBaseMs: 1, paceWrites: false }, ...o });
  try {
    await fn(s, approve);
    s.sim.assertClean();
  } finally {
    await s.sim.close();
  }
}

function review(s: Scenario, login: string, commitId?: string) {
  return applyReviewEvent(s.sim, webhookExample("pull_request_review", "submitted"), {
    login,
    state: "APPROVED",
    commitId,
  });
}

test("a pull request that relaxes its own policy and names its own reviewer is judged by its base's rules, and the comment says so", async () => {
  await withScenario("approvals: 2\nreviewers:\n  users: [alice, bob, carol]", async (s, approve) => {
    // The checkout holds the pull request's own modelgate.yaml (as a workflow that checked out the head would).
    const cfg = join(s.root, "modelgate.yaml");
    writeFileSync(
      cfg,
      "apiVersion: modelgate.dev/v1alpha1\nkind: Config\nmetadata:\n  name: acme\nspec:\n  approval:\n    approvals: 1\n    reviewers:\n      users: [mallory]\n",
    );
    gitIn(s.root, "commit", "-q", "-am", "approvals: mallory alone");
    // GitHub serves the pull request's files at its head commit (the contents API): this commit.
    s.sim.readFile = (_repo, ref, path) => (ref === s.head ? fileAt(s.root, "HEAD", path) : undefined);
    s.sim.pull(s.repo, s.number).files = ["modelgate.yaml", "models/fraud/model.onnx"];
    review(s, "mallory");
    const r = await approve();
    assert.equal(r.decision.state, "pending", r.decision.description);
    assert.equal(s.sim.status(s.repo, s.head, APPROVAL_CONTEXT)?.state, "pending");
    assert.match(r.decision.models[0].missing[0], /2 approvals from @alice, @bob, @carol/);
    const base = s.sim.pull(s.repo, s.number).baseSha;
    assert.deepEqual(r.decision.rules?.origin, `the base branch at ${base.slice(0, 7)}`);
    const [comment] = s.sim.comments(s.repo, s.number);
    assert.match(comment.body, new RegExp(`Judged by the rules of the base branch at ${base.slice(0, 7)}\\.`));
    assert.match(
      comment.body,
      /This pull request changes the rules that judge it: modelgate\.yaml \(the approval policy\)\. It is judged by the rules of the base branch at [0-9a-f]{7}, not by the ones it proposes: it needs the approvals the current rules require/,
    );
    // Under the old rules, two of alice, bob and carol approve it.
    review(s, "alice");
    review(s, "bob");
    assert.equal((await approve()).decision.state, "success");
  });
});

test("the base commit must be in the clone: approve fails closed and says how to get it", async () => {
  await withScenario("approvals: 1", async (s, approve) => {
    s.sim.pull(s.repo, s.number).baseSha = "9".repeat(40);
    review(s, "alice");
    await assert.rejects(approve(), /the base commit 999999999999 of pull request #\d+, which is not in this clone/);
    assert.equal(s.sim.status(s.repo, s.head, APPROVAL_CONTEXT)?.state, "failure");
  });
});

test("whoever pushed the head commit cannot approve it (GitHub's most recent reviewable push)", async () => {
  await withScenario("approvals: 1\nreviewers:\n  users: [alice, bob]", async (s, approve) => {
    const pushed = "b0b".padEnd(40, "0");
    s.sim.push(s.repo, s.number, pushed, { by: "bob" });
    review(s, "bob", pushed);
    let r = await approve();
    assert.equal(r.decision.state, "pending", r.decision.description);
    assert.deepEqual(
      r.decision.ignored.map((x) => [x.login, x.reason]),
      [["bob", "pushed the head commit b0b0000: the most recent push needs the approval of someone else"]],
    );
    assert.equal(s.sim.status(s.repo, pushed, APPROVAL_CONTEXT)?.state, "pending");
    // Somebody else's approval of that push counts.
    review(s, "alice", pushed);
    r = await approve();
    assert.equal(r.decision.state, "success");
    assert.deepEqual(
      r.decision.approvers.map((a) => a.login),
      ["alice"],
    );
  });
});

test("with excludeCommitAuthors, an author of any commit under review cannot approve; without it, only the last pusher is excluded", async () => {
  const setUp = (s: Scenario) => {
    const first = "ca201".padEnd(40, "0");
    const second = "5ec0d".padEnd(40, "0");
    s.sim.push(s.repo, s.number, first, { by: "carol" });
    s.sim.push(s.repo, s.number, second, { by: s.author });
    review(s, "carol", second);
    return second;
  };
  await withScenario(
    "approvals: 1\nreviewers:\n  users: [alice, carol]\nexcludeCommitAuthors: true",
    async (s, approve) => {
      setUp(s);
      const r = await approve();
      assert.equal(r.decision.state, "pending", r.decision.description);
      assert.match(r.decision.ignored[0].reason, /authored or committed a commit under review/);
    },
  );
  await withScenario("approvals: 1\nreviewers:\n  users: [alice, carol]", async (s, approve) => {
    setUp(s);
    assert.equal((await approve()).decision.state, "success");
  });
});

test("who pushed the head cannot be read: the gate fails closed", async () => {
  await withScenario("approvals: 1", async (s, approve) => {
    review(s, "alice");
    s.sim.fail({ path: /\/activity$/, status: 502 });
    const r = await approve({ comment: false });
    assert.equal(r.decision.approved, false);
    assert.equal(s.sim.status(s.repo, s.head, APPROVAL_CONTEXT)?.state, "failure");
    assert.match(r.apiError ?? "", /activity/);
  });
});

test("approve --facts is refused inside GitHub Actions (exit 2); outside, it decides from the file", async () => {
  const root = approvalRepo("approvals: 1", [{ name: "fraud" }]);
  const head = "a".repeat(40);
  writeFileSync(
    join(root, "facts.json"),
    JSON.stringify({
      pr: { number: 7, author: "alice", headSha: head },
      reviews: [{ id: 1, login: "bob", state: "APPROVED", commitId: head, submittedAt: "2026-01-01T00:00:00Z" }],
      permissions: { bob: "write" },
    }),
  );
  const inActions = bufferIo(root, { GITHUB_ACTIONS: "true" });
  assert.equal(await main(["approve", "--facts", "facts.json"], inActions), 2);
  assert.match(inActions.stderr, /approve --facts is refused inside GitHub Actions/);
  const offline = bufferIo(root, {});
  assert.equal(await main(["approve", "--facts", "facts.json"], offline), 0, offline.stderr);
  assert.match(offline.stdout, /success/);
});
