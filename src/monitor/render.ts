import type { MonitoringRecord } from "../records/monitoring.ts";
import { escapeMd } from "../report/escape.ts";
import { type ColumnCounts, type ColumnReference, OTHER } from "./drift.ts";
import { describeTest, fmtP } from "./gates.ts";

/**
 * A monitoring record in words: Markdown for the job summary, the sticky issue and the retraining pull request (every
 * name and value that came from a manifest, a log or a label escaped; charts hold numbers and fixed labels only), and
 * plain text for the terminal. Pure.
 */

const fmt = (v: number | null | undefined) =>
  typeof v !== "number" || !Number.isFinite(v)
    ? "–"
    : Math.abs(v) >= 100
      ? v.toFixed(1)
      : Number(v.toPrecision(3)).toString();

const VERDICT: Record<MonitoringRecord["verdict"], string> = {
  ok: "no alert",
  alert: "ALERT",
  "not-enough-rows": "not enough rows to judge",
};

/** Metrics shown first, when present; the rest follow in the record's order. */
const HEADLINE = ["roc_auc", "recall", "precision", "f1", "accuracy", "specificity", "ece", "brier"];

function metricRows(names: string[]): string[] {
  return [...HEADLINE.filter((m) => names.includes(m)), ...names.filter((m) => !HEADLINE.includes(m))];
}

/** Markdown: what the window held, the verdict and alerts, the drift table and charts, the performance, the gates. */
export function renderSummary(
  r: MonitoringRecord,
  columns: { feature: string; ref: ColumnReference; cur: ColumnCounts }[] = [],
): string {
  const out: string[] = [];
  const e = escapeMd;
  out.push(
    `### modelgate monitor: ${e(r.model.name)} ${e(r.model.version)} in ${e(r.environment)}: ${VERDICT[r.verdict]}`,
  );
  out.push("");
  const versions = r.versions.map(
    (v) => `${e(v.version)} (${v.rows} rows${v.scored ? `, ${v.scored} scored by monitor` : ""})`,
  );
  out.push(
    `Window ${e(r.window.since)} to ${e(r.window.until)}: **${r.window.rows}** rows served by ${versions.join(", ") || "no version"}, ${r.window.labeled} with a label. Reference: ${e(r.reference.dataset)} (${r.reference.rows ?? "?"} rows).`,
  );
  const skipped = Object.entries(r.window.skipped).filter(([, n]) => n > 0);
  if (skipped.length) out.push(`Not judged: ${skipped.map(([k, n]) => `${n} ${e(k)}`).join(", ")}.`);
  out.push("");
  if (r.alerts.length) {
    out.push("**Alerts**");
    out.push("");
    for (const a of r.alerts) out.push(`- ${e(a.kind)}: ${e(a.message)}`);
    out.push("");
  }
  out.push("#### Drift");
  out.push("");
  if (r.drift.columns.length) {
    out.push("| column | test | statistic | p-value | adjusted | threshold | rows (window / reference) | drifted |");
    out.push("|---|---|---:|---:|---:|---:|---:|:---:|");
    for (const c of r.drift.columns) {
      out.push(
        `| ${e(c.feature)} | ${c.test} | ${fmt(c.statistic)} | ${c.pValue !== undefined ? fmtP(c.pValue) : ""} | ${c.adjustedPValue !== undefined ? fmtP(c.adjustedPValue) : ""} | ${c.threshold} | ${c.rows.current} / ${c.rows.reference} | ${c.drifted ? "**yes**" : "no"} |`,
      );
    }
    out.push("");
    out.push(
      `p-value tests (ks, chisquare, z) are ${r.drift.correction === "none" ? "not corrected" : `${r.drift.correction}-corrected across columns`} at ${r.drift.alpha}; distances (wasserstein, jensenshannon) compare with their thresholds.`,
    );
    out.push("");
    const shown = r.drift.columns.filter((c) => c.drifted).slice(0, 4);
    for (const c of shown) {
      const col = columns.find((x) => x.feature === c.feature);
      if (col) out.push(driftChart(c.feature, col.ref, col.cur), "");
    }
  }
  for (const n of r.drift.notes) out.push(`- ${e(n)}`);
  if (r.drift.notes.length) out.push("");
  out.push("#### Performance");
  out.push("");
  const p = r.performance;
  const names = metricRows([
    ...new Set([...Object.keys(p.realized?.metrics ?? {}), ...Object.keys(p.estimated?.metrics ?? {})]),
  ]);
  if (names.length) {
    out.push(
      `| metric | realized${p.realized ? ` (${p.realized.rows} labelled rows)` : ""} | 95% interval | estimated${p.estimated ? ` (CBPE, ${p.estimated.rows} rows)` : ""} |`,
    );
    out.push("|---|---:|---:|---:|");
    for (const m of names) {
      const iv = p.realized?.intervals[m];
      out.push(
        `| ${e(m)} | ${fmt(p.realized?.metrics[m])} | ${iv ? `[${fmt(iv[0])}, ${fmt(iv[1])}]` : ""} | ${fmt(p.estimated?.metrics[m])} |`,
      );
    }
    out.push("");
    if (p.estimated) out.push("Estimated values are CBPE's estimate from the scores, not measurements.", "");
  }
  if (p.comparison) {
    out.push(
      `Estimate against the realized value on the labelled rows: ${Object.entries(p.comparison)
        .map(([m, c]) => `${e(m)} estimated ${fmt(c.estimated)}, realized ${fmt(c.realized)}`)
        .join("; ")}.`,
      "",
    );
  }
  const ops = p.operations;
  if (ops) {
    const lat = ops.latency
      ? `latency p50 ${fmt(ops.latency.p50_ms)} ms, p95 ${fmt(ops.latency.p95_ms)} ms, p99 ${fmt(ops.latency.p99_ms)} ms; `
      : "";
    out.push(`Operations: ${lat}${ops.errors} errors in ${ops.requests} responses.`, "");
  }
  for (const n of p.notes) out.push(`- ${e(n)}`);
  if (p.notes.length) out.push("");
  if (r.gates.length) {
    out.push("#### Gates (spec.monitoring.gates)");
    out.push("");
    out.push("| gate | status | basis | detail |");
    out.push("|---|---|---|---|");
    for (const g of r.gates) out.push(`| ${e(g.gate)} | ${g.status} | ${g.basis} | ${e(g.detail)} |`);
    out.push("");
  }
  return out.join("\n");
}

/** The sticky issue's body: the marker, the summary and where the record is. */
export function issueBody(r: MonitoringRecord, path: string, summary: string): string {
  const state =
    r.verdict === "alert"
      ? "This issue stays open while the model's monitoring alerts; modelgate updates it on each run and closes it when a window no longer alerts."
      : "The last window did not alert: modelgate closed this issue. It reopens it if a later window alerts.";
  return `${summary}\n\n${state}\n\nMonitoring record: \`${escapeMd(path)}\` (committed to the GitOps branch).\n`;
}

/** A drifted column's distribution: the reference's shares as bars, the window's as a line. */
function driftChart(feature: string, ref: ColumnReference, cur: ColumnCounts): string {
  let labels: string[];
  let refShares: number[];
  let curShares: number[];
  let legend = "";
  if (ref.kind === "numeric" && cur.kind === "numeric") {
    const total = cur.counts.reduce((a, b) => a + b, 0) || 1;
    const rs = ref.fractions.reduce((a, b) => a + b, 0) || 1;
    labels = ref.fractions.map((_, j) =>
      j < ref.edges.length ? `≤${fmt(ref.edges[j])}` : `>${fmt(ref.edges[j - 1])}`,
    );
    refShares = ref.fractions.map((f) => (100 * f) / rs);
    curShares = cur.counts.map((c) => (100 * c) / total);
  } else if (ref.kind === "categorical" && cur.kind === "categorical") {
    const keys = [...new Set([...Object.keys(ref.fractions).filter((k) => k !== OTHER), ...cur.counts.keys()])].sort();
    const total = [...cur.counts.values()].reduce((a, b) => a + b, 0) || 1;
    const rs = Object.values(ref.fractions).reduce((a, b) => a + b, 0) || 1;
    const shown = keys.slice(0, 12);
    labels = shown.map((_, i) => String(i + 1));
    refShares = shown.map((k) => (100 * (ref.fractions[k] ?? 0)) / rs);
    curShares = shown.map((k) => (100 * (cur.counts.get(k) ?? 0)) / total);
    legend = `\n\n${shown.map((k, i) => `${i + 1}: ${escapeMd(k)}`).join(", ")}`;
  } else return "";
  const max = Math.max(1, ...refShares, ...curShares);
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return (
    [
      `**${escapeMd(feature)}**: reference (bars) and window (line), % of rows per bin`,
      "",
      "```mermaid",
      '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#E69F00, #0072B2"}}}}%%',
      "xychart-beta",
      `  x-axis [${labels.map((l) => `"${l}"`).join(", ")}]`,
      `  y-axis "% of rows" 0 --> ${Math.ceil(max * 1.1)}`,
      `  bar [${refShares.map(r1).join(", ")}]`,
      `  line [${curShares.map(r1).join(", ")}]`,
      "```",
    ].join("\n") + legend
  );
}

/** Plain text for the terminal: the verdict, the alerts, the drift table, the performance. */
export function renderText(r: MonitoringRecord, where: { path: string; commit?: string }): string {
  const out: string[] = [];
  out.push(
    `${r.model.name} ${r.model.version} in ${r.environment}, ${r.window.since} to ${r.window.until}: ${r.window.rows} rows (${r.window.labeled} labelled): ${VERDICT[r.verdict]}`,
  );
  for (const a of r.alerts) out.push(`  alert (${a.kind}): ${a.message}`);
  if (r.drift.columns.length) {
    out.push("drift:");
    const w = Math.max(...r.drift.columns.map((c) => c.feature.length), 7);
    for (const c of r.drift.columns)
      out.push(`  ${c.feature.padEnd(w)}  ${c.drifted ? "DRIFT" : "ok   "}  ${describeTest(c)}`);
  }
  for (const n of r.drift.notes) out.push(`  note: ${n}`);
  const p = r.performance;
  if (p.realized) {
    const ms = metricRows(Object.keys(p.realized.metrics)).slice(0, 6);
    out.push(
      `realized on ${p.realized.rows} labelled rows: ${ms.map((m) => `${m} ${fmt(p.realized?.metrics[m])}`).join(", ")}`,
    );
  }
  if (p.estimated) {
    out.push(
      `estimated (CBPE, from the scores of ${p.estimated.rows} rows): ${Object.entries(p.estimated.metrics)
        .map(([m, v]) => `${m} ${fmt(v)}`)
        .join(", ")}`,
    );
  }
  if (p.operations?.latency)
    out.push(
      `latency p50 ${fmt(p.operations.latency.p50_ms)} ms, p95 ${fmt(p.operations.latency.p95_ms)} ms; errors ${p.operations.errors}/${p.operations.requests}`,
    );
  for (const n of p.notes) out.push(`  note: ${n}`);
  for (const g of r.gates) out.push(`gate ${g.gate}: ${g.status} (${g.detail})`);
  out.push(`record: ${where.path}${where.commit ? ` (commit ${where.commit.slice(0, 7)})` : ""}`);
  return `${out.join("\n")}\n`;
}
