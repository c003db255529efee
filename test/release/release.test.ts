import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parseAllDocuments } from "yaml";
import { runAudit } from "../../src/audit/run.ts";
import { command } from "../../src/commands/release.ts";
import { readOverlayPin } from "../../src/deploy/render.ts";
import { CheckFailed, UserError } from "../../src/errors.ts";
import { chainProblems, parseLedger } from "../../src/ledger/ledger.ts";
import { parseTrailers } from "../../src/ledger/trailers.ts";
import { type ReleaseOptions, type ReleaseResult, runRelease } from "../../src/release/run.ts";
import { bufferIo } from "../../src/util/io.ts";
import { openWorkspace } from "../../src/workspace/workspace.ts";
import { GitHubSim } from "../support/github-sim/index.ts";
import { type FixtureOptions, git, type LedgerFixture, makeLedgerFixture, PEOPLE } from "../support/ledger-fixture.ts";

const REPO = "acme/models";
const M = "fraud-detector";
const LEDGER = `records/${M}/promotions.jsonl`;
const PROD = `deploy/${M}/overlays/production/kustomization.yaml`;

/** The service's options, and the folder and environment the workspace is opened with. */
type Options = ReleaseOptions & { cwd?: string; env?: NodeJS.ProcessEnv };

interface Scenario {
  fx: LedgerFixture;
  sim: GitHubSim;
  env: NodeJS.ProcessEnv;
  release(o?: Options): Promise<ReleaseResult>;
  /** An approved run of the release workflow: erin approves the production environment. */
  approvedRun(runId: number, reviewer?: string): number;
  close(): Promise<void>;
}

async function scenario(opts: FixtureOptions = {}): Promise<Scenario> {
  const fx = makeLedgerFixture({ releasers: { users: ["dana", "rita"], teams: ["acme/release-managers"] }, ...opts });
  const sim = await GitHubSim.start();
  sim.addRepo(REPO);
  for (const login of ["dana", "frank", "mallory", "erin"]) sim.addCollaborator(REPO, login, "write");
  sim.addCollaborator(REPO, "rita", "read");
  sim.addTeam("acme/release-managers", ["frank"]);
  const env = { GITHUB_TOKEN: sim.token, GITHUB_API_URL: sim.url, GITHUB_REPOSITORY: REPO };
  return {
    fx,
    sim,
    env,
    release: async ({ cwd = fx.repo, env: extra, ...o } = {}) => {
      const all = { ...env, ...extra };
      const ws = openWorkspace(bufferIo(cwd, all), { now: () => new Date("2026-02-01T12:00:00Z") });
      return runRelease(ws, {
        actor: "dana",
        http: { retryBaseMs: 1, retries: 0, paceWrites: false },
        backoffMs: 5,
        maxAttempts: 20,
        ...o,
      });
    },
    approvedRun(runId, reviewer = "erin") {
      sim.reviewDeployment(REPO, runId, {
        user: reviewer,
        state: "approved",
        comment: "Ship it",
        environments: ["production"],
      });
      return runId;
    },
    close: () => sim.close(),
  };
}

/** The remote's branch tip and tags: what a refusal must leave exactly as it was. */
const snapshot = (fx: LedgerFixture) => ({ head: fx.head(), tags: fx.tags() });

async function refused(s: Scenario, o: Options, pattern: RegExp): Promise<void> {
  const before = snapshot(s.fx);
  await assert.rejects(s.release(o), (err: Error) => {
    assert.ok(err instanceof CheckFailed, `a check refused it (exit 1), got ${err.name}: ${err.message}`);
    assert.match(err.message, pattern);
    return true;
  });
  assert.deepEqual(snapshot(s.fx), before, "nothing was written to the remote");
}

function ledger(fx: LedgerFixture) {
  const { entries, problems } = parseLedger(fx.show(LEDGER));
  assert.deepEqual(problems, []);
  assert.deepEqual(chainProblems(entries), [], "the chain is intact");
  return entries;
}

test("a release manager's annotated tag releases the published image to production with the environment's approval on record", async () => {
  const s = await scenario();
  try {
    const v1 = await s.fx.publish(M, "1.0.0");
    const tagObject = s.fx.tag("fraud-detector@v1.0.0", v1.commit);
    const r = await s.release({ tag: "fraud-detector@v1.0.0", runId: s.approvedRun(101) });
    assert.equal(r.outcome, "released");
    assert.equal(r.action, "release");
    assert.equal(r.stageTag, "fraud-detector#production#1");

    // the overlay pins the published digest, and renders with kustomize
    const overlay = s.fx.show(PROD);
    assert.equal(readOverlayPin(overlay)?.image, v1.image.reference);
    const ws = s.fx.clone("render");
    const rendered = parseAllDocuments(
      execFileSync("kubectl", ["kustomize", join(ws, "deploy", M, "overlays", "production")], { encoding: "utf8" }),
    ).map((d) => d.toJS());
    assert.equal(rendered[0].spec.predictor.model.storageUri, `oci://${v1.image.reference}`);
    assert.equal(rendered[0].metadata.annotations["modelgate.dev/version"], "1.0.0");
    assert.equal(rendered[0].metadata.annotations["modelgate.dev/promotion-record"], r.recordDigest);

    // the record: chained to the publish record, naming the tag, its pusher, the environment's approver
    const entries = ledger(s.fx);
    assert.equal(entries.length, 2);
    const rec = entries[1].record;
    assert.equal(entries[1].digest, r.recordDigest);
    assert.equal(rec.action, "release");
    assert.equal(rec.previous, v1.digest);
    assert.equal(rec.environment, "production");
    assert.equal(rec.stageTag, "fraud-detector#production#1");
    assert.deepEqual(rec.image, v1.image);
    assert.equal(rec.source, v1.commit, "the version's commit");
    assert.deepEqual(rec.model, v1.record.model);
    assert.equal(rec.release?.tag, "fraud-detector@v1.0.0");
    assert.equal(rec.release?.tagObject, tagObject);
    assert.equal(rec.release?.pushedBy, "dana");
    assert.equal(rec.release?.tagger, "Dana Release <dana@example.com>");
    assert.equal(rec.release?.publishRecord, v1.digest);
    assert.equal(rec.release?.supersedes, null);
    assert.equal(rec.release?.runId, 101);
    assert.equal(rec.release?.signature, undefined, "an unsigned tag records no signature");
    assert.deepEqual(rec.release?.environmentApprovals, [
      { user: "erin", state: "approved", comment: "Ship it", at: "2026-02-01T12:00:00Z", environments: ["production"] },
    ]);

    // the stage tag: annotated, on the VERSION's commit (where GTO reads it), not on the overlay commit
    assert.equal(git(s.fx.remote, ["cat-file", "-t", "fraud-detector#production#1"]), "tag");
    assert.equal(git(s.fx.remote, ["rev-parse", "fraud-detector#production#1^{commit}"]), v1.commit);
    assert.equal(r.commit, s.fx.head());
    assert.notEqual(r.commit, v1.commit);

    // trailers, read back by git interpret-trailers
    const t = parseTrailers(git(s.fx.remote, ["log", "-1", "--format=%(trailers:only,unfold)", "main"]));
    assert.deepEqual(t.get("Model"), [M]);
    assert.deepEqual(t.get("Model-Version"), ["1.0.0"]);
    assert.deepEqual(t.get("Environment"), ["production"]);
    assert.deepEqual(t.get("Image"), [v1.image.reference]);
    assert.deepEqual(t.get("Promoted-by"), ["dana"]);
    assert.deepEqual(t.get("Approved-by"), ["erin (environment production)"]);
    assert.deepEqual(t.get("Promotion-Record"), [r.recordDigest]);
    assert.deepEqual(t.get("Stage-Tag"), ["fraud-detector#production#1"]);
    assert.equal(git(s.fx.remote, ["log", "-1", "--format=%an", "main"]), "modelgate[bot]");

    // idempotent: the same release again changes nothing and says so
    const before = snapshot(s.fx);
    const again = await s.release({ tag: "fraud-detector@v1.0.0", runId: s.approvedRun(102) });
    assert.equal(again.outcome, "unchanged");
    assert.match(again.summary, /already runs in production .*nothing to do/);
    assert.deepEqual(snapshot(s.fx), before);
    s.sim.assertClean();
  } finally {
    await s.close();
  }
});

test("stage counter, release of a newer version, rollback by tagging an older one, run approvals are not reused", async () => {
  const s = await scenario();
  try {
    const v1 = await s.fx.publish(M, "1.0.0");
    s.fx.tag("fraud-detector@v1.0.0", v1.commit);
    await s.release({ tag: "fraud-detector@v1.0.0", runId: s.approvedRun(101) });
    const v2 = await s.fx.publish(M, "1.1.0");
    assert.equal(v2.stageTag, "fraud-detector#staging#2");
    s.fx.tag("fraud-detector@v1.1.0", v2.commit);
    const r2 = await s.release({ model: M, version: "1.1.0", runId: s.approvedRun(102) });
    assert.equal(r2.outcome, "released");
    assert.equal(r2.stageTag, "fraud-detector#production#2");
    assert.deepEqual(r2.supersedes, { version: "1.0.0", image: v1.image.digest });
    assert.equal(readOverlayPin(s.fx.show(PROD))?.image, v2.image.reference);

    // the approval of run 102 was spent on 1.1.0
    await refused(s, { tag: "fraud-detector@v1.0.0", runId: 102 }, /run 102 was already used by record #4/);

    const r3 = await s.release({ tag: "fraud-detector@v1.0.0", runId: s.approvedRun(103) });
    assert.equal(r3.outcome, "rolled-back");
    assert.equal(r3.action, "rollback");
    assert.equal(r3.stageTag, "fraud-detector#production#3");
    assert.equal(readOverlayPin(s.fx.show(PROD))?.image, v1.image.reference, "the recorded digest of 1.0.0 again");
    const entries = ledger(s.fx);
    assert.deepEqual(
      entries.map((e) => [e.record.action, e.record.model.version, e.record.environment, e.record.stageTag]),
      [
        ["publish", "1.0.0", "staging", "fraud-detector#staging#1"],
        ["release", "1.0.0", "production", "fraud-detector#production#1"],
        ["publish", "1.1.0", "staging", "fraud-detector#staging#2"],
        ["release", "1.1.0", "production", "fraud-detector#production#2"],
        ["rollback", "1.0.0", "production", "fraud-detector#production#3"],
      ],
    );
    assert.deepEqual(entries[4].record.release?.supersedes, { version: "1.1.0", image: v2.image.digest });
    assert.equal(entries[4].record.release?.publishRecord, v1.digest, "promotes the image 1.0.0's publish recorded");
    assert.equal(git(s.fx.remote, ["rev-parse", "fraud-detector#production#3^{commit}"]), v1.commit);
    assert.equal(git(s.fx.remote, ["rev-parse", "fraud-detector#production#2^{commit}"]), v2.commit);
    assert.match(
      git(s.fx.remote, ["log", "-1", "--format=%s", "main"]),
      /^Roll back fraud-detector to 1\.0\.0 in production$/,
    );
    s.sim.assertClean();
  } finally {
    await s.close();
  }
});

test("refused, with nothing written: a lightweight tag, a missing tag, a tag not on the published commit, an unpublished version, a commit off the branch", async () => {
  const s = await scenario();
  try {
    const v1 = await s.fx.publish(M, "1.0.0");
    const v2 = await s.fx.publish(M, "1.1.0");
    s.sim.reviewDeployment(REPO, 1, { user: "erin", state: "approved", comment: "", environments: ["production"] });
    s.fx.tag("fraud-detector@v1.0.0", v1.commit, "lightweight");
    await refused(
      s,
      { tag: "fraud-detector@v1.0.0", runId: 1 },
      /fraud-detector@v1\.0\.0 is a lightweight tag .*must be annotated/,
    );
    await refused(
      s,
      { tag: "fraud-detector@v1.1.0", runId: 1 },
      /the version tag fraud-detector@v1\.1\.0 is not on origin/,
    );
    s.fx.tag("fraud-detector@v1.1.0", v1.commit);
    await refused(
      s,
      { tag: "fraud-detector@v1.1.0", runId: 1 },
      new RegExp(`points at ${v1.commit.slice(0, 7)}, but version 1\\.1\\.0 was published at ${v2.commit.slice(0, 7)}`),
    );
    const first = git(s.fx.remote, ["rev-list", "--max-parents=0", "main"]);
    s.fx.tag("fraud-detector@v2.0.0", first);
    await refused(
      s,
      { tag: "fraud-detector@v2.0.0", runId: 1 },
      /fraud-detector@v2\.0\.0 names version 2\.0\.0, but records\/fraud-detector\/promotions\.jsonl on main has no publish record of it/,
    );
    git(s.fx.repo, ["checkout", "-q", "-b", "side", first]);
    git(s.fx.repo, ["commit", "-q", "--allow-empty", "-m", "not on main"]);
    git(s.fx.repo, ["push", "-q", "origin", "side"]);
    s.fx.tag("fraud-detector@v3.0.0", git(s.fx.repo, ["rev-parse", "HEAD"]));
    await refused(s, { tag: "fraud-detector@v3.0.0", runId: 1 }, /which is not on main of origin/);
    // usage errors are exit 2, not refusals
    await assert.rejects(s.release({ tag: "fraud-detector@1.0.0" }), UserError);
    await assert.rejects(s.release({ tag: "fraud-detector@v1.0.0", environment: "qa" }), /no environment "qa"/);
    s.sim.assertClean();
  } finally {
    await s.close();
  }
});

test("refused: a moved tag, a deregistered version, an overlay edited by hand, a broken ledger", async () => {
  const s = await scenario();
  try {
    const v1 = await s.fx.publish(M, "1.0.0");
    const old = s.fx.tag("fraud-detector@v1.0.0", v1.commit);
    await s.release({ tag: "fraud-detector@v1.0.0", runId: s.approvedRun(1) });
    // moved: same name, a new tag object (here on the same commit)
    git(s.fx.repo, ["tag", "-a", "-f", "fraud-detector@v1.0.0", v1.commit, "-m", "again"]);
    git(s.fx.repo, ["push", "-q", "-f", "origin", "refs/tags/fraud-detector@v1.0.0"]);
    await refused(
      s,
      { tag: "fraud-detector@v1.0.0", runId: s.approvedRun(2) },
      new RegExp(`fraud-detector@v1\\.0\\.0 was moved: record #2 .* released tag object ${old}`),
    );

    const v2 = await s.fx.publish(M, "1.1.0");
    s.fx.tag("fraud-detector@v1.1.0", v2.commit);
    // staging runs 1.1.0 (publish put it there): GTO would stop showing it there
    await refused(
      s,
      { tag: "fraud-detector@v1.1.0", mode: "deregister" },
      /1\.1\.0 runs in staging .*GTO shows no stage of a deregistered version.*release or roll back to another version there first/,
    );
    const v3 = await s.fx.publish(M, "1.2.0");
    const d = await s.release({ tag: "fraud-detector@v1.1.0", mode: "deregister" });
    assert.equal(d.outcome, "deregistered");
    assert.equal(d.registryTag, "fraud-detector@v1.1.0!");
    assert.equal(git(s.fx.remote, ["rev-parse", "fraud-detector@v1.1.0!^{commit}"]), v2.commit);
    assert.equal(git(s.fx.remote, ["cat-file", "-t", "fraud-detector@v1.1.0!"]), "tag");
    assert.equal((await s.release({ tag: "fraud-detector@v1.1.0", mode: "deregister" })).outcome, "unchanged");
    await refused(
      s,
      { tag: "fraud-detector@v1.1.0", runId: s.approvedRun(3) },
      /1\.1\.0 was deregistered .*can never be released/,
    );
    // the deregistration is a record too, appended by the commit pushed with the tag
    const dereg = parseLedger(s.fx.show(LEDGER)).entries.at(-1);
    assert.equal(dereg?.record.action, "deregister");
    assert.equal(dereg?.digest, d.recordDigest);
    assert.equal(dereg?.record.stageTag, "fraud-detector@v1.1.0!");
    assert.equal(d.commit, s.fx.head());
    assert.deepEqual(parseTrailers(git(s.fx.remote, ["log", "-1", "--format=%B", "main"])).get("Promotion-Record"), [
      d.recordDigest,
    ]);
    // so deleting the tag leaves a trace: release still refuses the version, by the ledger
    git(s.fx.remote, ["tag", "-d", "fraud-detector@v1.1.0!"]);
    await refused(
      s,
      { tag: "fraud-detector@v1.1.0", runId: s.approvedRun(3) },
      /1\.1\.0 was deregistered \(record #\d+ in records\/fraud-detector\/promotions\.jsonl; its tag fraud-detector@v1\.1\.0! is no longer on origin\)/,
    );
    git(s.fx.repo, ["fetch", "-q", "--prune", "--prune-tags", "origin"]);
    const gap = await runAudit({ cwd: s.fx.repo, ref: "origin/main", verify: true });
    assert.ok(
      gap.report.verification?.findings.some((f) => f.check === "tag-missing" && f.tag === "fraud-detector@v1.1.0!"),
      JSON.stringify(gap.report.verification?.findings.map((f) => f.message)),
    );
    await refused(s, { tag: "fraud-detector@v1.0.0", mode: "deregister" }, /1\.0\.0 runs in production/);

    // a hand edit of the production overlay
    const hand = s.fx.clone("hand");
    s.fx.tag("fraud-detector@v1.2.0", v3.commit);
    git(hand, ["pull", "-q", "origin", "main"]);
    writeFileSync(join(hand, PROD), s.fx.show(PROD).replace(v1.image.digest, `sha256:${"e".repeat(64)}`));
    git(hand, ["commit", "-q", "-am", "hotfix"], PEOPLE.mallory);
    git(hand, ["push", "-q", "origin", "main"]);
    await refused(
      s,
      { tag: "fraud-detector@v1.2.0", runId: s.approvedRun(4) },
      /the overlay was changed outside modelgate/,
    );
    git(hand, ["revert", "--no-edit", "HEAD"], PEOPLE.mallory);
    // a hand edit of the ledger
    const text = s.fx.show(LEDGER).replace('"triggeredBy":"carol"', '"triggeredBy":"mallory"');
    mkdirSync(join(hand, "records", M), { recursive: true });
    writeFileSync(join(hand, LEDGER), `${text}\n`);
    git(hand, ["commit", "-q", "-am", "edit"], PEOPLE.mallory);
    git(hand, ["push", "-q", "origin", "main"]);
    await refused(
      s,
      { tag: "fraud-detector@v1.2.0", runId: s.approvedRun(5) },
      /the promotion ledger .* is broken \(line 2: previous is/,
    );
    s.sim.assertClean();
  } finally {
    await s.close();
  }
});

test("refused: a pusher who is not a releaser or lacks write permission; team members and signed tags are recorded", async () => {
  const s = await scenario();
  try {
    const v1 = await s.fx.publish(M, "1.0.0");
    s.fx.tag("fraud-detector@v1.0.0", v1.commit);
    await refused(
      s,
      { tag: "fraud-detector@v1.0.0", actor: "mallory", runId: s.approvedRun(1) },
      /pushed by mallory, who is not an allowed releaser: modelgate\.yaml spec\.releasers allows users dana, rita and teams acme\/release-managers/,
    );
    await refused(
      s,
      { tag: "fraud-detector@v1.0.0", actor: "rita", runId: s.approvedRun(2) },
      /pushed by rita, who has read permission on the repository/,
    );
    // inside Actions the actor is GITHUB_ACTOR: --actor cannot claim another
    await assert.rejects(
      s.release({
        tag: "fraud-detector@v1.0.0",
        actor: "dana",
        env: { GITHUB_ACTIONS: "true", GITHUB_ACTOR: "mallory", GITHUB_RUN_ID: "3" },
      }),
      /--actor dana differs from GITHUB_ACTOR mallory/,
    );
    // a re-run by someone who may not release
    await refused(
      s,
      {
        tag: "fraud-detector@v1.0.0",
        actor: undefined,
        env: { GITHUB_ACTIONS: "true", GITHUB_ACTOR: "dana", GITHUB_TRIGGERING_ACTOR: "mallory", GITHUB_RUN_ID: "4" },
      },
      /mallory, who is not an allowed releaser.*re-run of a run by dana/,
    );

    // frank releases through the team; the tag is SSH-signed and GitHub's verification is recorded
    const v2 = await s.fx.publish(M, "1.1.0");
    const signed = s.fx.tag("fraud-detector@v1.1.0", v2.commit, "signed");
    assert.match(git(s.fx.remote, ["cat-file", "tag", signed]), /-----BEGIN SSH SIGNATURE-----/);
    s.sim.addTag(REPO, {
      sha: signed,
      tag: "fraud-detector@v1.1.0",
      message: "fraud-detector@v1.1.0\n",
      tagger: { name: "Dana Release", email: "dana@example.com", date: "2026-02-01T11:00:00Z" },
      object: { sha: v2.commit, type: "commit" },
      verification: { verified: true, reason: "valid" },
    });
    const r = await s.release({
      tag: "fraud-detector@v1.1.0",
      actor: undefined,
      env: { GITHUB_ACTIONS: "true", GITHUB_ACTOR: "frank", GITHUB_RUN_ID: String(s.approvedRun(5)) },
    });
    assert.equal(r.outcome, "released");
    assert.deepEqual(r.releaser, { login: "frank", via: "team acme/release-managers" });
    const rec = ledger(s.fx).at(-1)?.record;
    assert.deepEqual(rec?.release?.signature, { verified: true, reason: "valid" });
    assert.equal(rec?.release?.pushedBy, "frank");
    assert.equal(rec?.release?.runId, 5);
    s.sim.assertClean();
  } finally {
    await s.close();
  }
});

test("refused without the environment's approval when requiresApproval is true: no run, a run nobody approved, a rejected run", async () => {
  const s = await scenario();
  try {
    const v1 = await s.fx.publish(M, "1.0.0");
    s.fx.tag("fraud-detector@v1.0.0", v1.commit);
    await refused(
      s,
      { tag: "fraud-detector@v1.0.0" },
      /production requires the approval of the GitHub environment "production"'s reviewers .*not a workflow run/,
    );
    await refused(
      s,
      { tag: "fraud-detector@v1.0.0", runId: 7 },
      /run 7 has no approval from the GitHub environment "production"'s reviewers/,
    );
    s.sim.reviewDeployment(REPO, 8, { user: "erin", state: "approved", comment: "", environments: ["staging"] });
    await refused(s, { tag: "fraud-detector@v1.0.0", runId: 8 }, /run 8 has no approval/);
    s.sim.reviewDeployment(REPO, 9, {
      user: "erin",
      state: "rejected",
      comment: "not today",
      environments: ["production"],
    });
    await refused(s, { tag: "fraud-detector@v1.0.0", runId: 9 }, /erin rejected the deployment of run 9/);
    // a GitHub error fails closed too
    s.sim.fail({ path: /\/approvals$/, status: 500 });
    const before = snapshot(s.fx);
    await assert.rejects(
      s.release({ tag: "fraud-detector@v1.0.0", runId: s.approvedRun(10) }),
      /GitHub API .*approvals failed: 500/,
    );
    assert.deepEqual(snapshot(s.fx), before);
    s.sim.assertClean();
  } finally {
    await s.close();
  }
});

test("--dry-run runs every check and writes nothing; an environment without requiresApproval releases without a run", async () => {
  const s = await scenario({ environments: [{ name: "staging" }, { name: "production" }] });
  try {
    const v1 = await s.fx.publish(M, "1.0.0");
    s.fx.tag("fraud-detector@v1.0.0", v1.commit);
    const before = snapshot(s.fx);
    const plan = await s.release({ tag: "fraud-detector@v1.0.0", dryRun: true });
    assert.equal(plan.outcome, "planned");
    assert.equal(plan.stageTag, "fraud-detector#production#1");
    assert.match(
      plan.summary,
      /^dry run: would release fraud-detector to 1\.0\.0 in production .*nothing was written$/,
    );
    assert.deepEqual(snapshot(s.fx), before);
    assert.equal(git(s.fx.repo, ["tag", "-l", "fraud-detector#production*"]), "", "no local tag either");
    await refused(s, { tag: "fraud-detector@v1.0.0", dryRun: true, actor: "mallory" }, /not an allowed releaser/);
    const r = await s.release({ tag: "fraud-detector@v1.0.0" });
    assert.equal(r.outcome, "released");
    assert.deepEqual(r.environmentApprovals, []);
    s.sim.assertClean();
  } finally {
    await s.close();
  }
});

test("concurrent releases of two models to the same remote both land, with intact chains and their own stage tags", async () => {
  const s = await scenario({ models: ["fraud-detector", "churn"] });
  try {
    const a = await s.fx.publish("fraud-detector", "1.0.0");
    const b = await s.fx.publish("churn", "2.0.0");
    s.fx.tag("fraud-detector@v1.0.0", a.commit);
    s.fx.tag("churn@v2.0.0", b.commit);
    const c1 = s.fx.clone("c1");
    const c2 = s.fx.clone("c2");
    const [ra, rb] = await Promise.all([
      s.release({ cwd: c1, tag: "fraud-detector@v1.0.0", runId: s.approvedRun(21) }),
      s.release({ cwd: c2, tag: "churn@v2.0.0", runId: s.approvedRun(22) }),
    ]);
    assert.equal(ra.outcome, "released");
    assert.equal(rb.outcome, "released");
    for (const [m, pub] of [
      ["fraud-detector", a],
      ["churn", b],
    ] as const) {
      const { entries, problems } = parseLedger(s.fx.show(`records/${m}/promotions.jsonl`));
      assert.deepEqual(problems, []);
      assert.deepEqual(chainProblems(entries), []);
      assert.deepEqual(
        entries.map((e) => e.record.action),
        ["publish", "release"],
      );
      assert.equal(
        readOverlayPin(s.fx.show(`deploy/${m}/overlays/production/kustomization.yaml`))?.image,
        pub.image.reference,
      );
      assert.equal(git(s.fx.remote, ["rev-parse", `${m}#production#1^{commit}`]), pub.commit);
    }
    const subjects = git(s.fx.remote, ["log", "--format=%s", "-2", "main"]).split("\n").sort();
    assert.deepEqual(subjects, ["Release churn 2.0.0 to production", "Release fraud-detector 1.0.0 to production"]);
    s.sim.assertClean();
  } finally {
    await s.close();
  }
});

test("--unassign writes GTO's unassignment on the version's commit; never for the version the environment runs", async () => {
  const s = await scenario();
  try {
    const v1 = await s.fx.publish(M, "1.0.0");
    s.fx.tag("fraud-detector@v1.0.0", v1.commit);
    await s.release({ tag: "fraud-detector@v1.0.0", runId: s.approvedRun(1) });
    const v2 = await s.fx.publish(M, "1.1.0");
    s.fx.tag("fraud-detector@v1.1.0", v2.commit);
    await refused(s, { tag: "fraud-detector@v1.1.0", mode: "unassign" }, /1\.1\.0 was never assigned to production/);
    await s.release({ tag: "fraud-detector@v1.1.0", runId: s.approvedRun(2) });
    // the rollback and the unassignment within one second, as a script would make them: their tags' dates tie
    process.env.GIT_COMMITTER_DATE = `${Math.ceil(Date.now() / 1000)} +0000`;
    await s.release({ tag: "fraud-detector@v1.0.0", runId: s.approvedRun(3) });
    await refused(s, { tag: "fraud-detector@v1.0.0", mode: "unassign" }, /1\.0\.0 is what production runs/);
    await refused(s, { tag: "fraud-detector@v1.1.0", mode: "unassign", actor: "mallory" }, /not an allowed releaser/);
    const plan = await s.release({ tag: "fraud-detector@v1.1.0", mode: "unassign", dryRun: true });
    assert.equal(plan.outcome, "planned");
    const u = await s.release({ tag: "fraud-detector@v1.1.0", mode: "unassign" });
    delete process.env.GIT_COMMITTER_DATE;
    assert.equal(u.outcome, "unassigned");
    assert.equal(u.registryTag, "fraud-detector#production!#4");
    assert.equal(git(s.fx.remote, ["cat-file", "-t", "fraud-detector#production!#4"]), "tag");
    assert.equal(git(s.fx.remote, ["rev-parse", "fraud-detector#production!#4^{commit}"]), v2.commit);
    assert.equal((await s.release({ tag: "fraud-detector@v1.1.0", mode: "unassign" })).outcome, "unchanged");
    // the counter goes on after an unassignment
    const v3 = await s.fx.publish(M, "1.2.0");
    s.fx.tag("fraud-detector@v1.2.0", v3.commit);
    assert.equal(
      (await s.release({ tag: "fraud-detector@v1.2.0", runId: s.approvedRun(4) })).stageTag,
      "fraud-detector#production#5",
    );
    // a deregistered version besides, then what an auditor's verify makes of all of it (the stand-in publish's
    // evaluation records are not real ones: those findings are the fixture's)
    const v4 = await s.fx.publish(M, "1.3.0");
    s.fx.tag("fraud-detector@v1.3.0", v4.commit);
    await s.fx.publish(M, "1.4.0");
    await s.release({ tag: "fraud-detector@v1.3.0", mode: "deregister" });
    git(s.fx.repo, ["fetch", "-q", "origin", "--tags"]);
    const audit = await runAudit({ cwd: s.fx.repo, ref: "origin/main", verify: true, timeline: true });
    assert.deepEqual(
      audit.report.verification?.findings.filter((f) => f.check !== "evaluation-missing").map((f) => f.message),
      [],
    );
    const kinds = (audit.report.models[0].events ?? []).map((e) => `${e.kind} ${e.version}`);
    for (const k of ["rolled-back 1.0.0", "unassigned 1.1.0", "released 1.2.0", "deregistered 1.3.0"])
      assert.ok(kinds.includes(k), `${k} in the timeline`);
    s.sim.assertClean();
  } finally {
    delete process.env.GIT_COMMITTER_DATE;
    await s.close();
  }
});

test("promotion: pull-request puts the release on a branch and opens one pull request; a re-run finds it", async () => {
  const s = await scenario({
    environments: [
      { name: "staging" },
      { name: "production", promotion: "pull-request", requiresApproval: true, githubEnvironment: "production" },
    ],
  });
  try {
    s.sim.resolveBranch = (_repo, branch) => {
      try {
        return git(s.fx.remote, ["rev-parse", `refs/heads/${branch}`]);
      } catch {
        return undefined;
      }
    };
    const v1 = await s.fx.publish(M, "1.0.0");
    s.fx.tag("fraud-detector@v1.0.0", v1.commit);
    const head = s.fx.head();
    const r = await s.release({ tag: "fraud-detector@v1.0.0", runId: s.approvedRun(1) });
    assert.equal(r.outcome, "proposed");
    assert.equal(r.branch, "modelgate/release/fraud-detector/production/v1.0.0");
    assert.equal(r.pullRequest?.number, 1);
    assert.equal(s.fx.head(), head, "main is untouched until the pull request merges");
    const pull = s.sim.pull(REPO, 1);
    assert.equal(pull.headRef, r.branch);
    assert.equal(pull.baseRef, "main");
    assert.equal(pull.headSha, r.commit);
    assert.equal(git(s.fx.remote, ["rev-parse", `${r.branch}^`]), head, "the branch is one commit on main's tip");
    const pin = readOverlayPin(git(s.fx.remote, ["show", `${r.branch}:${PROD}`]));
    assert.equal(pin?.image, v1.image.reference);
    assert.equal(git(s.fx.remote, ["rev-parse", "fraud-detector#production#1^{commit}"]), v1.commit);
    const again = await s.release({ tag: "fraud-detector@v1.0.0", runId: s.approvedRun(2) });
    assert.equal(again.outcome, "unchanged");
    assert.equal(again.pullRequest?.number, 1);
    assert.equal(again.pullRequest?.created, false);
    s.sim.assertClean();
  } finally {
    await s.close();
  }
});

test("--facts decides offline from the facts GitHub would return; the CLI prints JSON and exits 0", async () => {
  const fx = makeLedgerFixture({ releasers: { users: ["dana"], teams: [] } });
  const v1 = await fx.publish(M, "1.0.0");
  fx.tag("fraud-detector@v1.0.0", v1.commit);
  const facts = join(fx.dir, "facts.json");
  writeFileSync(
    facts,
    JSON.stringify({
      actor: "dana",
      runId: 31,
      permissions: { dana: "maintain" },
      approvals: [
        { user: "erin", state: "approved", comment: "ok", environments: ["production"], at: "2026-02-01T10:00:00Z" },
      ],
    }),
  );
  const io = bufferIo(fx.repo, {});
  const code = await command.run(["fraud-detector@v1.0.0", "--facts", facts, "--json"], io);
  assert.equal(code, 0);
  const out = JSON.parse(io.stdout);
  assert.equal(out.outcome, "released");
  assert.equal(out.stageTag, "fraud-detector#production#1");
  assert.deepEqual(out.record.release.environmentApprovals, [
    { user: "erin", state: "approved", comment: "ok", at: "2026-02-01T10:00:00Z", environments: ["production"] },
  ]);
  assert.equal(out.record.release.runId, 31);
  assert.equal(fx.head(), out.commit);
  // a facts file without the approval is refused like GitHub would be
  writeFileSync(facts, JSON.stringify({ actor: "dana", runId: 32, permissions: { dana: "write" } }));
  const v2 = await fx.publish(M, "1.1.0");
  fx.tag("fraud-detector@v1.1.0", v2.commit);
  await assert.rejects(
    command.run(["fraud-detector@v1.1.0", "--facts", facts], bufferIo(fx.repo, {})),
    /run 32 has no approval/,
  );
  // a malformed facts file is a usage error naming the field
  writeFileSync(facts, JSON.stringify({ permissions: { dana: "root" } }));
  await assert.rejects(command.run(["fraud-detector@v1.1.0", "--facts", facts], bufferIo(fx.repo, {})), (e: Error) => {
    assert.ok(e instanceof UserError);
    assert.match(e.message, /permissions\.dana/);
    return true;
  });
});

test("a remote that refuses the push, or cannot be read: a failed step (exit 1) that says so, with nothing pushed", async () => {
  const s = await scenario({ environments: [{ name: "staging" }, { name: "production" }] });
  try {
    const v1 = await s.fx.publish(M, "1.0.0");
    s.fx.tag("fraud-detector@v1.0.0", v1.commit);
    await s.fx.publish(M, "1.1.0"); // so that staging no longer runs 1.0.0, which may then be deregistered
    const hook = join(s.fx.remote, "hooks", "pre-receive");
    writeFileSync(hook, "#!/bin/sh\necho 'protected branch: pushes need a pull request' >&2\nexit 1\n");
    chmodSync(hook, 0o755);
    await refused(
      s,
      { tag: "fraud-detector@v1.0.0", maxAttempts: 2 },
      /could not push to main of origin .*protected branch: pushes need a pull request.*nothing was pushed/s,
    );
    await refused(
      s,
      { tag: "fraud-detector@v1.0.0", mode: "deregister", maxAttempts: 2 },
      /could not push to main of origin .*protected branch: pushes need a pull request.*nothing was pushed/s,
    );
    // a remote that cannot be read at all
    const lost = s.fx.clone("lost");
    git(lost, ["remote", "set-url", "origin", join(s.fx.dir, "gone.git")]);
    await refused(
      s,
      { cwd: lost, tag: "fraud-detector@v1.0.0" },
      /cannot read the tags of origin, the registry release reads: .*gone\.git/s,
    );
  } finally {
    await s.close();
  }
});
