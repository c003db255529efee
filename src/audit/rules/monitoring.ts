import { sha256Of } from "../../ledger/canonical.ts";
import type { MonitoringRecord } from "../../records/monitoring.ts";
import { monitoringRecord, ParsersNotLoaded } from "../parsers.ts";
import { escapeRe, short, type Snapshot, ZERO } from "../history.ts";
import type { LedgerView } from "../ledgers.ts";
import { type CommitRule, commitText, finding, recordText } from "./context.ts";

/**
 * A monitoring record (`modelgate monitor`, EU AI Act art. 72) is bound to what it watched: it is named by the
 * sha256 of its bytes, and the promotion records it cites (the one of the version running at the window's end, and
 * each version that served the window) are in the model's ledger, for the version and environment the record names.
 * Judged on each commit that adds or changes a record under `<records>/<model>/monitoring/` of an audited model.
 */

const pathRe = new Map<string, RegExp>();

/** A monitoring record's path: its model and the hex digest in its name. */
function monitoringPathOf(snap: Pick<Snapshot, "config">, path: string): { model: string; hex: string } | undefined {
  const records = snap.config.records;
  let re = pathRe.get(records);
  if (!re) {
    re = new RegExp(`^${escapeRe(records)}/([^/]+)/monitoring/([^/]+)\\.json$`);
    pathRe.set(records, re);
  }
  const m = re.exec(path);
  return m ? { model: m[1], hex: m[2] } : undefined;
}

const written = (status: string, newOid: string) => status !== "D" && !ZERO.test(newOid);

/** The changes of the history that wrote a monitoring record of an audited model. */
function monitoringWrites(snap: Snapshot, views: readonly LedgerView[]) {
  const models = new Set(views.map((v) => v.model));
  return snap.commits.flatMap((c) =>
    c.changes.filter((ch) => {
      const p = monitoringPathOf(snap, ch.path);
      return p !== undefined && models.has(p.model) && written(ch.status, ch.newOid);
    }),
  );
}

/** The objects the rule reads: each monitoring record of an audited model as the commit that wrote it (by blob id). */
export const monitoringReads = (snap: Snapshot, views: readonly LedgerView[]): string[] =>
  monitoringWrites(snap, views).map((ch) => ch.newOid);

/** The monitoring records of the audited models that the history wrote (copied into the evidence folder). */
export const monitoringRecordPaths = (snap: Snapshot, views: readonly LedgerView[]): string[] => [
  ...new Set(monitoringWrites(snap, views).map((ch) => ch.path)),
];

/**
 * monitoring-binding: a monitoring record whose bytes do not hash to its name, that is not a monitoring record, or
 * that cites a promotion record the ledger does not hold, or one that did not put the version it names in the
 * environment it names.
 */
export const monitoringBound: CommitRule = (facts, c) => {
  const out = [];
  for (const ch of c.changes) {
    const p = monitoringPathOf(facts.snap, ch.path);
    const view = p && facts.views.get(p.model);
    if (!p || !view || !written(ch.status, ch.newOid)) continue;
    const where = { model: p.model, commit: c.oid, path: ch.path };
    const bad = (message: string, expected: string) =>
      finding("monitoring-binding", where, `${commitText(c)} wrote ${ch.path}: ${message}`, expected);
    const bytes = facts.blobs.get(ch.newOid);
    if (!bytes) {
      out.push(bad("git has no such object", "the monitoring record's bytes in the history"));
      continue;
    }
    const digest = sha256Of(bytes);
    if (digest !== `sha256:${p.hex}`) {
      out.push(
        bad(
          `its bytes hash to ${digest}, not the digest its name gives`,
          "a monitoring record named by the sha256 of its bytes (records are never edited: a new run writes a new one)",
        ),
      );
      continue;
    }
    let record: MonitoringRecord;
    try {
      record = monitoringRecord(JSON.parse(bytes.toString("utf8")));
    } catch (err) {
      if (err instanceof ParsersNotLoaded) throw err; // the schema loads, and the rules run again (../parsers.ts)
      out.push(
        bad(
          `not a monitoring record (${(err as Error).message.split("\n")[0]})`,
          "valid against schemas/monitoring-record.schema.json",
        ),
      );
      continue;
    }
    if (record.model.name !== p.model) {
      out.push(bad(`a record of model ${record.model.name}`, `only records of ${p.model} under its folder`));
      continue;
    }
    const cited = [
      {
        promotion: record.promotion.record,
        version: record.model.version,
        sha256: record.model.sha256,
        what: "the promotion it watched",
      },
      ...record.versions.map((v) => ({
        promotion: v.promotion,
        version: v.version,
        sha256: v.sha256,
        what: "a version it saw serve",
      })),
    ];
    const seen = new Set<string>();
    for (const x of cited) {
      if (seen.has(x.promotion)) continue;
      seen.add(x.promotion);
      const entry = view.entries.find((e) => e.digest === x.promotion);
      if (!entry) {
        out.push(
          bad(
            `${x.what}, promotion record ${short(x.promotion.slice(7))}, is not in ${view.path}`,
            `a monitoring record cites promotion records of ${view.path}`,
          ),
        );
        continue;
      }
      const r = entry.record;
      const deployed = (r.action === "release" || r.action === "rollback" || r.action === "publish") && r.environment;
      if (deployed !== record.environment || r.model.version !== x.version || r.model.sha256 !== x.sha256) {
        out.push(
          bad(
            `it names ${p.model} ${x.version} (model sha256 ${x.sha256.slice(0, 12)}) in ${record.environment}, but ${x.what}, ${recordText(entry)}, deployed ${r.model.version} (${r.model.sha256.slice(0, 12)}) to ${r.environment}`,
            "the version and environment of the promotion record it cites",
          ),
        );
      }
    }
  }
  return out;
};
