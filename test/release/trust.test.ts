/**
 * What release trusts (issue #19): an environment approval is bound to the one release that recorded its run (item
 * 13); `--facts` is refused inside GitHub Actions, and the record says where its approvals came from (item 12).
 */
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { CheckFailed, UserError } from "../../src/errors.ts";
import { parseLedger } from "../../src/ledger/ledger.ts";
import { type ReleaseOptions, runRelease } from "../../src/release/run.ts";
import { bufferIo } from "../../src/util/io.ts";
import { openWorkspace } from "../../src/workspace/workspace.ts";
import { GitHubSim } from "../support/github-sim/index.ts";
import { makeLedgerFixture } from "../support/ledger-fixture.ts";

const REPO = "acme/models";
const M = "fraud-detector";

async function scenario() {
  const fx = makeLedgerFixture({ releasers: { users: ["dana"], teams: [] } });
  const sim = await GitHubSim.start();
  sim.addRepo(REPO);
  for (const login of ["dana", "erin"]) sim.addCollaborator(REPO, login, "write");
  const env = { GITHUB_TOKEN: sim.token, GITHUB_API_URL: sim.url, GITHUB_REPOSITORY: REPO };
  const release = (o: ReleaseOptions & { env?: NodeJS.ProcessEnv }) => {
    const { env: extra, ...rest } = o;
    const ws = openWorkspace(bufferIo(fx.repo, { ...env, ...extra }), { now: () => new Date("2026-02-01T12:00:00Z") });
    return runRelease(ws, { actor: "dana", http: { retryBaseMs: 1, retries: 0, paceWrites: false }, ...rest });
  };
  const approve = (runId: number) => {
    sim.reviewDeployment(REPO, runId, { user: "erin", state: "approved", comment: "", environments: ["production"] });
    return runId;
  };
  return { fx, sim, release, approve };
}

test("an environment approval is bound to one release: after a rollback, re-running the run that released 1.1.0 releases nothing", async () => {
  const s = await scenario();
  try {
    const v1 = await s.fx.publish(M, "1.0.0");
    s.fx.tag("fraud-detector@v1.0.0", v1.commit);
    await s.release({ tag: "fraud-detector@v1.0.0", runId: s.approve(101) });
    const v2 = await s.fx.publish(M, "1.1.0");
    s.fx.tag("fraud-detector@v1.1.0", v2.commit);
    // Run 102, inside Actions: its attempt goes into the record with its id.
    const inRun = (run: number, attempt: number) => ({
      GITHUB_ACTIONS: "true",
      GITHUB_ACTOR: "dana",
      GITHUB_RUN_ID: String(run),
      GITHUB_RUN_ATTEMPT: String(attempt),
    });
    s.approve(102);
    const r2 = await s.release({ tag: "fraud-detector@v1.1.0", actor: undefined, env: inRun(102, 1) });
    assert.equal(r2.outcome, "released");
    assert.equal(r2.record?.release?.runId, 102);
    assert.equal(r2.record?.release?.runAttempt, 1);
    const rolled = await s.release({ tag: "fraud-detector@v1.0.0", runId: s.approve(103) });
    assert.equal(rolled.outcome, "rolled-back");

    // Run 102 again (GitHub's "Re-run jobs": the same run id, attempt 2, and its old approval still listed).
    const head = s.fx.head();
    await assert.rejects(
      s.release({ tag: "fraud-detector@v1.1.0", actor: undefined, env: inRun(102, 2) }),
      (err: Error) => {
        assert.ok(err instanceof CheckFailed, err.message);
        assert.match(
          err.message,
          /the environment approval of workflow run 102 was already used by record #4 \(1\.1\.0 to production, fraud-detector#production#2, attempt 1\); an approval is bound to one release/,
        );
        return true;
      },
    );
    assert.equal(s.fx.head(), head, "nothing was written");
    // A new run with its own approval re-releases it.
    const again = await s.release({ tag: "fraud-detector@v1.1.0", runId: s.approve(104) });
    assert.equal(again.outcome, "released");
    s.sim.assertClean();
  } finally {
    await s.sim.close();
  }
});

test("--facts is refused inside GitHub Actions; the record says whether its approvals came from GitHub or a facts file", async () => {
  const s = await scenario();
  try {
    const v1 = await s.fx.publish(M, "1.0.0");
    s.fx.tag("fraud-detector@v1.0.0", v1.commit);
    const facts = join(s.fx.dir, "facts.json");
    writeFileSync(
      facts,
      JSON.stringify({
        actor: "dana",
        runId: 31,
        permissions: { dana: "write" },
        approvals: [{ user: "erin", state: "approved", comment: "", environments: ["production"] }],
      }),
    );
    const head = s.fx.head();
    await assert.rejects(
      s.release({ tag: "fraud-detector@v1.0.0", facts, env: { GITHUB_ACTIONS: "true", GITHUB_ACTOR: "dana" } }),
      (err: Error) => {
        assert.ok(err instanceof UserError, err.message);
        assert.match(err.message, /release --facts is refused inside GitHub Actions/);
        return true;
      },
    );
    assert.equal(s.fx.head(), head);

    const offline = await s.release({ tag: "fraud-detector@v1.0.0", facts });
    assert.deepEqual(offline.record?.release?.approvalSource, { from: "facts-file" });
    const v2 = await s.fx.publish(M, "1.1.0");
    s.fx.tag("fraud-detector@v1.1.0", v2.commit);
    const online = await s.release({ tag: "fraud-detector@v1.1.0", runId: s.approve(40) });
    assert.deepEqual(online.record?.release?.approvalSource, { from: "github", api: s.sim.url, run: null });
    const recorded = parseLedger(s.fx.show(`records/${M}/promotions.jsonl`)).entries.map(
      (e) => e.record.release?.approvalSource?.from,
    );
    assert.deepEqual(recorded, [undefined, "facts-file", undefined, "github"]);
    s.sim.assertClean();
  } finally {
    await s.sim.close();
  }
});
