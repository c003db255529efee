import assert from "node:assert/strict";
import { test } from "node:test";
import { monitoringBound } from "../../../src/audit/rules/monitoring.ts";
import { runRules } from "../../../src/audit/verify.ts";
import { sha256Of } from "../../../src/ledger/canonical.ts";
import { monitoringTrailers } from "../../../src/ledger/trailers.ts";
import { API_VERSION } from "../../../src/manifest/schema.ts";
import { type MonitoringRecord, monitoringRecordPath } from "../../../src/records/monitoring.ts";
import { MALLORY, type Promotion, World } from "./world.ts";

/** A monitoring record of what `watched` put in production, as `modelgate monitor` writes it (bytes and all). */
function recordOf(watched: Promotion, edit: (r: MonitoringRecord) => MonitoringRecord = (r) => r): MonitoringRecord {
  const r = watched.record;
  const version = {
    version: r.model.version,
    sha256: r.model.sha256,
    promotion: watched.digest,
    sequence: r.sequence,
    stageTag: r.stageTag,
    from: "2026-03-09T00:00:00Z",
    until: "2026-03-16T00:00:00Z",
    rows: 1200,
    scored: 0,
  };
  return edit({
    apiVersion: API_VERSION,
    kind: "MonitoringRecord",
    model: { name: r.model.name, version: r.model.version, sha256: r.model.sha256, task: "binary-classification" },
    environment: r.environment,
    promotion: {
      record: watched.digest,
      sequence: r.sequence,
      ledger: "records/churn/promotions.jsonl",
      stageTag: r.stageTag,
    },
    versions: [version],
    window: { since: version.from, until: version.until, rows: 1200, labeled: 0, skipped: {} },
    sources: [],
    reference: { dataset: "churn-eval", sha256: r.data[0].sha256, evaluation: r.evaluation.record },
    minRows: 1000,
    drift: { status: "checked", correction: "holm", alpha: 0.05, columns: [], drifted: 0, notes: [] },
    performance: { notes: [] },
    gates: [],
    alerts: [],
    verdict: "ok",
    runtime: { modelgate: "0.0.0" },
  });
}

/** The commit monitor makes: the record at its content address, with its trailers (or other bytes at that name). */
function commitRecord(w: World, record: MonitoringRecord, o: { bytes?: string; author?: typeof MALLORY } = {}) {
  const text = `${JSON.stringify(record, null, 2)}\n`;
  const digest = sha256Of(text);
  const path = monitoringRecordPath("records", record.model.name, digest.slice(7));
  const c = w.commit({
    subject: `Monitor ${record.model.name} ${record.model.version} in ${record.environment}: ${record.verdict}`,
    trailers: monitoringTrailers(record, digest),
    changes: [w.change(path, o.bytes ?? text, "A")],
    ...(o.author ? { author: o.author } : {}),
  });
  return { commit: c, path, digest };
}

test("monitoring-binding: records at their content address citing the promotions they watched: no finding", () => {
  const w = new World();
  const a = w.publish("churn", "1.0.0");
  const rel = w.release(a);
  commitRecord(w, recordOf(rel));
  // a window that saw two versions: the staging publish too (each cited promotion deployed what it names)
  commitRecord(w, recordOf(a));
  assert.deepEqual(runRules(w.facts()), []);
});

test("monitoring-binding: bytes that do not hash to the record's name", () => {
  const w = new World();
  const rel = w.release(w.publish("churn", "1.0.0"));
  const honest = recordOf(rel);
  const forged = `${JSON.stringify({ ...honest, verdict: "alert" }, null, 2)}\n`;
  const { commit, path } = commitRecord(w, honest, { bytes: forged, author: MALLORY });
  const facts = w.facts();
  const [f, ...rest] = monitoringBound(facts, commit);
  assert.deepEqual(rest, []);
  assert.deepEqual([f.check, f.model, f.commit, f.path], ["monitoring-binding", "churn", commit.oid, path]);
  assert.match(
    f.message,
    /wrote records\/churn\/monitoring\/[0-9a-f]{64}\.json: its bytes hash to sha256:[0-9a-f]{64}, not the digest its name gives/,
  );
  assert.deepEqual(
    runRules(facts).map((x) => x.check),
    ["monitoring-binding"],
  );
});

test("monitoring-binding: a promotion record digest that is not in the ledger", () => {
  const w = new World();
  const rel = w.release(w.publish("churn", "1.0.0"));
  const ghost = `sha256:${"ab".repeat(32)}`;
  const { commit } = commitRecord(
    w,
    recordOf(rel, (r) => ({
      ...r,
      promotion: { ...r.promotion, record: ghost },
      versions: [{ ...r.versions[0], promotion: ghost }],
    })),
  );
  const [f, ...rest] = monitoringBound(w.facts(), commit);
  assert.deepEqual(rest, [], "one finding per cited digest");
  assert.match(
    f.message,
    /the promotion it watched, promotion record abababababab, is not in records\/churn\/promotions\.jsonl/,
  );
});

test("monitoring-binding: a version or environment the cited promotion did not deploy", () => {
  const w = new World();
  const a = w.publish("churn", "1.0.0");
  const rel = w.release(a);
  w.release(w.publish("churn", "1.1.0"));
  // names 1.1.0, cites 1.0.0's release
  const v = commitRecord(
    w,
    recordOf(rel, (r) => ({
      ...r,
      model: { ...r.model, version: "1.1.0" },
      versions: [{ ...r.versions[0], version: "1.1.0" }],
    })),
  );
  const facts = w.facts();
  const [f, ...rest] = monitoringBound(facts, v.commit);
  assert.deepEqual(rest, [], "the same promotion cited twice is judged once");
  assert.match(
    f.message,
    /it names churn 1\.1\.0 \(model sha256 [0-9a-f]{12}\) in production, but the promotion it watched, record #2 \(release 1\.0\.0 to production\), deployed 1\.0\.0/,
  );
  // the staging publish cited as what ran in production
  const e = commitRecord(
    w,
    recordOf(a, (r) => ({ ...r, environment: "production" })),
  );
  assert.match(
    monitoringBound(w.facts(), e.commit)[0].message,
    /in production, but the promotion it watched, record #1 \(publish 1\.0\.0 to staging\), deployed 1\.0\.0 \([0-9a-f]{12}\) to staging/,
  );
});

test("monitoring-binding: not a monitoring record; records of models not audited and deletions are not judged", () => {
  const w = new World();
  w.release(w.publish("churn", "1.0.0"));
  const text = '{"kind":"Something"}\n';
  const path = monitoringRecordPath("records", "churn", sha256Of(text).slice(7));
  const c = w.commit({ subject: "a file", author: MALLORY, changes: [w.change(path, text, "A")] });
  const [f] = monitoringBound(w.facts(), c);
  assert.match(f.message, /not a monitoring record/);
  const other = w.commit({
    subject: "another model",
    changes: [w.change("records/fraud/monitoring/x.json", "{}", "A"), w.change(path, undefined)],
  });
  assert.deepEqual(monitoringBound(w.facts(), other), []);
});
