/**
 * modelgate audit: the timeline, `--at`, the formats and the evidence folder, on a real history made by publish and
 * release-shaped promotions (test/support/audit-scenario.ts).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, test } from "node:test";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { REQUIREMENTS } from "../../src/audit/evidence.ts";
import { renderCsv, renderTimeline } from "../../src/audit/render.ts";
import type { AuditEvent, AuditReport } from "../../src/audit/schema.ts";
import { copyScenario, git, hour, iso, type Scenario, standardScenario } from "../support/audit-scenario.ts";
import { runAuditCli } from "./helpers.ts";

let base: Scenario;
before(async () => {
  base = await standardScenario();
});

async function json(s: Scenario, args: string[] = []): Promise<AuditReport> {
  const r = await runAuditCli(s.repo, [...args, "--json"]);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
}

const validate = (() => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  return ajv.compile(JSON.parse(readFileSync("schemas/audit-report.schema.json", "utf8")));
})();

test("the timeline: each version proposed, evaluated, approved on its evaluated head, published, registered, released; the rollback", async () => {
  const s = base;
  const report = await json(s);
  assert.ok(validate(report), JSON.stringify(validate.errors));
  const m = report.models.find((x) => x.name === "churn");
  assert.ok(m?.events);
  const kinds = (version: string) => (m.events as AuditEvent[]).filter((e) => e.version === version).map((e) => e.kind);
  // training times come from the machine's clock, the rest from the scenario's: compare without them
  const noTraining = (list: string[]) => list.filter((k) => k !== "trained");
  assert.deepEqual(noTraining(kinds("1.1.0")), [
    "proposed",
    "evaluated",
    "approved",
    "published",
    "registered",
    "released",
    "rolled-back",
  ]);
  assert.deepEqual(noTraining(kinds("1.2.0")), [
    "proposed",
    "evaluated",
    "approved",
    "published",
    "registered",
    "released",
  ]);
  assert.ok(
    kinds("1.1.0").includes("trained") && kinds("1.2.0").includes("trained"),
    "the training records at the merged commits",
  );
  const ev = m.events as AuditEvent[];
  const v11 = s.versions["1.1.0"];
  const proposed = ev.find((e) => e.kind === "proposed" && e.version === "1.1.0");
  assert.deepEqual(proposed?.pullRequest, { number: 1, author: "alice", head: v11.head });
  assert.equal(proposed?.at, iso(hour(2)));
  const approved = ev.find((e) => e.kind === "approved" && e.version === "1.1.0");
  assert.equal(approved?.actor, "bob");
  assert.equal(approved?.commit, v11.head);
  assert.equal(approved?.at, iso(hour(3)));
  assert.match(approved?.summary ?? "", /\(the evaluated head\)/);
  const evaluated = ev.find((e) => e.kind === "evaluated" && e.version === "1.1.0");
  assert.equal(evaluated?.at, null);
  assert.equal(evaluated?.evaluation?.verdict, "pass");
  assert.ok(evaluated?.evaluation?.metrics.roc_auc);
  const published = ev.find((e) => e.kind === "published" && e.version === "1.1.0");
  assert.equal(published?.commit, v11.publish);
  assert.equal(published?.source, v11.merge);
  assert.equal(published?.tag, "churn#staging#1");
  assert.equal(published?.actor, "bob");
  assert.equal(published?.at, iso(hour(5)));
  const registered = ev.find((e) => e.kind === "registered" && e.version === "1.1.0");
  assert.equal(registered?.tag, "churn@v1.1.0");
  assert.equal(registered?.actor, "Dana Releaser <dana@example.com>");
  const rollback = ev.find((e) => e.kind === "rolled-back");
  assert.equal(rollback?.tag, "churn#production#3");
  assert.equal(rollback?.release?.tag, "churn@v1.1.0");
  assert.equal(rollback?.release?.supersedes?.version, "1.2.0");
  assert.deepEqual(
    rollback?.release?.environmentApprovals.map((a) => a.user),
    ["carol"],
  );
  assert.deepEqual(
    m.environments.map((p) => [p.environment, p.version, p.record?.sequence, p.action, p.stageTag]),
    [
      ["staging", "1.2.0", 3, "publish", "churn#staging#2"],
      ["production", "1.1.0", 5, "rollback", "churn#production#3"],
    ],
  );
  // published events are in time order
  const times = ev.filter((e) => e.kind !== "trained" && e.at).map((e) => Date.parse(e.at as string));
  assert.deepEqual(
    times,
    [...times].sort((a, b) => a - b),
  );
});

test("--at: which version and image was in production at a time, since when, and the chain that put it there", async () => {
  const s = base;
  const at = async (h: number, env?: string) =>
    (await json(s, ["--at", iso(hour(h)), ...(env ? ["--env", env] : [])])).at?.models[0];
  assert.equal((await at(6.5))?.placement, null, "nothing was released before hour 7");
  const first = await at(7.5);
  assert.equal(first?.placement?.version, "1.1.0");
  assert.equal(first?.placement?.since, iso(hour(7)));
  assert.equal(first?.placement?.record?.sequence, 2);
  assert.equal(first?.placement?.action, "release");
  const items = Object.fromEntries((first?.evidence ?? []).map((x) => [x.item, x.value]));
  assert.match(items["version tag"], /^churn@v1\.1\.0 \(tag object [0-9a-f]{40}\) pushed by dana$/);
  assert.match(items.approval, new RegExp(`^bob, review 101, of ${s.versions["1.1.0"].head}`));
  assert.match(items["pull request"], new RegExp(`^#1 by alice, evaluated head ${s.versions["1.1.0"].head}`));
  assert.match(items["evaluation record"], /verdict pass/);
  assert.equal(items["merged commit"], s.versions["1.1.0"].merge);
  assert.equal((await at(14.5))?.placement?.version, "1.2.0");
  const back = await at(15.5);
  assert.equal(back?.placement?.version, "1.1.0");
  assert.equal(back?.placement?.action, "rollback");
  assert.equal(back?.placement?.since, iso(hour(15)));
  const staging = await at(10, "staging");
  assert.equal(staging?.placement?.version, "1.1.0");
  assert.equal(staging?.placement?.since, iso(hour(5)));
  // Markdown, as a person reads it
  const md = await runAuditCli(s.repo, ["--at", iso(hour(7.5))]);
  assert.match(md.stdout, /## In production at 2026-03-02T16:30:00Z/);
  assert.match(md.stdout, /### churn: 1\.1\.0, since 2026-03-02T16:00:00Z/);
});

test("--at after a hand edit: the overlay's pin, since when, and that no promotion record put it there", async () => {
  const s = copyScenario(base);
  const file = join(s.repo, "deploy/churn/overlays/production/kustomization.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace(/sha256:[0-9a-f]{64}/, `sha256:${"d".repeat(64)}`));
  git(s.repo, ["commit", "-q", "-am", "hotfix"], "mallory", hour(20));
  const r = await json(s, ["--at", iso(hour(21))]);
  const p = r.at?.models[0];
  assert.equal(p?.placement?.record, null);
  assert.equal(p?.placement?.since, iso(hour(20)));
  assert.match(p?.placement?.image ?? "", /@sha256:d{64}$/);
  assert.match(
    p?.evidence[1].value ?? "",
    /Mallory <mallory@example\.com> \("hotfix"\) put this pin there without a promotion record/,
  );
});

test("--csv: one row per event, the columns named; --json and --csv together are a usage error", async () => {
  const report = await json(base);
  const events = report.models.flatMap((m) => m.events ?? []);
  const r = await runAuditCli(base.repo, ["--csv"]);
  assert.equal(r.code, 0);
  const rows = r.stdout.trimEnd().split("\r\n");
  assert.equal(rows[0], "model,time,event,version,environment,who,commit,tag,record,record_digest,image,summary");
  assert.equal(rows.length, events.length + 1);
  assert.ok(rows.some((l) => l.startsWith(`churn,${iso(hour(15))},rolled-back,1.1.0,production,dana,`)));
  const both = await runAuditCli(base.repo, ["--csv", "--json"]);
  assert.equal(both.code, 2);
  assert.match(both.stderr, /choose one format/);
});

test("untrusted text from records is escaped in Markdown and kept from spreadsheets' formulas in CSV", () => {
  const hostile = '=HYPERLINK("x") | <img src=x> [a](b) @team\n::error::boom';
  const event: AuditEvent = {
    model: "churn",
    kind: "approved",
    at: "2026-03-02T12:00:00Z",
    version: "1.1.0",
    environment: null,
    actor: hostile,
    commit: "a".repeat(40),
    tag: null,
    source: null,
    record: null,
    image: null,
    summary: hostile,
    approval: { reviewer: hostile, reviewId: 1, commit: "a".repeat(40), submittedAt: "2026-03-02T12:00:00Z" },
  };
  const report: AuditReport = {
    apiVersion: "modelgate.dev/v1alpha1",
    kind: "AuditReport",
    repository: { ref: "HEAD", commit: "b".repeat(40), committedAt: "2026-03-02T12:00:00Z" },
    models: [{ name: "churn", environments: [], events: [event] }],
  };
  const md = renderTimeline(report);
  assert.doesNotMatch(md, /<img/);
  assert.doesNotMatch(md, /\]\(b\)/);
  assert.doesNotMatch(md, /^::error::/m);
  assert.match(md, /&lt;img src=x&gt;/);
  const row = renderCsv(report).split("\r\n")[1];
  assert.match(row, /,"'=HYPERLINK\(""x""\) \| <img src=x> \[a\]\(b\) @team\n::error::boom",/);
});

test("--evidence: the folder holds the timeline, verification, cited records with their digests, the requirement map and SHA256SUMS", async () => {
  const s = base;
  const dir = join(mkdtempSync(join(tmpdir(), "mg-evidence-")), "evidence");
  const r = await runAuditCli(s.repo, ["--evidence", dir]);
  assert.equal(r.code, 0, r.stderr);
  const files = readdirSync(dir, { recursive: true }).map(String).sort();
  for (const f of [
    "README.md",
    "SHA256SUMS",
    "changes.txt",
    "modelgate.yaml",
    "records/churn/promotions.jsonl",
    "requirements.md",
    "sources/churn/1.1.0/model.yaml",
    "sources/churn/1.1.0/MODEL_CARD.md",
    "sources/churn/1.1.0/training-record.json",
    "sources/churn/1.1.0/data/churn-eval.yaml",
    "tags.txt",
    "timeline.csv",
    "timeline.json",
    "timeline.md",
    "verification.md",
  ])
    assert.ok(files.includes(f), `${f} in ${files.join(", ")}`);
  // sha256sum itself checks every file
  const check = execFileSync("sha256sum", ["-c", "SHA256SUMS"], { cwd: dir, encoding: "utf8" });
  assert.equal(
    check.trim().split("\n").length,
    readFileSync(join(dir, "SHA256SUMS"), "utf8").trim().split("\n").length,
  );
  assert.doesNotMatch(check, /FAILED/);
  // every evaluation record a publish cites is there, under its own digest
  const ledger = readFileSync(join(dir, "records/churn/promotions.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  const cited = [...new Set(ledger.map((x) => x.evaluation.record as string))];
  assert.equal(cited.length, 2);
  for (const d of cited) {
    const bytes = readFileSync(join(dir, `records/churn/evaluations/${d.slice(7)}.json`));
    assert.equal(`sha256:${createHash("sha256").update(bytes).digest("hex")}`, d);
  }
  assert.equal(
    readFileSync(join(dir, "records/churn/promotions.jsonl"), "utf8"),
    git(s.repo, ["show", "HEAD:records/churn/promotions.jsonl"]).concat("\n"),
  );
  const req = readFileSync(join(dir, "requirements.md"), "utf8");
  for (const id of [
    "EU AI Act Art. 12",
    "Annex IV 1(a)",
    "Annex IV 1(c)",
    "Annex IV 2(d)",
    "Annex IV 2(g)",
    "Annex IV 6",
    "Art. 14",
    "Art. 72 (post-market monitoring)",
    "SOC 2 CC8.1",
    "ISO/IEC 42001 A.6.2.5",
  ])
    assert.ok(req.includes(id), id);
  assert.equal(REQUIREMENTS.length, 10);
  const report = JSON.parse(readFileSync(join(dir, "timeline.json"), "utf8")) as AuditReport;
  assert.ok(validate(report), JSON.stringify(validate.errors));
  assert.equal(report.verification?.ok, true);
  assert.match(readFileSync(join(dir, "verification.md"), "utf8"), /No findings/);
  // a folder that is not empty is refused, and left as it was
  const busy = mkdtempSync(join(tmpdir(), "mg-evidence-busy-"));
  writeFileSync(join(busy, "keep.txt"), "mine\n");
  const again = await runAuditCli(s.repo, ["--evidence", busy]);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /is not empty; give a new or empty folder/);
  assert.deepEqual(readdirSync(busy), ["keep.txt"]);
});

test("usage errors: an unknown model, a bad --at, --env without --at, a folder outside git: exit 2 with the fix", async () => {
  const unknown = await runAuditCli(base.repo, ["fraud"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /no promotion record or registry tag of "fraud" in HEAD \(models: churn\)/);
  const badAt = await runAuditCli(base.repo, ["--at", "yesterday"]);
  assert.equal(badAt.code, 2);
  assert.match(badAt.stderr, /--at yesterday: not a time; give RFC 3339 with a zone/);
  const noZone = await runAuditCli(base.repo, ["--at", "2026-03-02T10:00:00"]);
  assert.equal(noZone.code, 2);
  const env = await runAuditCli(base.repo, ["--env", "production"]);
  assert.equal(env.code, 2);
  const badEnv = await runAuditCli(base.repo, ["--at", "now", "--env", "qa"]);
  assert.equal(badEnv.code, 2);
  assert.match(
    badEnv.stderr,
    /--env qa: no such environment in modelgate.yaml at HEAD \(environments: staging, production\)/,
  );
  const broken = copyScenario(base);
  writeFileSync(
    join(broken.repo, "modelgate.yaml"),
    "apiVersion: modelgate.dev/v1alpha1\nkind: Config\nmetadata:\n  name: x\nspec:\n  environments: 3\n",
  );
  git(broken.repo, ["commit", "-q", "-am", "break the configuration"], "mallory", hour(20));
  const invalid = await runAuditCli(broken.repo, []);
  assert.equal(invalid.code, 2);
  assert.match(invalid.stderr, /HEAD:modelgate\.yaml: spec\.environments: .*; run `modelgate validate`/);
  const empty = mkdtempSync(join(tmpdir(), "mg-nogit-"));
  mkdirSync(join(empty, "x"));
  const outside = await runAuditCli(join(empty, "x"), []);
  assert.equal(outside.code, 2);
  assert.match(outside.stderr, /is not in a git repository/);
  assert.ok(!existsSync(join(empty, "x", ".git")));
});
