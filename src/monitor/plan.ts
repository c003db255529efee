import { sha256Of } from "../ledger/canonical.ts";
import { commitMessage, monitoringTrailers } from "../ledger/trailers.ts";
import type { Monitoring } from "../manifest/schema.ts";
import { type MonitoringRecord, monitoringRecordPath, monitoringRecordSchema } from "../records/monitoring.ts";
import { toJson } from "../util/fs.ts";
import { type ColumnCounts, type ColumnReference, DEFAULT_DRIFT, driftTable } from "./drift.ts";
import { driftAlerts, judgeGates } from "./gates.ts";
import { issueBody, renderSummary } from "./render.ts";

/**
 * The plan of a monitoring run, from facts alone (the service, ./run.ts, gathers them: the window's counts, the
 * performance, the history): the monitoring record (drift table, performance, gates, alerts, verdict) and its bytes,
 * the file to commit under `<records>/<model>/monitoring/<sha256>.json`, the commit message with its trailers, the
 * sticky issue's text, and the `--json` output. `--dry-run` shows it; `applyMonitoring` writes it. Pure.
 */

export interface MonitoringFacts {
  model: MonitoringRecord["model"];
  environment: string;
  promotion: MonitoringRecord["promotion"];
  versions: MonitoringRecord["versions"];
  window: MonitoringRecord["window"];
  sources: MonitoringRecord["sources"];
  reference: MonitoringRecord["reference"];
  /** The manifest's monitoring section, defaults applied. */
  monitoring: Monitoring;
  /** The columns judged: the reference and the window's counts. */
  columns: { feature: string; ref: ColumnReference; cur: ColumnCounts }[];
  /** Columns not judged, and why. */
  driftNotes: string[];
  performance: MonitoringRecord["performance"];
  /** The evaluation record's metrics of the version running at the window's end. */
  evaluation: Record<string, number | null>;
  recordsDir: string;
  runtime: MonitoringRecord["runtime"];
}

/** What `--json` prints: the issue's shape, and where the record went. */
export interface MonitorOutput {
  model: string;
  version: string;
  environment: string;
  window: { since: string; until: string; rows: number };
  drift: {
    feature: string;
    test: string;
    statistic: number;
    pValue?: number;
    adjustedPValue?: number;
    threshold: number;
    drifted: boolean;
  }[];
  performance: { realized?: Record<string, number | null>; estimated?: Record<string, number | null> };
  alerts: MonitoringRecord["alerts"];
  verdict: MonitoringRecord["verdict"];
  record: { path: string; digest: string };
}

export interface MonitoringPlan {
  record: MonitoringRecord;
  /** The record file's text, its digest (sha256 of the bytes) and its path. */
  text: string;
  digest: string;
  path: string;
  /** What the GitOps commit holds. */
  files: Record<string, string>;
  message: string;
  /** The sticky issue of the model and environment: its marker, title, body; open while the window alerts. */
  issue: { marker: string; title: string; body: string; open: boolean };
  /** Markdown for the job summary (drift table, charts, performance, gates). */
  summary: string;
  output: MonitorOutput;
}

export function planMonitoring(f: MonitoringFacts): MonitoringPlan {
  const m = f.monitoring;
  const d = m.drift;
  const settings = {
    ...DEFAULT_DRIFT,
    test: d.test,
    alpha: d.alpha,
    correction: d.correction,
    wasserstein: d.wasserstein,
    jensenshannon: d.jensenshannon,
  };
  const enough = f.window.rows >= m.minRows;
  const notes = [...f.driftNotes];
  let columns: MonitoringRecord["drift"]["columns"] = [];
  if (enough) {
    const t = driftTable(f.columns, settings);
    columns = t.columns;
    notes.push(...t.notes);
  } else {
    notes.unshift(
      `not enough rows: ${f.window.rows} in the window, fewer than the ${m.minRows} a window needs before its drift is judged (spec.monitoring.minRows)`,
    );
  }
  const drifted = driftAlerts(columns, d.share);
  if (drifted.note) notes.push(drifted.note);
  const gates = judgeGates({
    gates: m.gates,
    minRows: m.minRows,
    performance: f.performance,
    evaluation: f.evaluation,
  });
  const alerts = [...drifted.alerts, ...gates.alerts];
  const judged = enough || gates.results.some((g) => g.status !== "skip");
  const verdict: MonitoringRecord["verdict"] = alerts.length > 0 ? "alert" : judged ? "ok" : "not-enough-rows";
  const record = monitoringRecordSchema.parse({
    apiVersion: "modelgate.dev/v1alpha1",
    kind: "MonitoringRecord",
    model: f.model,
    environment: f.environment,
    promotion: f.promotion,
    versions: f.versions,
    window: f.window,
    sources: f.sources,
    reference: f.reference,
    minRows: m.minRows,
    drift: {
      status: enough ? "checked" : "not-enough-rows",
      correction: d.correction,
      alpha: d.alpha,
      columns,
      drifted: columns.filter((c) => c.drifted).length,
      notes,
    },
    performance: f.performance,
    gates: gates.results,
    alerts,
    verdict,
    runtime: f.runtime,
  } satisfies MonitoringRecord);
  const text = toJson(record);
  const digest = sha256Of(text);
  const path = monitoringRecordPath(f.recordsDir, f.model.name, digest.slice("sha256:".length));
  const n = alerts.length;
  const outcome = verdict === "alert" ? `${n} alert${n === 1 ? "" : "s"}` : verdict === "ok" ? "ok" : "not enough rows";
  const subject = `Monitor ${f.model.name} ${f.model.version} in ${f.environment}: ${outcome}`;
  const body = `The window ${f.window.since} to ${f.window.until}: ${f.window.rows} rows, ${f.window.labeled} labelled. Record: ${path}.`;
  const marker = `modelgate-monitor:${f.model.name}:${f.environment}`;
  const summary = renderSummary(record, f.columns);
  return {
    record,
    text,
    digest,
    path,
    files: { [path]: text },
    message: commitMessage(subject, body, monitoringTrailers(record, digest)),
    issue: {
      marker,
      title: `modelgate monitor: ${f.model.name} in ${f.environment}`,
      body: issueBody(record, path, summary),
      open: verdict === "alert",
    },
    summary,
    output: {
      model: f.model.name,
      version: f.model.version,
      environment: f.environment,
      window: { since: f.window.since, until: f.window.until, rows: f.window.rows },
      drift: columns.map((c) => ({
        feature: c.feature,
        test: c.test,
        statistic: c.statistic,
        ...(c.pValue !== undefined ? { pValue: c.pValue } : {}),
        ...(c.adjustedPValue !== undefined ? { adjustedPValue: c.adjustedPValue } : {}),
        threshold: c.threshold,
        drifted: c.drifted,
      })),
      performance: {
        ...(f.performance.realized ? { realized: f.performance.realized.metrics } : {}),
        ...(f.performance.estimated ? { estimated: f.performance.estimated.metrics } : {}),
      },
      alerts,
      verdict,
      record: { path, digest },
    },
  };
}
