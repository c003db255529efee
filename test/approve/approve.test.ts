import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { main } from "../../src/cli/main.ts";
import { APPROVAL_CONTEXT } from "../../src/approve/decide.ts";
import { type ApproveOptions, runApprove } from "../../src/approve/run.ts";
import { approveExitCode, formatApproveResult } from "../../src/commands/approve.ts";
import { bufferIo } from "../../src/util/io.ts";
import { openWorkspace } from "../../src/workspace/workspace.ts";
import { applyReviewEvent, webhookExample } from "../support/github-sim/index.ts";
import { approvalRepo, type Scenario, scenario } from "./fixture.ts";

const TWO_OF_ALICE_BOB_CAROL = `approvals: 2
reviewers:
  users: [alice, bob, carol]`;

const ONE_OF_ALICE_BOB = `approvals: 1
reviewers:
  users: [alice, bob]`;

/** The service's options, and the environment its workspace is opened with (default: the scenario's). */
type Options = ApproveOptions & { env?: NodeJS.ProcessEnv };

async function withScenario(
  policy: string,
  models: Parameters<typeof approvalRepo>[1],
  fn: (s: Scenario, approve: (o?: Options) => ReturnType<typeof runApprove>) => Promise<void>,
  codeowners?: string,
): Promise<void> {
  const s = await scenario(approvalRepo(policy, models, codeowners));
  for (const login of ["alice", "bob", "carol", "dave", "erin"]) s.sim.addCollaborator(s.repo, login, "write");
  const approve = ({ env = s.env, ...o }: Options = {}) =>
    runApprove(openWorkspace(bufferIo(s.root, env)), { http: { retryBaseMs: 1, paceWrites: false }, ...o });
  try {
    await fn(s, approve);
    s.sim.assertClean();
  } finally {
    await s.sim.close();
  }
}

/** The status branch protection sees on the head commit. */
function statusOf(s: Scenario) {
  const st = s.sim.status(s.repo, s.head, APPROVAL_CONTEXT);
  assert.ok(st, "a modelgate/approval status was set on the head commit");
  return st;
}

/** A review from the real pull_request_review.submitted payload, as `login` with `state`. */
function review(s: Scenario, login: string, state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED", commitId?: string) {
  return applyReviewEvent(s.sim, webhookExample("pull_request_review", "submitted"), { login, state, commitId });
}

test("two approvals on the head commit: success, naming the approvers and the commit", async () => {
  await withScenario(TWO_OF_ALICE_BOB_CAROL, [{ name: "fraud" }], async (s, approve) => {
    const a = review(s, "alice", "APPROVED");
    review(s, "bob", "APPROVED");
    const r = await approve();
    assert.equal(r.decision.approved, true);
    const st = statusOf(s);
    assert.equal(st.state, "success");
    assert.equal(st.description, `2/2 approvals (alice, bob) on ${s.head.slice(0, 7)}`);
    assert.deepEqual(r.decision.approvers[0], {
      login: "alice",
      reviewId: a.id,
      commit: s.head,
      submittedAt: a.submittedAt,
    });
  });
});

test("an approval of an older commit is stale and does not count", async () => {
  await withScenario(ONE_OF_ALICE_BOB, [{ name: "fraud" }], async (s, approve) => {
    const old = "0123456789abcdef0123456789abcdef01234567";
    review(s, "alice", "APPROVED", old);
    const r = await approve();
    assert.equal(statusOf(s).state, "pending");
    assert.equal(r.decision.stale.length, 1);
    assert.equal(r.decision.stale[0].login, "alice");
    assert.match(r.decision.stale[0].reason, /0123456/);
  });
});

test("a new push makes earlier approvals stale", async () => {
  await withScenario(ONE_OF_ALICE_BOB, [{ name: "fraud" }], async (s, approve) => {
    review(s, "alice", "APPROVED");
    s.sim.push(s.repo, s.number, "a".repeat(40));
    const r = await approve();
    assert.equal(r.decision.state, "pending");
    assert.equal(s.sim.status(s.repo, "a".repeat(40), APPROVAL_CONTEXT)?.state, "pending");
  });
});

test("self-approval by the PR's author never counts", async () => {
  await withScenario(`approvals: 1`, [{ name: "fraud" }], async (s, approve) => {
    s.sim.addCollaborator(s.repo, s.author, "admin");
    review(s, s.author, "APPROVED");
    const r = await approve();
    assert.equal(statusOf(s).state, "pending");
    assert.match(r.decision.ignored[0].reason, /author/);
  });
});

test("an approval followed by a comment is still an approval", async () => {
  await withScenario(ONE_OF_ALICE_BOB, [{ name: "fraud" }], async (s, approve) => {
    review(s, "alice", "APPROVED");
    review(s, "alice", "COMMENTED");
    await approve();
    assert.equal(statusOf(s).state, "success");
  });
});

test("an approval followed by changes requested blocks", async () => {
  await withScenario(ONE_OF_ALICE_BOB, [{ name: "fraud" }], async (s, approve) => {
    review(s, "alice", "APPROVED");
    review(s, "bob", "APPROVED");
    review(s, "alice", "CHANGES_REQUESTED");
    const r = await approve();
    const st = statusOf(s);
    assert.equal(st.state, "failure");
    assert.equal(st.description, "changes requested by @alice");
    assert.equal(r.decision.approved, false);
    // …until that reviewer approves again
    review(s, "alice", "APPROVED");
    await approve();
    assert.equal(statusOf(s).state, "success");
  });
});

test("a dismissed approval does not count", async () => {
  await withScenario(ONE_OF_ALICE_BOB, [{ name: "fraud" }], async (s, approve) => {
    const a = review(s, "alice", "APPROVED");
    s.sim.dismissReview(s.repo, s.number, a.id);
    const r = await approve();
    assert.equal(statusOf(s).state, "pending");
    assert.match(r.decision.ignored[0].reason, /dismissed/);
  });
});

test("a bot's approval never counts", async () => {
  await withScenario(`approvals: 1`, [{ name: "fraud" }], async (s, approve) => {
    s.sim.addUser("renovate[bot]", "Bot");
    s.sim.addCollaborator(s.repo, "renovate[bot]", "write");
    s.sim.addUser("ci-robot", "Bot");
    s.sim.addCollaborator(s.repo, "ci-robot", "admin");
    s.sim.submitReview(s.repo, s.number, { login: "renovate[bot]", state: "APPROVED" });
    s.sim.submitReview(s.repo, s.number, { login: "ci-robot", state: "APPROVED" });
    const r = await approve();
    assert.equal(statusOf(s).state, "pending");
    assert.equal(r.decision.ignored.filter((i) => /bot/.test(i.reason)).length, 2);
  });
});

test("an approval without write permission does not count", async () => {
  await withScenario(`approvals: 1`, [{ name: "fraud" }], async (s, approve) => {
    s.sim.addCollaborator(s.repo, "frank", "read");
    s.sim.addCollaborator(s.repo, "trina", "triage");
    review(s, "frank", "APPROVED");
    review(s, "trina", "APPROVED");
    review(s, "stranger", "APPROVED");
    const r = await approve();
    assert.equal(statusOf(s).state, "pending");
    assert.deepEqual(r.decision.ignored.map((i) => i.reason).sort(), [
      "no write permission (none)",
      "no write permission (read)",
      "no write permission (triage)",
    ]);
  });
});

test("a team member's approval counts; a non-member's does not", async () => {
  const policy = `approvals: 1
reviewers:
  teams: [Codertocat/ml-reviewers]`;
  await withScenario(policy, [{ name: "fraud" }], async (s, approve) => {
    s.sim.addTeam("Codertocat/ml-reviewers", ["dave"]);
    review(s, "erin", "APPROVED");
    let r = await approve();
    assert.equal(statusOf(s).state, "pending");
    assert.equal(statusOf(s).description, "waiting for 1 approval from @Codertocat/ml-reviewers");
    review(s, "dave", "APPROVED");
    r = await approve();
    assert.equal(statusOf(s).state, "success");
    assert.deepEqual(
      r.decision.approvers.map((a) => a.login),
      ["dave"],
    );
  });
});

test("a CODEOWNERS owner of the model's paths counts; the owner of other paths does not", async () => {
  const policy = `approvals: 1
reviewers:
  codeowners: true`;
  const codeowners = `# owners
*                   @erin
/models/fraud/      @carol @Codertocat/fraud-team
/models/other/      @bob
`;
  await withScenario(
    policy,
    [{ name: "fraud" }],
    async (s, approve) => {
      s.sim.addTeam("Codertocat/fraud-team", ["dave"]);
      review(s, "bob", "APPROVED");
      review(s, "erin", "APPROVED");
      await approve();
      assert.equal(statusOf(s).state, "pending");
      review(s, "dave", "APPROVED");
      const r = await approve();
      assert.equal(statusOf(s).state, "success");
      assert.deepEqual(
        r.decision.approvers.map((a) => a.login),
        ["dave"],
      );
    },
    codeowners,
  );
});

test("two models with different policies: each must hold, one reviewer counts for both", async () => {
  await withScenario(
    ONE_OF_ALICE_BOB,
    [{ name: "fraud" }, { name: "churn", approval: "    approvals: 2\n    reviewers:\n      users: [alice, carol]" }],
    async (s, approve) => {
      review(s, "alice", "APPROVED");
      let r = await approve({ models: ["fraud", "churn"] });
      assert.equal(statusOf(s).state, "pending");
      assert.deepEqual(
        r.decision.models.map((m) => [m.model, m.state]),
        [
          ["fraud", "success"],
          ["churn", "pending"],
        ],
      );
      assert.equal(statusOf(s).description, "churn: waiting for 1 approval from @alice, @carol");
      review(s, "carol", "APPROVED");
      r = await approve({ models: ["fraud", "churn"] });
      assert.equal(statusOf(s).state, "success");
      assert.equal(statusOf(s).description, `fraud: 1/1, churn: 2/2 approvals (alice, carol) on ${s.head.slice(0, 7)}`);
    },
  );
});

test("a model's override keeps the repository's keys it does not set", async () => {
  await withScenario(TWO_OF_ALICE_BOB_CAROL, [{ name: "fraud", approval: "    approvals: 1" }], async (s, approve) => {
    review(s, "dave", "APPROVED"); // not among alice, bob, carol
    await approve({ models: ["fraud"] });
    assert.equal(statusOf(s).state, "pending");
    review(s, "bob", "APPROVED");
    await approve({ models: ["fraud"] });
    assert.equal(statusOf(s).description, `1/1 approvals (bob) on ${s.head.slice(0, 7)}`);
  });
});

test("a model new in the PR (absent from the base checkout) is judged by the repository's strictest rules", async () => {
  const policy = `approvals: 1
reviewers:
  users: [alice, bob]
riskClass:
  limited: { extraApprovals: 0, teams: [] }
  high: { extraApprovals: 1, teams: [] }`;
  await withScenario(policy, [{ name: "fraud" }], async (s, approve) => {
    review(s, "alice", "APPROVED");
    let r = await approve({ models: ["fraud-v2"] });
    assert.equal(statusOf(s).state, "pending");
    assert.equal(r.decision.models[0].riskClass, "high");
    assert.match(r.decision.models[0].note ?? "", /not in the base branch at [0-9a-f]{7} \(new in this change\?\)/);
    review(s, "bob", "APPROVED");
    r = await approve({ models: ["fraud-v2"] });
    assert.equal(statusOf(s).state, "success");
  });
});

test("high risk class: one more approval, and one from the compliance team", async () => {
  const policy = `approvals: 1
reviewers:
  users: [alice, bob]
riskClass:
  high: { extraApprovals: 1, teams: [Codertocat/compliance] }`;
  await withScenario(policy, [{ name: "fraud", riskClass: "high" }], async (s, approve) => {
    s.sim.addTeam("Codertocat/compliance", ["carol"]);
    review(s, "alice", "APPROVED");
    review(s, "bob", "APPROVED");
    let r = await approve();
    assert.equal(statusOf(s).state, "pending");
    assert.match(r.decision.description, /an approval from @Codertocat\/compliance \(high risk\)/);
    review(s, "carol", "APPROVED");
    r = await approve();
    assert.equal(statusOf(s).state, "success");
    assert.equal(r.decision.models[0].needed, 2);
  });
});

test("a review that lands while the run decides is not lost to a stale status", async () => {
  await withScenario(TWO_OF_ALICE_BOB_CAROL, [{ name: "fraud" }], async (s, approve) => {
    review(s, "alice", "APPROVED");
    let landed = false;
    s.sim.onRequest = (req) => {
      if (!landed && req.method === "GET" && req.path.endsWith("/reviews")) {
        landed = true;
        review(s, "bob", "APPROVED");
      }
    };
    const r = await approve();
    assert.equal(statusOf(s).state, "success");
    assert.deepEqual(
      r.decision.approvers.map((a) => a.login),
      ["alice", "bob"],
    );
  });
});

test("an API error leaves the gate unapproved, with the error in the status", async () => {
  await withScenario(ONE_OF_ALICE_BOB, [{ name: "fraud" }], async (s, approve) => {
    review(s, "alice", "APPROVED");
    s.sim.fail({ path: /\/collaborators\/alice\/permission$/, status: 500 });
    const r = await approve();
    assert.equal(r.decision.approved, false);
    const st = statusOf(s);
    assert.equal(st.state, "failure");
    assert.match(st.description ?? "", /^not approved: GitHub API .*500/);
  });
});

test("a rate-limited review list fails closed", async () => {
  await withScenario(ONE_OF_ALICE_BOB, [{ name: "fraud" }], async (s, approve) => {
    review(s, "alice", "APPROVED");
    s.sim.fail({ path: /\/reviews$/, status: 403, rateLimit: true });
    const r = await approve();
    assert.equal(statusOf(s).state, "failure");
    assert.match(r.apiError ?? "", /rate limit/);
  });
});

test("when the status itself cannot be set, the run says so and exits 1", async () => {
  await withScenario(ONE_OF_ALICE_BOB, [{ name: "fraud" }], async (s, approve) => {
    review(s, "alice", "APPROVED");
    s.sim.fail({ method: "POST", path: /\/statuses\//, status: 500 });
    const r = await approve({ comment: false });
    assert.equal(r.statusSet, false);
    assert.equal(approveExitCode(r), 1);
    assert.match(formatApproveResult(r), /could not set the status modelgate\/approval: GitHub API .*500/);
    assert.equal(s.sim.statuses(s.repo).length, 0);
  });
});

test("more than 100 reviews: the approval on a later page is found", async () => {
  await withScenario(ONE_OF_ALICE_BOB, [{ name: "fraud" }], async (s, approve) => {
    for (let i = 0; i < 140; i++) review(s, `watcher${i % 7}`, "COMMENTED");
    review(s, "alice", "APPROVED");
    for (let i = 0; i < 20; i++) review(s, "bob", "COMMENTED");
    const r = await approve();
    assert.equal(statusOf(s).state, "success");
    assert.equal(r.decision.approvers[0].login, "alice");
    assert.ok(s.sim.log.filter((l) => l.path.endsWith("/reviews")).length >= 2, "read more than one page");
  });
});

test("permissions and team members are looked up once per run", async () => {
  const policy = `approvals: 2
reviewers:
  teams: [Codertocat/ml-reviewers]`;
  await withScenario(policy, [{ name: "fraud" }, { name: "churn" }], async (s, approve) => {
    s.sim.addTeam("Codertocat/ml-reviewers", ["alice", "bob"]);
    review(s, "alice", "APPROVED");
    review(s, "alice", "APPROVED");
    review(s, "bob", "APPROVED");
    await approve();
    assert.equal(statusOf(s).state, "success");
    const perms = s.sim.log.filter((l) => l.path.includes("/permission"));
    const teams = s.sim.log.filter((l) => l.path.includes("/teams/"));
    assert.equal(perms.length, 2);
    assert.equal(teams.length, 1);
  });
});

test("the approval section lands in the sticky comment and survives the report's rewrite", async () => {
  await withScenario(ONE_OF_ALICE_BOB, [{ name: "fraud" }], async (s, approve) => {
    const { upsertStickyComment, PR_COMMENT_MARKER } = await import("../../src/github/index.ts");
    const { simContext } = await import("../support/github-sim/index.ts");
    await upsertStickyComment(simContext(s.sim, s.repo, s.number), s.number, PR_COMMENT_MARKER, "## Report");
    review(s, "alice", "APPROVED");
    await approve();
    const [c] = s.sim.comments(s.repo, s.number);
    assert.match(c.body, /## Report/);
    assert.match(c.body, /Approval on `ec26c3e`/);
    assert.match(c.body, /\| fraud \| minimal \| 1\/1 \(@alice\) \| success \|/);
  });
});

test("CLI: --repo/--pr outside Actions, --json gives approved and approvers", async () => {
  await withScenario(ONE_OF_ALICE_BOB, [{ name: "fraud" }], async (s) => {
    const r = review(s, "bob", "APPROVED");
    const io = bufferIo(s.root, { GITHUB_TOKEN: s.sim.token, GITHUB_API_URL: s.sim.url });
    const code = await main(["approve", "--repo", s.repo, "--pr", String(s.number), "--json"], io);
    assert.equal(code, 0, io.stderr);
    const out = JSON.parse(io.stdout);
    assert.equal(out.approved, true);
    assert.deepEqual(out.approvers, [{ login: "bob", reviewId: r.id, commit: s.head, submittedAt: r.submittedAt }]);
    assert.equal(statusOf(s).state, "success");
  });
});

test("CLI: --dry-run sets nothing; a missing token or an unknown model is a usage error", async () => {
  await withScenario(ONE_OF_ALICE_BOB, [{ name: "fraud" }], async (s) => {
    review(s, "bob", "APPROVED");
    const io = bufferIo(s.root, { ...s.env });
    assert.equal(await main(["approve", "--dry-run"], io), 0, io.stderr);
    assert.match(io.stdout, /modelgate\/approval: success/);
    assert.equal(s.sim.statuses(s.repo).length, 0);
    assert.equal(s.sim.comments(s.repo, s.number).length, 0);

    const noToken = bufferIo(s.root, { GITHUB_API_URL: s.sim.url });
    assert.equal(await main(["approve", "--repo", s.repo, "--pr", "2"], noToken), 2);
    assert.match(noToken.stderr, /GITHUB_TOKEN/);

    const unknown = bufferIo(s.root, { ...s.env });
    assert.equal(await main(["approve", "--models", "Fraud!"], unknown), 2);
    assert.match(unknown.stderr, /no model named "Fraud!".*models: fraud/);
  });
});

test("a configuration error (an unknown model, no model repository) fails the gate on the event's head, exit 2", async () => {
  await withScenario(ONE_OF_ALICE_BOB, [{ name: "fraud" }], async (s) => {
    review(s, "alice", "APPROVED");
    const unknown = bufferIo(s.root, { ...s.env });
    assert.equal(await main(["approve", "--models", "Fraud!"], unknown), 2);
    const st = statusOf(s);
    assert.equal(st.state, "failure");
    assert.equal(st.description, "configuration error: see the job log");

    // A success first, so that the failure is seen to replace it.
    assert.equal(await main(["approve"], bufferIo(s.root, { ...s.env })), 0);
    assert.equal(statusOf(s).state, "success");
    const nowhere = bufferIo(mkdtempSync(join(tmpdir(), "mg-no-repo-")), { ...s.env });
    assert.equal(await main(["approve"], nowhere), 2);
    assert.match(nowhere.stderr, /no model repository found/);
    assert.equal(statusOf(s).state, "failure");
    assert.equal(s.sim.comments(s.repo, s.number).length, 1, "only the successful run wrote its section");
  });
});

test("the reviews cannot be read, outside Actions: failure on the head the pull request read gave (fail closed)", async () => {
  await withScenario(ONE_OF_ALICE_BOB, [{ name: "fraud" }], async (s, approve) => {
    review(s, "alice", "APPROVED");
    s.sim.fail({ path: /\/pulls\/\d+\/reviews$/, status: 502 });
    // No event file: the CLI run by hand or from another CI, with --repo and --pr.
    const env = { GITHUB_TOKEN: s.sim.token, GITHUB_API_URL: s.sim.url };
    const r = await approve({ env, repo: s.repo, pr: s.number, comment: false });
    assert.equal(r.decision.approved, false);
    assert.equal(r.decision.headSha, s.head);
    assert.equal(r.statusSet, true, r.statusError);
    const st = statusOf(s);
    assert.equal(st.state, "failure");
    assert.match(st.description ?? "", /^not approved: GitHub API GET pulls\/\d+\/reviews failed: 502/);
    assert.equal(approveExitCode(r), 1);
  });
});

test("the reviews cannot be read after a push: failure on the head GitHub gave, not the event's older commit", async () => {
  await withScenario(ONE_OF_ALICE_BOB, [{ name: "fraud" }], async (s, approve) => {
    review(s, "alice", "APPROVED");
    const pushed = "1".repeat(40);
    s.sim.push(s.repo, s.number, pushed);
    s.sim.fail({ path: /\/pulls\/\d+\/reviews$/, status: 502 });
    const r = await approve({ comment: false });
    assert.equal(r.decision.headSha, pushed);
    assert.equal(s.sim.status(s.repo, pushed, APPROVAL_CONTEXT)?.state, "failure");
    assert.equal(s.sim.status(s.repo, s.head, APPROVAL_CONTEXT), undefined, "nothing on the event's stale head");
  });
});

test("the pull request cannot be read, outside Actions: with --sha the failure goes on that head, replacing a success", async () => {
  await withScenario(ONE_OF_ALICE_BOB, [{ name: "fraud" }], async (s) => {
    review(s, "bob", "APPROVED");
    // the CLI's own client, retrying the 502s below (5 times) with a short back-off instead of 1 s doubled
    const env = { GITHUB_TOKEN: s.sim.token, GITHUB_API_URL: s.sim.url, MODELGATE_GITHUB_BACKOFF: "0.005" };
    const args = ["approve", "--repo", s.repo, "--pr", String(s.number), "--no-comment"];
    // an earlier run approved the head
    assert.equal(await main(args, bufferIo(s.root, env)), 0);
    assert.equal(statusOf(s).state, "success");
    // now GitHub will not give the pull request
    s.sim.fail({ method: "GET", path: /\/pulls\/\d+$/, status: 502 });
    const blind = bufferIo(s.root, env);
    assert.equal(await main(args, blind), 1);
    assert.match(blind.stdout, /could not set the status modelgate\/approval: the head commit is unknown/);
    assert.equal(statusOf(s).state, "success", "without a head commit, nothing can be set");
    const io = bufferIo(s.root, env);
    assert.equal(await main([...args, "--sha", s.head], io), 1, io.stderr);
    const st = statusOf(s);
    assert.equal(st.state, "failure");
    assert.match(st.description ?? "", /^not approved: GitHub API GET pulls\/\d+ failed: 502/);
    assert.match(io.stdout, new RegExp(`status modelgate/approval set on ${s.head.slice(0, 7)}`));
    const bad = bufferIo(s.root, env);
    assert.equal(await main([...args, "--sha", "not-a-commit"], bad), 2);
    assert.match(bad.stderr, /--sha not-a-commit is not a commit id/);
  });
});
