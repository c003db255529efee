/**
 * What publish trusts (issue #19): the merge is judged by its first parent's rules (item 9); only the status and
 * check runs of the identity modelgate's jobs run as count (item 10); `--facts` is refused inside GitHub Actions and
 * the record says where its approvals came from (item 12); a published version never changes (item 15); the merged
 * commit must be on the remote (item 16).
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { APPROVAL_CONTEXT } from "../../src/approve/decide.ts";
import { runApprove } from "../../src/commands/approve.ts";
import { CheckFailed, UserError } from "../../src/errors.ts";
import { createOrUpdateCheckRun, setCommitStatus } from "../../src/github/api.ts";
import { parseLedger } from "../../src/ledger/ledger.ts";
import { publish } from "../../src/publish/run.ts";
import { bufferIo } from "../../src/util/io.ts";
import { GitHubSim, simContext } from "../support/github-sim/index.ts";
import { logisticRegressionModel } from "../support/onnx-build.ts";
import { evaluate, type Merged, mergedRepo, sha256 } from "./fixture.ts";

const run = (m: Merged, o: Partial<Parameters<typeof publish>[0]> = {}) =>
  publish({ cwd: m.root, env: m.env, io: bufferIo(m.root, m.env), backoffMs: 5, ...o });

/** The remote's state a refusal must leave untouched: main's commit and every tag. */
const snapshot = (m: Merged) => `${m.remoteGit("rev-parse", "main")}\n${m.remoteGit("tag", "-l")}`;

/** A facts file (approve's format) with `reviewer`'s approval of `head`, and write permission for the people named. */
function factsFile(head: string, reviewer: string, writers: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), "mg-facts-")), "facts.json");
  writeFileSync(
    file,
    JSON.stringify({
      pr: { number: 7, author: "alice", headSha: head },
      mergedBy: "bob",
      reviews: [
        {
          id: 101,
          login: reviewer,
          userType: "User",
          state: "APPROVED",
          commitId: head,
          submittedAt: "2026-11-28T10:00:00Z",
        },
      ],
      permissions: Object.fromEntries(writers.map((w) => [w, "write"])),
    }),
  );
  return file;
}

test("a pull request that relaxes its own failing gate and names its own reviewer is refused: the first parent's rules judge the merge", async () => {
  const m = await mergedRepo({
    // main's gate, which 1.1.0 fails
    baseYaml: (y) => y.replace("{ metric: roc_auc, min: 0.6 }", "{ metric: roc_auc, min: 0.999 }"),
    // the pull request relaxes it, and makes mallory the only reviewer
    extraModelYaml: (y) => y.replace("{ metric: roc_auc, min: 0.999 }", "{ metric: roc_auc, min: 0.1 }"),
    prConfig: (y) => y.replace("users: [alice, bob]", "users: [mallory]"),
  });
  const before = snapshot(m);
  const r = await run(m, { facts: factsFile(m.head, "mallory", ["alice", "bob", "mallory"]) });
  assert.deepEqual(r.models, []);
  const gates = r.refusals.find((x) => x.field === "gates");
  assert.ok(gates, JSON.stringify(r.refusals));
  assert.match(gates.message, /roc_auc .*0\.999/);
  const approval = r.refusals.find((x) => x.field === "approval");
  assert.ok(approval, JSON.stringify(r.refusals));
  assert.match(approval.message, /1 approval from @alice, @bob/);
  assert.match(
    r.warnings[0],
    new RegExp(
      `^This merge changes the rules that judge it: modelgate\\.yaml \\(the approval policy\\); models/churn/model\\.yaml \\(the gates of churn\\)\\. It is judged by the rules of the merge's first parent at ${m.base.slice(0, 7)}, not by the ones it proposes`,
    ),
  );
  assert.equal(snapshot(m), before);
});

test("only modelgate's own identity vouches: a status set by someone else, a check run by another app, count for nothing", async () => {
  const m = await mergedRepo();
  const sim = await GitHubSim.start();
  const repo = "acme/models";
  const http = { retryBaseMs: 1, paceWrites: false };
  try {
    sim.addRepo(repo);
    for (const u of ["alice", "bob", "mallory"]) sim.addCollaborator(repo, u, "write");
    sim.openPull(repo, { number: 7, author: "alice", headSha: m.head, baseSha: m.base });
    sim.submitReview(repo, 7, { login: "bob", state: "APPROVED", commitId: m.head });
    sim.merge(repo, 7, m.merge, "bob");
    // mallory, with write access, sets the status herself with her own token (approve never ran)
    sim.addToken("ghp_mallory0000000000000000000000000000", { login: "mallory" });
    await setCommitStatus(
      { ...simContext(sim, repo), token: "ghp_mallory0000000000000000000000000000" },
      { sha: m.head, state: "success", context: APPROVAL_CONTEXT, description: "looks good to me" },
    );
    const env = { ...m.env, GITHUB_TOKEN: sim.token, GITHUB_API_URL: sim.url, GITHUB_REPOSITORY: repo };
    const before = snapshot(m);
    const r = await run(m, { env, http });
    const f = r.refusals.find((x) => x.field === "approval");
    assert.ok(f, JSON.stringify(r.refusals));
    assert.match(
      f.message,
      /has modelgate\/approval = no status from github-actions\[bot\] \(set aside: modelgate\/approval set by mallory, not by github-actions\[bot\], the identity modelgate's jobs run as: modelgate\.yaml spec\.github\)/,
    );
    assert.equal(snapshot(m), before);
    sim.assertClean();
  } finally {
    await sim.close();
  }
});

test("a fork's check run `modelgate / MODEL` counts only from the app modelgate's jobs run as (spec.github.app)", async () => {
  const m = await mergedRepo();
  const sim = await GitHubSim.start();
  const repo = "acme/models";
  const http = { retryBaseMs: 1, paceWrites: false };
  try {
    sim.addRepo(repo);
    for (const u of ["alice", "bob"]) sim.addCollaborator(repo, u, "write");
    sim.openPull(repo, { number: 7, author: "alice", headSha: m.head, baseSha: m.base, fork: "alice/models" });
    sim.submitReview(repo, 7, { login: "bob", state: "APPROVED", commitId: m.head });
    const env = { ...m.env, GITHUB_TOKEN: sim.token, GITHUB_API_URL: sim.url, GITHUB_REPOSITORY: repo };
    await runApprove({ cwd: m.root, env, pr: 7, comment: false, http });
    sim.merge(repo, 7, m.merge, "bob");
    // Another app installed on the repository writes the check run modelgate's report job would write.
    sim.addToken("ghs_otherapp000000000000000000000000000", { login: "other-ci[bot]", app: "other-ci" });
    await createOrUpdateCheckRun(
      { ...simContext(sim, repo), token: "ghs_otherapp000000000000000000000000000" },
      { name: "modelgate / churn", headSha: m.head, conclusion: "success", title: "pass", summary: "trust me" },
    );
    const layout = join(mkdtempSync(join(tmpdir(), "mg-layout-")), "images");
    const refused = await run(m, { env, layout, http });
    const f = refused.refusals.find((x) => x.field === "approval");
    assert.ok(f, JSON.stringify(refused.refusals));
    assert.match(f.message, /set aside: check runs by other-ci, not by the app github-actions modelgate's jobs run as/);
    assert.match(f.message, /found modelgate \/ churn: no check run by github-actions\)/);
    // The report job's own check run (GITHUB_TOKEN: the app github-actions) counts.
    await createOrUpdateCheckRun(simContext(sim, repo), {
      name: "modelgate / churn",
      headSha: m.head,
      conclusion: "success",
      title: "pass",
      summary: "recomputed",
    });
    const ok = await run(m, { env, layout, http });
    assert.deepEqual(ok.refusals, []);
    sim.assertClean();
  } finally {
    await sim.close();
  }
});

test("a GitHub App of the repository's own (spec.github.app): its status counts, the workflow token's does not", async () => {
  const m = await mergedRepo();
  // main names the app modelgate's jobs run as
  const cfg = join(m.root, "modelgate.yaml");
  m.git("checkout", "-q", m.base);
  writeFileSync(cfg, `${readFileSync(cfg, "utf8")}  github:\n    app: acme-models\n`);
  m.git("commit", "-qam", "modelgate runs as the acme-models app");
  const base = m.git("rev-parse", "HEAD");
  m.git("merge", "-q", "--no-ff", m.head, "-m", "Merge pull request #7");
  m.git("push", "-q", "-f", "origin", "HEAD:main");
  const merge = m.git("rev-parse", "HEAD");
  const sim = await GitHubSim.start();
  const repo = "acme/models";
  const http = { retryBaseMs: 1, paceWrites: false };
  const app = "ghs_acmemodels0000000000000000000000000";
  try {
    sim.addRepo(repo);
    for (const u of ["alice", "bob"]) sim.addCollaborator(repo, u, "write");
    sim.addToken(app, { login: "acme-models[bot]", app: "acme-models" });
    sim.openPull(repo, { number: 7, author: "alice", headSha: m.head, baseSha: base });
    sim.submitReview(repo, 7, { login: "bob", state: "APPROVED", commitId: m.head });
    sim.merge(repo, 7, merge, "bob");
    const env = { ...m.env, GITHUB_TOKEN: sim.token, GITHUB_API_URL: sim.url, GITHUB_REPOSITORY: repo };
    // approve ran with the workflow's GITHUB_TOKEN: github-actions[bot] set the status
    await runApprove({ cwd: m.root, env, pr: 7, comment: false, http });
    const layout = join(mkdtempSync(join(tmpdir(), "mg-layout-")), "images");
    const refused = await run(m, { env, layout, http });
    assert.match(
      refused.refusals.find((x) => x.field === "approval")?.message ?? "",
      /no status from acme-models\[bot\] \(set aside: modelgate\/approval set by github-actions\[bot\]/,
    );
    // approve with the app's token: acme-models[bot] set it
    await runApprove({ cwd: m.root, env: { ...env, GITHUB_TOKEN: app }, pr: 7, comment: false, http });
    const ok = await run(m, { env, layout, http });
    assert.deepEqual(ok.refusals, []);
    sim.assertClean();
  } finally {
    await sim.close();
  }
});

test("publish --facts is refused inside GitHub Actions; the record says where its approvals came from", async () => {
  const m = await mergedRepo();
  await assert.rejects(
    run(m, { facts: m.facts(), env: { ...m.env, GITHUB_ACTIONS: "true" } }),
    (err: Error) => err instanceof UserError && /publish --facts is refused inside GitHub Actions/.test(err.message),
  );
  const r = await run(m, { facts: m.facts() });
  assert.deepEqual(r.refusals, []);
  const [entry] = parseLedger(m.remoteGit("show", "main:records/churn/promotions.jsonl")).entries;
  assert.deepEqual(entry.record.approvalSource, { from: "facts-file" });
});

test("a published version is immutable: the same version with other model bytes is refused (bump spec.version)", async () => {
  const m = await mergedRepo();
  const first = await run(m, { facts: m.facts() });
  assert.deepEqual(first.refusals, []);
  m.git("pull", "-q", "--ff-only", "origin", "main");
  // A later change keeps version 1.1.0 but ships other bytes.
  const other = logisticRegressionModel({ weights: [-1 / 10, 1 / 70], bias: 1.1 });
  writeFileSync(join(m.root, "models/churn/model.onnx"), other);
  const yaml = join(m.root, "models/churn/model.yaml");
  writeFileSync(yaml, readFileSync(yaml, "utf8").replace(/sha256: [0-9a-f]{64}/, `sha256: ${sha256(other)}`));
  await evaluate(m.root);
  m.git("commit", "-qam", "churn 1.1.0, retrained");
  m.git("push", "-q", "origin", "main");
  const head = m.git("rev-parse", "HEAD");
  const before = snapshot(m);
  const r = await run(m, { facts: factsFile(head, "bob", ["alice", "bob"]), models: ["churn"] });
  const f = r.refusals.find((x) => x.field === "spec.version");
  assert.ok(f, JSON.stringify(r.refusals));
  assert.match(
    f.message,
    /version 1\.1\.0 of churn was already published with another artifact \(record #1, churn#staging#1, sha256 [0-9a-f]{12}…, from [0-9a-f]{12}\); a published version is immutable: bump spec\.version in a new pull request/,
  );
  assert.equal(snapshot(m), before);
});

test("a merge the remote does not have is refused: a record never cites a commit that exists only on this machine", async () => {
  const m = await mergedRepo();
  m.git("commit", "-q", "--allow-empty", "-m", "a local commit, never pushed");
  const local = m.git("rev-parse", "HEAD");
  const before = snapshot(m);
  await assert.rejects(run(m, { facts: m.facts(), models: ["churn"] }), (err: Error) => {
    assert.ok(err instanceof CheckFailed, err.message);
    assert.match(
      err.message,
      new RegExp(
        `the merged commit ${local.slice(0, 12)} is not on main of origin \\(its tip is ${m.merge.slice(0, 12)}\\).*push the merge first`,
      ),
    );
    return true;
  });
  assert.equal(snapshot(m), before);
});
