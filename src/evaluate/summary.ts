import type { EvaluationRecord } from "../records/evaluation.ts";

/** A short human summary: each metric with its interval, and the delta against the baseline. */
export function summarize(record: EvaluationRecord, path: string): string {
  const f = (x: number | null | undefined) =>
    x === null || x === undefined ? "—" : Math.abs(x) >= 1000 ? x.toFixed(1) : x.toFixed(4);
  const iv = (i?: [number, number]) => (i ? `[${f(i[0])}, ${f(i[1])}]` : "");
  const c = record.candidate;
  const b = record.baseline;
  const rows: string[][] = [["metric", "candidate", "95% CI", ...(b ? ["baseline", "delta", "delta 95% CI", ""] : [])]];
  for (const [name, v] of Object.entries(c.metrics)) {
    const d = record.deltas[name];
    rows.push([
      name,
      f(v),
      iv(c.intervals[name]),
      ...(b
        ? [
            f(b.metrics[name]),
            d ? (d.delta >= 0 ? "+" : "") + f(d.delta) : "—",
            iv(d?.interval),
            d?.excludesZero ? "*" : "",
          ]
        : []),
    ]);
  }
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  const lines = rows.map((r) =>
    r
      .map((cell, j) => (j === 0 ? cell.padEnd(widths[j]) : cell.padStart(widths[j])))
      .join("  ")
      .trimEnd(),
  );
  const skipped = Object.entries(record.dataset.skipped).map(([k, v]) => `${k}: ${v}`);
  const lat = record.timings.latency?.candidate;
  return [
    `${record.model.name} (${record.model.task}) on ${record.dataset.path}: ${record.dataset.rows.toLocaleString("en-US")} rows${skipped.length ? ` (skipped ${skipped.join(", ")})` : ""}`,
    ...(record.bootstrap.resamples > 0
      ? [
          `paired Poisson bootstrap, ${record.bootstrap.resamples} resamples, seed ${record.bootstrap.seed}${b ? "; * = the delta's interval excludes zero" : ""}`,
        ]
      : []),
    ...lines,
    ...(lat
      ? [
          `latency (one row): p50 ${lat.p50_ms.toFixed(3)} ms, p95 ${lat.p95_ms.toFixed(3)} ms, p99 ${lat.p99_ms.toFixed(3)} ms; batch ${Math.round(lat.batch_rows_per_s).toLocaleString("en-US")} rows/s`,
        ]
      : []),
    ...[...(c.notes ?? []), ...(b?.notes ?? [])].map((n) => `note: ${n}`),
    `record: ${path}`,
    "",
  ].join("\n");
}
