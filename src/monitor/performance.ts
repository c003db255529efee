import type { Collected } from "../evaluate/collect.ts";
import { finalize } from "../evaluate/finalize.ts";
import type { Task } from "../evaluate/metrics.ts";
import { SCORING_THREADS } from "../evaluate/runner.ts";
import type { Label } from "../evaluate/collect.ts";
import type { MonitoringRecord } from "../records/monitoring.ts";
import type { WindowSummary } from "./window.ts";

/**
 * A window's performance: realized on the labelled rows by the evaluation's own code (src/evaluate/finalize.ts: the
 * same metric definitions, thresholds, slices and bootstrap intervals as the evaluation record), and, for a binary
 * classifier, estimated on every row by CBPE (./cbpe.ts) from the scores and each version's calibration on its
 * reference. No I/O: the bootstrap runs in this thread.
 */

export interface PerformanceSpec {
  name: string;
  version: string;
  task: Task;
  label: { column: string; classes?: Label[]; positive?: Label };
  threshold: number;
  slices: { column: string; buckets?: number[] }[];
  minSliceSupport: number;
  bootstrap: { resamples: number; seed: number };
  /** Values per row of the predictions (1, or the number of classes), and the class of each column. */
  width: number;
  classes?: string[];
}

type Realized = NonNullable<MonitoringRecord["performance"]["realized"]>;

/** The realized metrics of the labelled rows, with intervals and slices, as evaluate computes them. */
export async function realizedPerformance(w: WindowSummary, spec: PerformanceSpec): Promise<Realized | undefined> {
  const L = w.labeledRows;
  const n = L.codes.length;
  if (n === 0) return undefined;
  // the accumulator's codes are the labels in first-seen order, as evaluate's collect numbers them
  const keys = spec.task === "regression" ? [] : L.keys;
  const labelCodes = spec.task === "regression" ? new Int32Array(n) : L.codes;
  const target = new Float64Array(spec.task === "regression" ? n : 0);
  if (spec.task === "regression") for (let i = 0; i < n; i++) target[i] = Number(L.keys[L.codes[i]]);
  const slices = L.slices.map((s) => {
    const sk: string[] = [];
    const at = new Map<string, number>();
    const codes = new Int32Array(n);
    s.keys.forEach((k, i) => {
      const key = k ?? "(null)";
      let c = at.get(key);
      if (c === undefined) {
        c = sk.length;
        at.set(key, c);
        sk.push(key);
      }
      codes[i] = c;
    });
    return { column: s.column, keys: sk, codes };
  });
  const collected: Collected = {
    settings: {
      name: spec.name,
      version: spec.version,
      task: spec.task,
      data: { path: "monitoring window", display: "monitoring window" },
      label: spec.label,
      threshold: spec.threshold,
      slices: spec.slices.filter((s) => L.slices.some((x) => x.column === s.column)),
      minSliceSupport: spec.minSliceSupport,
      nanPolicy: "count",
      bootstrap: spec.bootstrap,
      batchSize: n,
    },
    dataset: { path: "monitoring window", sha256: "0".repeat(64), format: "csv" },
    rows: n,
    blocks: [{ offset: 0, rows: n }],
    labelKeys: keys,
    labelCodes,
    target,
    slices,
    models: [
      {
        role: "candidate",
        source: "production",
        version: spec.version,
        sha256: "0".repeat(64),
        output: { name: "prediction", width: spec.width },
        ...(spec.classes ? { classLabels: spec.classes } : {}),
        notes: [],
        preds: L.preds,
        inferMs: 0,
        inferRows: 0,
        threads: SCORING_THREADS,
        features: [],
      },
    ],
    skipped: {},
    durationMs: 0,
    workers: 0,
  };
  const record = await finalize(collected, { workers: 1 });
  return {
    rows: n,
    metrics: record.candidate.metrics,
    intervals: record.candidate.intervals,
    slices: record.slices.map((s) => ({
      column: s.column,
      value: s.value,
      count: s.count,
      supported: s.supported,
      metrics: s.candidate,
      ...(s.intervals ? { intervals: s.intervals } : {}),
    })),
  };
}

type Estimated = NonNullable<MonitoringRecord["performance"]["estimated"]>;

/** The estimate on the labelled rows against the realized value there, metric by metric. */
export function compareEstimate(
  estimated: Estimated | undefined,
  realized: Realized | undefined,
): Record<string, { estimated: number; realized: number; difference: number }> | undefined {
  if (!estimated || !realized) return undefined;
  const out: Record<string, { estimated: number; realized: number; difference: number }> = {};
  for (const [k, e] of Object.entries(estimated.metrics)) {
    const r = realized.metrics[k];
    if (typeof e === "number" && typeof r === "number") out[k] = { estimated: e, realized: r, difference: r - e };
  }
  return Object.keys(out).length ? out : undefined;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Latency percentiles and the error rate, when the logs carry them. */
export function operations(w: WindowSummary): MonitoringRecord["performance"]["operations"] {
  const o = w.operations;
  if (o.requests === 0 && o.latencies.length === 0) return undefined;
  const sorted = Float64Array.from(o.latencies).sort();
  return {
    requests: o.requests,
    errors: o.errors,
    error_rate: o.requests > 0 ? o.errors / o.requests : null,
    ...(sorted.length > 0
      ? {
          latency: {
            p50_ms: percentile(sorted, 50),
            p95_ms: percentile(sorted, 95),
            p99_ms: percentile(sorted, 99),
            rows: sorted.length,
          },
        }
      : {}),
  };
}
