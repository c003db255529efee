/**
 * audit verify against tampered histories: each way of faking or hiding a step in its own test, on real git
 * repositories made by the real `publish` (and release-shaped promotions until `release` lands), each caught with a
 * finding that names the commit, tag or record and what was expected.
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, test } from "node:test";
import { canonicalJson } from "../../src/ledger/canonical.ts";
import { appendToLedger, parseLedger } from "../../src/ledger/ledger.ts";
import { commitMessage } from "../../src/ledger/trailers.ts";
import { copyScenario, git, hour, releaseFixture, type Scenario, standardScenario } from "../support/audit-scenario.ts";
import { show, verifyJson } from "./helpers.ts";

let base: Scenario;
before(async () => {
  base = await standardScenario();
});

const LEDGER = "records/churn/promotions.jsonl";
const PRODUCTION = "deploy/churn/overlays/production/kustomization.yaml";
const STAGING = "deploy/churn/overlays/staging/kustomization.yaml";

function ledgerLines(s: Scenario): string[] {
  return readFileSync(join(s.repo, LEDGER), "utf8").split("\n").filter(Boolean);
}

function commitAll(s: Scenario, message: string, who: Parameters<typeof git>[2] = "mallory", h = 20): string {
  git(s.repo, ["add", "-A"]);
  git(s.repo, ["commit", "-q", "-m", message], who, hour(h));
  return git(s.repo, ["rev-parse", "HEAD"]);
}

test("a history made by publish and release verifies: exit 0, no findings", async () => {
  const s = copyScenario(base);
  const r = await verifyJson(s.repo);
  assert.equal(r.code, 0, show(r.findings));
  assert.deepEqual(r.findings, []);
  assert.equal(r.report.verification?.ok, true);
  assert.deepEqual(r.report.verification?.checked, { records: 5, commits: 5, tags: 7, evaluations: 2, images: null });
  const text = await import("./helpers.ts").then((h) => h.runAuditCli(s.repo, ["verify"]));
  assert.match(text.stdout, /No findings/);
});

test("tamper: a hand-edited overlay digest is a finding naming the commit and the overlay", async () => {
  const s = copyScenario(base);
  const file = join(s.repo, PRODUCTION);
  const text = readFileSync(file, "utf8");
  const forged = `sha256:${"e".repeat(64)}`;
  writeFileSync(file, text.replace(/sha256:[0-9a-f]{64}/, forged));
  const c = commitAll(s, "hotfix: pin the production image");
  const r = await verifyJson(s.repo);
  assert.equal(r.code, 1);
  const f = r.findings.filter((x) => x.check === "deploy-edit");
  assert.equal(f.length, 1, show(r.findings));
  assert.equal(f[0].commit, c);
  assert.equal(f[0].path, PRODUCTION);
  assert.match(f[0].message, /without a promotion record: a change made outside modelgate/);
  assert.match(f[0].message, new RegExp(forged));
});

test("tamper: a deleted promotion record (the last one, so the chain itself still holds) is a finding", async () => {
  const s = copyScenario(base);
  const lines = ledgerLines(s);
  writeFileSync(join(s.repo, LEDGER), `${lines.slice(0, -1).join("\n")}\n`);
  const c = commitAll(s, "tidy the ledger");
  const r = await verifyJson(s.repo);
  assert.equal(r.code, 1);
  assert.ok(!r.findings.some((x) => x.check === "ledger-chain"), "the remaining chain is intact");
  const f = r.findings.filter((x) => x.check === "ledger-rewritten");
  assert.equal(f.length, 1, show(r.findings));
  assert.equal(f[0].commit, c);
  assert.match(f[0].message, /deleted record #5 \(rollback 1\.1\.0 to production/);
});

test("tamper: an edited field in a record is a finding (the history, and the chain after it)", async () => {
  const s = copyScenario(base);
  const lines = ledgerLines(s);
  const rec = JSON.parse(lines[0]);
  rec.approvals[0].reviewer = "carol";
  lines[0] = canonicalJson(rec);
  writeFileSync(join(s.repo, LEDGER), `${lines.join("\n")}\n`);
  const c = commitAll(s, "fix reviewer name");
  const r = await verifyJson(s.repo);
  assert.equal(r.code, 1);
  const f = r.findings.filter((x) => x.check === "ledger-rewritten");
  assert.equal(f.length, 1, show(r.findings));
  assert.equal(f[0].commit, c);
  assert.match(f[0].message, /edited record #1 \(publish 1\.1\.0 to staging, sha256:[0-9a-f]{64}\): approvals changed/);
  const chain = r.findings.filter((x) => x.check === "ledger-chain");
  assert.equal(chain.length, 1, show(r.findings));
  assert.equal(chain[0].record?.sequence, 2);
});

test("tamper: a record inserted out of order is a finding", async () => {
  const s = copyScenario(base);
  const lines = ledgerLines(s);
  // a well-formed record, chained to #2, slipped in before #3
  const prefix = `${lines.slice(0, 2).join("\n")}\n`;
  const { entries } = parseLedger(prefix);
  const { sequence: _s, previous: _p, ...copy } = entries[1].record;
  const inserted = appendToLedger(prefix, { ...copy, at: "2026-03-02T17:30:00Z", triggeredBy: "mallory" });
  const forgedLine = inserted.text.split("\n").filter(Boolean)[2];
  writeFileSync(join(s.repo, LEDGER), `${[...lines.slice(0, 2), forgedLine, ...lines.slice(2)].join("\n")}\n`);
  const c = commitAll(s, "backfill a release record");
  const r = await verifyJson(s.repo);
  assert.equal(r.code, 1);
  const f = r.findings.filter((x) => x.check === "ledger-rewritten");
  assert.equal(f.length, 1, show(r.findings));
  assert.equal(f[0].commit, c);
  assert.match(
    f[0].message,
    /inserted #3 \(release 1\.1\.0 to production, sha256:[0-9a-f]{64}\) at line 3, before #3 \(publish 1\.2\.0/,
  );
  assert.ok(
    r.findings.some((x) => x.check === "ledger-chain"),
    show(r.findings),
  );
});

test("tamper: a lightweight version tag is a finding", async () => {
  const s = copyScenario(base);
  const commit = s.versions["1.2.0"].publish;
  git(s.repo, ["tag", "-d", "churn@v1.2.0"]);
  git(s.repo, ["tag", "churn@v1.2.0", commit]);
  const r = await verifyJson(s.repo);
  assert.equal(r.code, 1);
  const f = r.findings.filter((x) => x.check === "tag-lightweight");
  assert.equal(f.length, 1, show(r.findings));
  assert.equal(f[0].tag, "churn@v1.2.0");
  assert.match(f[0].message, /lightweight tag \(it names commit [0-9a-f]{12} directly, with no tagger and no date\)/);
  // and it is no longer the tag object the release recorded
  assert.ok(r.findings.some((x) => x.check === "tag-moved" && x.tag === "churn@v1.2.0" && x.record?.sequence === 4));
});

test("tamper: a moved stage tag is a finding naming the tag, where it points and where the record made it", async () => {
  const s = copyScenario(base);
  const where = s.versions["1.2.0"].publish;
  git(s.repo, ["tag", "-f", "-a", "churn#staging#1", where, "-m", "moved"], "mallory", hour(20));
  const r = await verifyJson(s.repo);
  assert.equal(r.code, 1);
  const f = r.findings.filter((x) => x.check === "tag-moved");
  assert.equal(f.length, 1, show(r.findings));
  assert.equal(f[0].tag, "churn#staging#1");
  assert.equal(f[0].commit, where);
  assert.equal(f[0].record?.sequence, 1);
  assert.match(
    f[0].message,
    new RegExp(
      `points at ${where.slice(0, 12)}, but record #1 \\(publish 1\\.1\\.0 to staging\\) made it on ${s.versions["1.1.0"].publish.slice(0, 12)}: the tag was moved`,
    ),
  );
});

test("tamper: a stage tag pushed by hand with no record is a finding", async () => {
  const s = copyScenario(base);
  git(
    s.repo,
    ["tag", "-a", "churn#production#4", s.versions["1.2.0"].publish, "-m", "back to 1.2.0"],
    "mallory",
    hour(20),
  );
  git(s.repo, ["push", "-q", "origin", "refs/tags/churn#production#4"]);
  const r = await verifyJson(s.repo);
  assert.equal(r.code, 1);
  const f = r.findings.filter((x) => x.check === "tag-without-record");
  assert.equal(f.length, 1, show(r.findings));
  assert.equal(f[0].tag, "churn#production#4");
  assert.match(
    f[0].message,
    /by Mallory <mallory@example\.com> at 2026-03-03T05:00:00Z\) is cited by no promotion record: a stage assignment made by hand/,
  );
  assert.equal(r.findings.length, 1, show(r.findings));
});

test("tamper: forged trailers on commits with no approval behind them are findings", async () => {
  const s = copyScenario(base);
  const lines = ledgerLines(s);
  const text = `${lines.join("\n")}\n`;
  const { entries } = parseLedger(text);
  const pub = entries[2]; // publish 1.2.0
  const head = pub.record.pullRequest?.head as string;
  // 1. a commit that appends a well-chained record with no approval, and trailers claiming bob's review
  const { sequence: _s, previous: _p, ...copy } = pub.record;
  const forged = appendToLedger(text, {
    ...copy,
    approvals: [],
    at: "2026-03-02T20:30:00Z",
    source: git(s.repo, ["rev-parse", "HEAD"]),
    stageTag: "churn#staging#3",
  });
  writeFileSync(join(s.repo, LEDGER), forged.text);
  const staging = readFileSync(join(s.repo, STAGING), "utf8");
  writeFileSync(join(s.repo, STAGING), staging.replace(pub.digest, forged.digest));
  const trailers: [string, string][] = [
    ["Model", "churn"],
    ["Model-Version", pub.record.model.version],
    ["Model-Digest", `sha256:${pub.record.model.sha256}`],
    ["Eval-Record", pub.record.evaluation.record],
    ["Approved-by", `bob (review 102 on ${head})`],
    ["Image", pub.record.image.reference],
    ["Environment", "staging"],
    ["Promotion-Record", forged.digest],
    ["Stage-Tag", "churn#staging#3"],
  ];
  git(s.repo, ["add", "-A"]);
  git(
    s.repo,
    ["commit", "-q", "-m", commitMessage("Publish churn 1.2.0 to staging", "", trailers as never)],
    "bot",
    hour(20),
  );
  const withRecord = git(s.repo, ["rev-parse", "HEAD"]);
  // 2. a commit whose trailers name a record it does not append, changing the production overlay
  const prod = readFileSync(join(s.repo, PRODUCTION), "utf8");
  writeFileSync(join(s.repo, PRODUCTION), prod.replace(entries[4].record.image.digest, pub.record.image.digest));
  git(s.repo, ["add", "-A"]);
  git(
    s.repo,
    [
      "commit",
      "-q",
      "-m",
      commitMessage("Release churn 1.2.0 to production", "", [
        ["Model", "churn"],
        ["Approved-by", "carol (environment production)"],
        ["Promotion-Record", entries[3].digest],
      ]),
    ],
    "bot",
    hour(21),
  );
  const withoutRecord = git(s.repo, ["rev-parse", "HEAD"]);

  const r = await verifyJson(s.repo);
  assert.equal(r.code, 1);
  const approval = r.findings.filter((x) => x.check === "approval");
  assert.equal(approval.length, 1, show(r.findings));
  assert.equal(approval[0].record?.sequence, 6);
  assert.match(
    approval[0].message,
    /no approval of the evaluated head [0-9a-f]{12} of pull request #2 is recorded \(the record holds no approval at all\)/,
  );
  const trailer = r.findings.filter((x) => x.check === "record-trailers");
  assert.equal(trailer.length, 1, show(r.findings));
  assert.equal(trailer[0].commit, withRecord);
  assert.match(trailer[0].message, /Approved-by names bob, but the record holds approvals by nobody/);
  const noRecord = r.findings.filter((x) => x.check === "trailers-without-record");
  assert.equal(noRecord.length, 1, show(r.findings));
  assert.equal(noRecord[0].commit, withoutRecord);
  assert.match(noRecord[0].message, /Approved-by carol \(environment production\)\), but appends no such record/);
  assert.ok(r.findings.some((x) => x.check === "deploy-edit" && x.commit === withoutRecord && x.path === PRODUCTION));
});

test("tamper: history rewritten under a record (its commit missing from the branch) is a finding", async () => {
  const s = copyScenario(base);
  // rewrite every commit of main (a new first commit, everything replayed on it), force-push, audit a fresh clone
  const root = git(s.repo, ["rev-list", "--max-parents=0", "main"]);
  git(s.repo, ["checkout", "-q", "--detach", root]);
  git(s.repo, ["commit", "-q", "--amend", "-m", "churn 1.0.0 (rewritten)"], "mallory", hour(0));
  git(s.repo, ["rebase", "-q", "-r", "--onto", "HEAD", root, "main"], "mallory", hour(20));
  git(s.repo, ["push", "-q", "--force", "origin", "main"]);
  const clone = join(s.dir, "clone");
  git(s.dir, ["clone", "-q", s.remote, clone]);
  const r = await verifyJson(clone);
  assert.equal(r.code, 1);
  const f = r.findings.filter((x) => x.check === "source-missing");
  assert.equal(f.length, 5, show(r.findings));
  assert.equal(f[0].record?.sequence, 1);
  assert.equal(f[0].commit, s.versions["1.1.0"].merge);
  assert.match(
    f[0].message,
    /published the merged commit [0-9a-f]{12}, which is not in the history of HEAD: the history was rewritten under the record/,
  );
  const moved = r.findings.filter((x) => x.check === "tag-moved" && x.tag === "churn#staging#1");
  assert.equal(moved.length, 1, show(r.findings));
  assert.match(moved[0].message, /not in the history of HEAD/);
});

test("unassignment and deregistration tags are events; a deregistered version released again is a finding", async () => {
  const s = copyScenario(base);
  const v11 = s.versions["1.1.0"].publish;
  git(s.repo, ["tag", "-a", "churn#staging!#3", v11, "-m", "unassign staging"], "bot", hour(16));
  git(s.repo, ["tag", "-a", "churn@v1.2.0!", s.versions["1.2.0"].publish, "-m", "deregister 1.2.0"], "dana", hour(17));
  // staging still runs 1.2.0 (its publish put it there, and nothing since): GTO no longer shows it there
  const running = await verifyJson(s.repo);
  assert.equal(running.code, 1);
  assert.deepEqual(
    running.findings.map((f) => [f.check, f.tag]),
    [["tag-without-record", "churn@v1.2.0!"]],
    show(running.findings),
  );
  assert.match(
    running.findings[0].message,
    /^churn@v1\.2\.0! \(on [0-9a-f]{12}, by Dana .* at 2026-03-03T02:00:00Z\) deregisters 1\.2\.0 while staging ran 1\.2\.0 \(record #3 \(publish 1\.2\.0 to staging\)\): GTO stops showing what the overlays still deploy$/,
  );
  const { runAuditCli } = await import("./helpers.ts");
  const timeline = JSON.parse((await runAuditCli(s.repo, ["--json"])).stdout);
  const events = timeline.models[0].events as { kind: string; tag: string; version: string; environment: string }[];
  assert.deepEqual(
    events
      .filter((e) => e.kind === "unassigned" || e.kind === "deregistered")
      .map((e) => [e.kind, e.tag, e.version, e.environment]),
    [
      ["unassigned", "churn#staging!#3", "1.1.0", "staging"],
      ["deregistered", "churn@v1.2.0!", "1.2.0", null],
    ],
  );
  releaseFixture(s, "1.2.0", 18);
  const r = await verifyJson(s.repo);
  assert.equal(r.code, 1);
  const f = r.findings.filter((x) => x.check === "deregistered-released");
  assert.equal(f.length, 1, show(r.findings));
  assert.equal(f[0].tag, "churn@v1.2.0!");
  assert.equal(f[0].record?.sequence, 6);
  assert.match(f[0].message, /released version 1\.2\.0, deregistered at 2026-03-03T02:00:00Z/);
});

test("tamper: the model card edited by hand after publish is a finding naming the commit; the record binds the card", async () => {
  const s = copyScenario(base);
  const card = join(s.repo, "models/churn/MODEL_CARD.md");
  const { entries } = parseLedger(readFileSync(join(s.repo, LEDGER), "utf8"));
  const last = entries.filter((e) => e.record.action === "publish").at(-1);
  assert.equal(last?.record.card?.path, "models/churn/MODEL_CARD.md");
  const { createHash } = await import("node:crypto");
  assert.equal(last?.record.card?.sha256, createHash("sha256").update(readFileSync(card)).digest("hex"));
  writeFileSync(card, `${readFileSync(card, "utf8")}\nReviewed and approved by the board.\n`);
  const c = commitAll(s, "card: wording");
  const r = await verifyJson(s.repo);
  assert.equal(r.code, 1);
  const f = r.findings.filter((x) => x.check === "card-edit");
  assert.equal(f.length, 1, show(r.findings));
  assert.equal(f[0].commit, c);
  assert.equal(f[0].path, "models/churn/MODEL_CARD.md");
  assert.match(f[0].message, /the last publish, bound the card with sha256 [0-9a-f]{64}; changed since by commit/);
});

test("GTO's own tags verify clean and show on the timeline; the ones that change a managed stage are findings", async () => {
  const s = copyScenario(base);
  const v11 = s.versions["1.1.0"].publish;
  const v12 = s.versions["1.2.0"].publish;
  const head = git(s.repo, ["rev-parse", "HEAD"]);
  // annotated tags as GTO's create_tag makes them (git tag -a NAME -m MESSAGE), in forms GTO writes or wrote
  const gto = (name: string, commit: string, h: number) =>
    git(s.repo, ["tag", "-a", name, commit, "-m", `GTO: ${name}`], "dana", hour(h));
  gto("churn#qa#6", v12, 16); // gto assign churn --version v1.2.0 --stage qa
  gto("churn#qa", v11, 16.5); // older GTO: no counter
  gto("churn#qa!#7", v11, 17); // gto unassign
  gto("churn#staging!", v11, 17); // older GTO, on a managed stage, of a version staging no longer runs
  gto("churn@v1.2.0#8", v12, 17); // gto register with a counter, on the commit that published 1.2.0
  gto("dvclive=Churn_Model@v0.1.0", head, 17); // other artifacts: `dirname=`, capitals, `_`, `/`
  gto("Churn_Model#qa#1", head, 17);
  gto("models/churn_v2@v1.0.0#1", head, 17);
  const clean = await verifyJson(s.repo);
  assert.equal(clean.code, 0, show(clean.findings));
  const { runAuditCli } = await import("./helpers.ts");
  const report = JSON.parse((await runAuditCli(s.repo, ["--json"])).stdout);
  assert.deepEqual(
    report.models.map((m: { name: string }) => m.name),
    ["churn"],
  );
  const events = report.models[0].events as { kind: string; tag: string; version: string; environment: string }[];
  assert.deepEqual(
    events
      .filter((e) => ["assigned", "unassigned"].includes(e.kind))
      .map((e) => [e.kind, e.tag, e.version, e.environment]),
    [
      ["assigned", "churn#qa#6", "1.2.0", "qa"],
      ["assigned", "churn#qa", "1.1.0", "qa"],
      ["unassigned", "churn#qa!#7", "1.1.0", "qa"],
      ["unassigned", "churn#staging!", "1.1.0", "staging"],
    ],
  );
  const markdown = await runAuditCli(s.repo, []);
  assert.match(
    markdown.stdout,
    /\| assigned \| 1\.2\.0 \| qa \| Dana .* \| qa assigned by churn#qa#6 on [0-9a-f]{12}, with no promotion record/,
  );

  // what changes what a managed stage runs, without a record: an assignment by hand, a deprecation
  gto("churn#production", v12, 18);
  gto("churn@deprecated#9", v11, 19);
  const r = await verifyJson(s.repo);
  assert.equal(r.code, 1);
  assert.deepEqual(
    r.findings.map((f) => [f.check, f.tag]),
    [
      ["tag-without-record", "churn#production"],
      ["tag-without-record", "churn@deprecated#9"],
    ],
    show(r.findings),
  );
  assert.match(
    r.findings[1].message,
    /deprecates churn while staging ran 1\.2\.0 \(record #3 \(publish 1\.2\.0 to staging\)\), production ran 1\.1\.0 \(record #5 \(rollback 1\.1\.0 to production\)\)/,
  );
});
