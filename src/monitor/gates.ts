import type { MonitoringGate } from "../manifest/schema.ts";
import type { Alert, DriftColumn, MonitoringRecord } from "../records/monitoring.ts";

/**
 * The gates of the manifest's `monitoring:` section judged on a window, and the alerts they raise. A metric gate reads
 * the realized value when the window has enough labelled rows, else (binary classification, `estimated: true`) the
 * CBPE estimate, said as such; `maxDrop`/`maxRise` compare with the evaluation record of the version that runs, on
 * the interval for a realized value (an alert only when the whole interval is past the limit) and on the point for an
 * estimate. Latency and error-rate gates read the logs' operations. Drifted columns alert one by one (or, with
 * `share`, when at least that share of the columns drifted). Pure.
 */

type GateResult = MonitoringRecord["gates"][number];
type Performance = MonitoringRecord["performance"];

export interface GateFacts {
  gates: MonitoringGate[];
  minRows: number;
  performance: Performance;
  /** The evaluation record's metrics of the version that runs (the candidate's). */
  evaluation: Record<string, number | null>;
}

const OPERATIONS: Record<string, (o: NonNullable<Performance["operations"]>) => number | null | undefined> = {
  latency_p50_ms: (o) => o.latency?.p50_ms,
  latency_p95_ms: (o) => o.latency?.p95_ms,
  latency_p99_ms: (o) => o.latency?.p99_ms,
  error_rate: (o) => o.error_rate,
};

const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(1) : Number(v.toPrecision(3)).toString());

/** A gate as text: `recall ≥ 0.6`, `roc_auc drop ≤ 0.05`. */
export function gateLabel(g: MonitoringGate): string {
  const parts: string[] = [];
  if (g.min !== undefined) parts.push(`≥ ${g.min}`);
  if (g.max !== undefined) parts.push(`≤ ${g.max}`);
  if (g.maxDrop !== undefined) parts.push(`drop ≤ ${g.maxDrop}`);
  if (g.maxRise !== undefined) parts.push(`rise ≤ ${g.maxRise}`);
  return `${g.metric} ${parts.join(", ") || "(no bound)"}`;
}

export function judgeGates(f: GateFacts): { results: GateResult[]; alerts: Alert[] } {
  const results: GateResult[] = [];
  const alerts: Alert[] = [];
  const p = f.performance;
  for (const g of f.gates) {
    const gate = gateLabel(g);
    const op = OPERATIONS[g.metric];
    let value: number | undefined;
    let interval: [number, number] | undefined;
    let basis: GateResult["basis"];
    let said: string;
    if (op) {
      const v = p.operations ? op(p.operations) : undefined;
      if (typeof v !== "number") {
        results.push({
          gate,
          status: "skip",
          basis: "none",
          detail: `the logs carry no ${g.metric.startsWith("latency") ? "latency (response times)" : "responses"}`,
        });
        continue;
      }
      value = v;
      basis = "operations";
      said = `${g.metric} ${fmt(v)}`;
    } else {
      const r = p.realized;
      const rv = r?.metrics[g.metric];
      const e = p.estimated?.metrics[g.metric];
      if (r && r.rows >= f.minRows && typeof rv === "number") {
        value = rv;
        interval = r.intervals[g.metric];
        basis = "realized";
        said = `${g.metric} ${fmt(rv)}${interval ? ` [${fmt(interval[0])}, ${fmt(interval[1])}]` : ""} on ${r.rows} labelled rows`;
      } else if (g.estimated && typeof e === "number" && (p.estimated?.rows ?? 0) >= f.minRows) {
        value = e;
        basis = "estimated";
        const labelled = r ? `${r.rows} labelled rows, fewer than ${f.minRows}` : "no labels yet";
        said = `${g.metric} estimated ${fmt(e)} (CBPE, an estimate from the scores: ${labelled})`;
      } else {
        const labels = !r
          ? "no labels yet"
          : r.rows < f.minRows
            ? `${r.rows} labelled rows, fewer than ${f.minRows}`
            : `no ${g.metric} in the realized metrics`;
        const few =
          typeof e === "number" && g.estimated
            ? `; the estimate covers ${p.estimated?.rows} rows, fewer than ${f.minRows}`
            : "";
        const why = `${labels}${few}`;
        results.push({
          gate,
          status: "skip",
          basis: "none",
          detail: `${why}${g.estimated && p.estimated === undefined ? "; no estimate (CBPE estimates binary classifiers with a scored reference)" : ""}`,
        });
        continue;
      }
    }
    const failures: string[] = [];
    if (g.min !== undefined && value < g.min) failures.push(`below the floor ${g.min}`);
    if (g.max !== undefined && value > g.max) failures.push(`above the ceiling ${g.max}`);
    let unjudged = "";
    if (g.maxDrop !== undefined || g.maxRise !== undefined) {
      const ref = f.evaluation[g.metric];
      if (typeof ref !== "number")
        unjudged = `; the evaluation record has no ${g.metric}, so no drop or rise is judged`;
      else {
        const high = interval ? interval[1] : value;
        const low = interval ? interval[0] : value;
        if (g.maxDrop !== undefined && high < ref - g.maxDrop)
          failures.push(`down ${fmt(ref - value)} from ${fmt(ref)} in the evaluation record (allowed: ${g.maxDrop})`);
        if (g.maxRise !== undefined && low > ref + g.maxRise)
          failures.push(`up ${fmt(value - ref)} from ${fmt(ref)} in the evaluation record (allowed: ${g.maxRise})`);
      }
    }
    if (failures.length === 0) {
      results.push({ gate, status: "pass", basis, value, detail: `${said}${unjudged}` });
      continue;
    }
    const status = g.severity === "warn" ? "warn" : "fail";
    const detail = `${said}: ${failures.join("; ")}`;
    results.push({ gate, status, basis, value, detail });
    if (status === "fail")
      alerts.push({
        kind: basis === "operations" ? (g.metric === "error_rate" ? "errors" : "latency") : "performance",
        metric: g.metric,
        message: `${gate}: ${detail}`,
      });
  }
  return { results, alerts };
}

/** One alert per drifted column; with `share`, only when at least that share of the judged columns drifted. */
export function driftAlerts(columns: DriftColumn[], share: number | undefined): { alerts: Alert[]; note?: string } {
  const drifted = columns.filter((c) => c.drifted);
  if (drifted.length === 0) return { alerts: [] };
  const fraction = drifted.length / Math.max(1, columns.length);
  if (share !== undefined && fraction < share) {
    return {
      alerts: [],
      note: `${drifted.length} of ${columns.length} columns drifted (${(fraction * 100).toFixed(0)}%), under the share that alerts (${share * 100}%)`,
    };
  }
  return {
    alerts: drifted.map((c) => ({
      kind: "drift" as const,
      feature: c.feature,
      message: `${c.feature} drifted: ${describeTest(c)}`,
    })),
  };
}

/** A drift row in words: `wasserstein 0.34 ≥ 0.1`, `ks p 0.0001 (Holm-adjusted 0.0006) ≤ 0.05`. */
export function describeTest(c: DriftColumn): string {
  const rows = `${c.rows.current} rows against ${c.rows.reference} in the reference`;
  if (c.pValue === undefined)
    return `${c.test} distance ${fmt(c.statistic)} ${c.drifted ? "≥" : "<"} ${c.threshold} (${rows})`;
  const adj =
    c.adjustedPValue !== undefined && c.adjustedPValue !== c.pValue ? `, adjusted ${fmtP(c.adjustedPValue)}` : "";
  return `${c.test} statistic ${fmt(c.statistic)}, p ${fmtP(c.pValue)}${adj} ${c.drifted ? (c.test === "ks" ? "≤" : "<") : c.test === "ks" ? ">" : "≥"} ${c.threshold} (${rows})`;
}

export function fmtP(p: number): string {
  return p < 1e-4 ? p.toExponential(1) : Number(p.toPrecision(2)).toString();
}
