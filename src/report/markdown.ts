/**
 * The report as Markdown: one section per model at one of five levels of detail, and the whole comment fitted
 * under GitHub's 65,536 characters by lowering detail, passing models first. Everything that came from a manifest,
 * a dataset or a record goes through escapeMd/escapeHtml; only numbers formatted here and fixed words are raw.
 */
import { markdownTable } from "markdown-table";
import { DRIFT_ALPHA } from "../data/drift.ts";
import type { Finding } from "../manifest/findings.ts";
import type { Model } from "../manifest/schema.ts";
import type { EvaluationRecord, SliceResult } from "../records/evaluation.ts";
import { curveCharts } from "./charts.ts";
import { escapeHtml, escapeMd, escapeMdLine } from "./escape.ts";
import { deltaOf, GATE_RULES, type GateResult, metricValue, type Status, type Verdict } from "./gates.ts";
import { fmt, fmtCount, fmtDelta, fmtInterval, lowerIsBetter, metricName } from "./metric-names.ts";

/** Everything the report says about one model. */
export interface ModelReport {
  model: Model;
  /** model.yaml relative to the repository root. */
  modelFile?: string;
  record?: EvaluationRecord;
  /** Where the record came from (relative path), for provenance. */
  recordFile?: string;
  verdict: Verdict;
  /** This model's validation findings; undefined when validation did not run. */
  findings?: Finding[];
  /** The model card's summary (Markdown), shown collapsed, with a link to the whole card. */
  card?: string;
  /** The card's path in the repository (models/<model>/MODEL_CARD.md). */
  cardFile?: string;
  /** The card's page at the commit the report is about, once known (publish sets it). */
  cardUrl?: string;
  /** Link to the model's check run, once it exists. */
  checkRunUrl?: string;
  /**
   * Drift per feature between training and each evaluation dataset (from validation): PSI, the chi-square p-value
   * and the level found (a PSI counts only when the difference is significant), and features too sparse to judge.
   */
  drift?: {
    dataset: string;
    psi: Record<string, number>;
    p?: Record<string, number>;
    level?: Record<string, "ok" | "warn" | "fail">;
    unjudged?: string[];
  }[];
  /** Why drift was not checked for an evaluation dataset (no training dataset, no profile, data not read). */
  driftNotChecked?: string[];
  /** The PSI thresholds in force (modelgate.yaml spec.drift, or the dataset's). */
  driftLimits?: { psiWarn: number; psiFail: number };
}

/** 0 everything; 1 no curves or card; 2 no per-slice detail, confusion or finding lists; 3 gates and metrics; 4 one line. */
export type Detail = 0 | 1 | 2 | 3 | 4;

export const ICON: Record<Status, string> = { pass: "✅", warn: "⚠️", fail: "❌" };
const WORD: Record<Status, string> = { pass: "pass", warn: "warn", fail: "fail" };

const table = (rows: string[][], align?: string[]) => markdownTable(rows, { align, alignDelimiters: false });
const details = (summary: string, body: string, open = false) =>
  `<details${open ? " open" : ""}><summary>${summary}</summary>\n\n${body}\n\n</details>`;
const safeUrl = (u?: string) => (u && /^https?:\/\/[^\s()<>"'`]+$/.test(u) ? u : undefined);
const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;

function versionChange(r: ModelReport): string {
  const cand = r.record?.candidate.version ?? r.record?.model.version ?? r.model.spec.version;
  const baseline = r.record?.baseline;
  const base = baseline?.version;
  if (!baseline) return `${escapeMd(cand)} (new)`;
  // a baseline given as a file has no version: say what it was, not "new"
  if (!base) return `${escapeMd(cand)} (against ${escapeMd(baseline.source)})`;
  if (base === cand) return `${escapeMd(cand)} (same version)`;
  return `${escapeMd(base)} → ${escapeMd(cand)}`;
}

/** The one or two things that decided the verdict. */
function deciding(r: ModelReport): string {
  const v = r.verdict;
  const bad = v.results.filter((x) => x.status === v.status && v.status !== "pass");
  if (bad.length > 0) {
    const text = bad.slice(0, 2).map((x, i) => (i === 0 ? escapeMdLine(x.reason) : escapeMd(x.reason)));
    return text.join("; ") + (bad.length > 2 ? ` (and ${bad.length - 2} more)` : "");
  }
  if (v.results.length === 0) return "no gates declared";
  return v.results
    .slice(0, 2)
    .map((x, i) => (i === 0 ? escapeMdLine(x.reason) : escapeMd(x.reason)))
    .join("; ");
}

export function headerLine(r: ModelReport): string {
  return `### ${ICON[r.verdict.status]} ${escapeMd(r.model.metadata.name)} · ${versionChange(r)} · ${WORD[r.verdict.status]}\n\n${deciding(r)}`;
}

function gatesTable(results: GateResult[], onlyBad: boolean): string {
  const rows = results.filter((x) => !onlyBad || x.status !== "pass");
  if (rows.length === 0)
    return onlyBad ? `All ${plural(results.length, "gate")} pass.` : "No gates declared in spec.gates.";
  const t = table(
    [["", "gate", "result"], ...rows.map((x) => [ICON[x.status], escapeMd(x.label), escapeMd(x.reason)])],
    ["c", "l", "l"],
  );
  const hidden = results.length - rows.length;
  return hidden > 0 ? `${t}\n\n${plural(hidden, "other gate")} pass.` : t;
}

function gateCell(results: GateResult[], metric: string): string {
  const mine = results.filter((x) => x.metric === metric && x.gate && !("sliceGap" in x.gate));
  return mine.map((x) => `${ICON[x.status]} ${escapeMd(x.label.slice(metric.length).trim())}`).join("<br>");
}

/** What ▲ and ▼ mean, under every table that uses them. */
export const TREND_LEGEND =
  "▲ better, ▼ worse: the paired 95% interval of the delta lies wholly on that side of zero (for losses, errors and latency, lower is better); no mark: the interval includes zero.";

function metricsTable(rec: EvaluationRecord, results: GateResult[]): string {
  const keys = Object.keys(rec.candidate.metrics);
  for (const k of Object.keys(rec.baseline?.metrics ?? {})) if (!keys.includes(k)) keys.push(k);
  for (const x of results)
    if (x.metric && x.gate && !("sliceGap" in x.gate) && !keys.includes(x.metric)) keys.push(x.metric);
  if (!rec.baseline) {
    // a new model: its own values and intervals, and no columns for a baseline that does not exist
    const rows = keys.map((k) => {
      const iv = rec.candidate.intervals[k];
      return [
        escapeMd(metricName(k)),
        fmt(metricValue(rec, "candidate", k), k),
        iv ? `[${fmt(iv[0], k)}, ${fmt(iv[1], k)}]` : "—",
        gateCell(results, k),
      ];
    });
    return table([["metric", "candidate", "95% interval", "gate"], ...rows], ["l", "r", "c", "l"]);
  }
  let marked = false;
  const rows = keys.map((k) => {
    const d = deltaOf(rec, k);
    const mark = trend(d?.interval, k);
    if (mark) marked = true;
    return [
      escapeMd(metricName(k)),
      fmt(metricValue(rec, "baseline", k), k),
      fmt(metricValue(rec, "candidate", k), k),
      d ? `${fmtDelta(d.delta, k)}${mark}` : "—",
      fmtInterval(d?.interval, k),
      gateCell(results, k),
    ];
  });
  const t = table(
    [["metric", "baseline", "candidate", "delta", "95% interval of the delta", "gate"], ...rows],
    ["l", "r", "r", "r", "c", "l"],
  );
  return marked ? `${t}\n\n<sub>${TREND_LEGEND}</sub>` : t;
}

function latencyTable(rec: EvaluationRecord): string | undefined {
  const l = rec.timings?.latency;
  if (!l) return undefined;
  const row = (name: string, x?: typeof l.candidate) =>
    x
      ? [
          name,
          fmt(x.p50_ms, "_ms"),
          fmt(x.p95_ms, "_ms"),
          fmt(x.p99_ms, "_ms"),
          fmtCount(Math.round(x.batch_rows_per_s)),
        ]
      : [name, "—", "—", "—", "—"];
  return table(
    [
      ["latency (ms, one row)", "p50", "p95", "p99", `rows/s (batch ${fmtCount(l.candidate.batch_size)})`],
      ...(rec.baseline ? [row("baseline", l.baseline)] : []),
      row("candidate", l.candidate),
    ],
    ["l", "r", "r", "r", "r"],
  );
}

/** Metrics to show per slice: the slice-gap gates' metrics first, then the usual ones the record has. */
function sliceMetrics(r: ModelReport, slices: SliceResult[]): string[] {
  const want: string[] = [];
  for (const g of r.model.spec.gates) if ("sliceGap" in g && !want.includes(g.sliceGap)) want.push(g.sliceGap);
  for (const m of [
    "recall",
    "recall_macro",
    "precision",
    "precision_macro",
    "f1",
    "f1_macro",
    "roc_auc",
    "accuracy",
    "mae",
    "rmse",
    "r2",
  ])
    if (!want.includes(m)) want.push(m);
  const have = new Set(slices.flatMap((s) => Object.keys(s.candidate)));
  const out = want.filter((m) => have.has(m));
  for (const m of have) if (!out.includes(m)) out.push(m);
  return out.slice(0, 3);
}

/** Slices of one column, worst first by the first shown metric. */
function sortWorstFirst(slices: SliceResult[], metric: string): SliceResult[] {
  const sign = lowerIsBetter(metric) ? -1 : 1;
  const v = (s: SliceResult) => {
    const x = s.candidate[metric];
    return typeof x === "number" ? sign * x : Number.POSITIVE_INFINITY;
  };
  return [...slices].sort(
    (a, b) => Number(b.supported) - Number(a.supported) || v(a) - v(b) || a.value.localeCompare(b.value),
  );
}

function slicesPart(r: ModelReport, rec: EvaluationRecord, detail: Detail): string | undefined {
  if (rec.slices.length === 0) return undefined;
  const byCol = new Map<string, SliceResult[]>();
  for (const s of rec.slices) byCol.set(s.column, [...(byCol.get(s.column) ?? []), s]);
  const out: string[] = [];
  for (const [col, slices] of byCol) {
    const metrics = sliceMetrics(r, slices);
    const sorted = sortWorstFirst(slices, metrics[0]);
    if (detail >= 2) {
      const w = sorted[0];
      out.push(
        `Slices over ${escapeMd(col)}: ${slices.length}; worst ${escapeMd(w.value)} (n=${fmtCount(w.count)}) with ${escapeMd(metricName(metrics[0]))} ${fmt(w.candidate[metrics[0]], metrics[0])}.`,
      );
      continue;
    }
    // Δ columns only when there is a baseline to compare with
    const withDelta = slices.some((s) => s.baseline);
    let marked = false;
    const rows = sorted.map((s) => [
      `${escapeMd(s.value)}${s.supported ? "" : " ⁽ⁿ⁾"}`,
      fmtCount(s.count),
      ...metrics.flatMap((m) => {
        const c = s.candidate[m];
        const b = s.baseline?.[m];
        const iv = s.intervals?.[m];
        const mark = trend(s.deltas?.[m]?.interval, m);
        if (mark) marked = true;
        const value = `${fmt(c, m)}${iv ? ` [${fmt(iv[0], m)}, ${fmt(iv[1], m)}]` : ""}`;
        if (!withDelta) return [value];
        return [value, typeof c === "number" && typeof b === "number" ? `${fmtDelta(c - b, m)}${mark}` : "—"];
      }),
    ]);
    const head = ["slice", "n", ...metrics.flatMap((m) => [escapeMd(metricName(m)), ...(withDelta ? ["Δ"] : [])])];
    let t = table([head, ...rows], ["l", "r", ...metrics.flatMap(() => (withDelta ? ["r", "r"] : ["r"]))]);
    if (slices.some((s) => s.intervals)) t += "\n\n<sub>[low, high]: the 95% interval on the slice's own rows.</sub>";
    if (marked) t += `\n\n<sub>${TREND_LEGEND}</sub>`;
    if (slices.some((s) => !s.supported))
      t += "\n\n⁽ⁿ⁾ fewer rows than minSliceSupport: shown, not used for gaps or gates.";
    const title = `Slices over ${escapeHtml(col)} (${slices.length}, worst first)`;
    out.push(slices.length > 6 ? details(title, t) : `**${title}**\n\n${t}`);
  }
  return out.join("\n\n");
}

function fairnessPart(rec: EvaluationRecord): string | undefined {
  if (rec.fairness.length === 0) return undefined;
  return `**Fairness gaps**\n\n${table(
    [
      ["over", "metric", "model", "gap", "highest", "lowest"],
      ...rec.fairness.map((f) => [
        escapeMd(f.over),
        escapeMd(f.metric),
        f.role,
        fmt(f.gap),
        `${escapeMd(f.max.value)} ${fmt(f.max.metric)}`,
        `${escapeMd(f.min.value)} ${fmt(f.min.metric)}`,
      ]),
    ],
    ["l", "l", "l", "r", "l", "l"],
  )}`;
}

function confusionPart(rec: EvaluationRecord): string | undefined {
  const one = (name: string, c?: EvaluationRecord["candidate"]["confusion"]) => {
    if (!c) return undefined;
    const labels = c.labels.map((l) => escapeMd(String(l)));
    return `${name} (rows: actual, columns: predicted)\n\n${table([
      ["", ...labels],
      ...c.matrix.map((row, i) => [`**${labels[i] ?? i}**`, ...row.map(fmtCount)]),
    ])}`;
  };
  const parts = [one("Baseline", rec.baseline?.confusion), one("Candidate", rec.candidate.confusion)].filter(Boolean);
  if (parts.length === 0) return undefined;
  return details("Confusion matrices", parts.join("\n\n"));
}

function findingsPart(
  findings: Finding[] | undefined,
  detail: Detail,
  psi?: ModelReport["drift"],
  limits?: ModelReport["driftLimits"],
  notChecked?: string[],
): string {
  if (!findings) return "Data checks: validation results were not available to this report (run `modelgate validate`).";
  const drift = findings.filter((f) => f.check === "drift");
  const other = findings.filter((f) => f.check !== "drift");
  const count = (fs: Finding[]) => {
    const e = fs.filter((f) => f.severity === "error").length;
    return `${plural(e, "error")}, ${plural(fs.length - e, "warning")}`;
  };
  const out: string[] = [];
  const byCheck = new Map<string, number>();
  for (const f of other) byCheck.set(f.check, (byCheck.get(f.check) ?? 0) + 1);
  const checks = [...byCheck].map(([c, n]) => `${escapeMd(c)} ${n}`).join(", ");
  out.push(
    other.length === 0
      ? "Data checks: ✅ no findings."
      : `Data checks: ${other.some((f) => f.severity === "error") ? "❌" : "⚠️"} ${count(other)} (${checks}).`,
  );
  const list = (fs: Finding[]) =>
    table(
      [
        ["", "where", "column", "finding"],
        ...fs
          .slice(0, 30)
          .map((f) => [
            f.severity === "error" ? "❌" : "⚠️",
            escapeMd(`${f.file}${f.line ? `:${f.line}` : ""}`),
            f.column ? escapeMd(f.column) : "",
            escapeMd(f.message),
          ]),
      ],
      ["c", "l", "l", "l"],
    ) + (fs.length > 30 ? `\n\n…and ${fs.length - 30} more (see \`modelgate validate\`).` : "");
  if (detail < 2 && other.length > 0) out.push(details("Data-check findings", list(other)));
  out.push(driftPart(drift, detail, psi, limits, notChecked));
  return out.join("\n\n");
}

function driftPart(
  drift: Finding[],
  detail: Detail,
  psi?: ModelReport["drift"],
  limits?: ModelReport["driftLimits"],
  notChecked: string[] = [],
): string {
  const lim = limits ?? { psiWarn: 0.1, psiFail: 0.25 };
  const rows = (psi ?? []).flatMap((d) =>
    Object.entries(d.psi).map(([feature, v]) => ({
      dataset: d.dataset,
      feature,
      v,
      p: d.p?.[feature],
      // the level validation found (threshold reached and significant); by PSI alone for results without one
      level: d.level?.[feature] ?? (v >= lim.psiFail ? "fail" : v >= lim.psiWarn ? "warn" : "ok"),
    })),
  );
  const unjudged = (psi ?? []).flatMap((d) => d.unjudged ?? []);
  const icon = { ok: "✅", warn: "⚠️", fail: "❌" } as const;
  const drifted = rows.filter((r) => r.level !== "ok");
  const rule = `PSI ≥ ${lim.psiWarn} with a significant difference (chi-square p < ${DRIFT_ALPHA} ÷ features compared); fails at ${lim.psiFail}`;
  const notes = [
    ...(notChecked.length > 0 ? [`Drift not checked: ${notChecked.map(escapeMd).join("; ")}.`] : []),
    ...(unjudged.length > 0 ? [`Too few rows to judge: ${unjudged.map(escapeMd).join(", ")}.`] : []),
  ];
  let head: string;
  if (rows.length > 0) {
    head =
      drifted.length === 0
        ? `Drift: ✅ no feature drifted (${rule}).`
        : `Drift: ${drifted.some((r) => r.level === "fail") ? "❌" : "⚠️"} ${plural(drifted.length, "feature")} drifted (${rule}).`;
  } else if (drift.length > 0) {
    head = `Drift: ${drift.some((f) => f.severity === "error") ? "❌" : "⚠️"} ${plural(drift.length, "finding")}.`;
  } else if (notChecked.length > 0) {
    return `Drift: not checked: ${notChecked.map(escapeMd).join("; ")}.`;
  } else {
    head = "Drift: not checked.";
  }
  const withNotes = [head, ...notes].join(" ");
  if (detail >= 2) return withNotes;
  if (rows.length > 0) {
    rows.sort((a, b) => b.v - a.v || a.feature.localeCompare(b.feature));
    const multi = new Set(rows.map((r) => r.dataset)).size > 1;
    const t = table(
      [
        ["", "feature", ...(multi ? ["evaluation data"] : []), "PSI", "p"],
        ...rows.map((r) => [
          icon[r.level],
          escapeMd(r.feature),
          ...(multi ? [escapeMd(r.dataset)] : []),
          r.v.toFixed(3),
          r.p === undefined ? "—" : r.p < 1e-4 ? r.p.toExponential(1) : r.p.toFixed(4),
        ]),
      ],
      ["c", "l", ...(multi ? ["l"] : []), "r", "r"],
    );
    return `${withNotes}\n\n${rows.length > 8 ? details("Drift per feature (PSI, largest first)", t) : t}`;
  }
  if (drift.length > 0) {
    const t = table(
      [["", "finding"], ...drift.map((f) => [f.severity === "error" ? "❌" : "⚠️", escapeMd(f.message)])],
      ["c", "l"],
    );
    return `${withNotes}\n\n${details("Drift per feature", t)}`;
  }
  return withNotes;
}

function provenance(rec: EvaluationRecord, recordFile?: string): string {
  const short = (h?: string) => (h ? h.slice(0, 12) : "—");
  const skipped = Object.entries(rec.dataset.skipped).filter(([, n]) => n > 0);
  return (
    `<sub>Evaluated on ${escapeMd(rec.dataset.name ?? rec.dataset.path)} (${fmtCount(rec.dataset.rows)} rows, sha256 ${short(rec.dataset.sha256)})` +
    `${skipped.length ? `, skipped: ${skipped.map(([k, n]) => `${escapeMd(k)} ${fmtCount(n)}`).join(", ")}` : ""}; ` +
    `candidate ${short(rec.candidate.sha256)}${rec.baseline ? `, baseline ${short(rec.baseline.sha256)}` : ", no baseline"}; ` +
    `${fmtCount(rec.bootstrap.resamples)} paired bootstrap resamples (seed ${rec.bootstrap.seed}); onnxruntime ${escapeMd(rec.runtime.onnxruntime)}` +
    `${recordFile ? `; record ${escapeMd(recordFile)}` : ""}.</sub>`
  );
}

/** The line under the card's summary that points at the whole card: at the report's commit once published. */
function cardLink(r: ModelReport): string {
  const file = r.cardFile ?? `${r.model.metadata.name}/MODEL_CARD.md`;
  const url = safeUrl(r.cardUrl);
  return url
    ? `The whole model card: [${escapeMd(file)}](${url}).`
    : `The whole model card: ${escapeMd(file)} (\`modelgate report --write-card\` writes it).`;
}

/** " ▲" when the delta's 95% interval shows the candidate better, " ▼" when worse, "" when it does not decide. */
function trend(interval: [number, number] | undefined, metric: string): string {
  if (!interval) return "";
  const [lo, hi] = interval;
  const better = lowerIsBetter(metric) ? hi < 0 : lo > 0;
  const worse = lowerIsBetter(metric) ? lo > 0 : hi < 0;
  return better ? " ▲" : worse ? " ▼" : "";
}

/** One model's section of the report at the given level of detail. */
export function renderModelSection(r: ModelReport, detail: Detail = 0): string {
  const parts: string[] = [headerLine(r)];
  const link = safeUrl(r.checkRunUrl);
  if (detail >= 4) {
    if (link) parts.push(`Details: [check run](${link}).`);
    return parts.join("\n\n");
  }
  parts.push(gatesTable(r.verdict.results, detail >= 3));
  const rec = r.record && r.record.model.name === r.model.metadata.name ? r.record : undefined;
  if (rec) {
    parts.push(metricsTable(rec, r.verdict.results));
    if (detail <= 2) {
      const lat = latencyTable(rec);
      if (lat) parts.push(lat);
      const sl = slicesPart(r, rec, detail);
      if (sl) parts.push(sl);
      if (detail <= 1) {
        const fa = fairnessPart(rec);
        if (fa) parts.push(fa);
        const cm = confusionPart(rec);
        if (cm) parts.push(cm);
      }
      parts.push(findingsPart(r.findings, detail, r.drift, r.driftLimits, r.driftNotChecked));
      if (detail === 0) {
        const charts = curveCharts(
          { baseline: rec.baseline?.curves?.roc, candidate: rec.candidate.curves?.roc },
          { baseline: rec.baseline?.curves?.pr, candidate: rec.candidate.curves?.pr },
        );
        if (charts) parts.push(details("ROC and precision-recall curves", charts));
        if (r.card) parts.push(details("Model card", `${r.card}\n\n${cardLink(r)}`));
      }
      parts.push(provenance(rec, r.recordFile));
    }
  } else if (detail <= 2) {
    parts.push(findingsPart(r.findings, detail));
  }
  if (detail >= 1 && link) parts.push(`Full report for this model: [check run](${link}).`);
  return parts.join("\n\n");
}

export interface RenderOptions {
  /** The commit the report is about. */
  sha?: string;
  /** Link to the workflow run, whose job summary holds the full report. */
  runUrl?: string;
  /** Character budget for the whole comment (default 60,000: room for the marker and approve's section). */
  maxChars?: number;
  /** Input that was refused (from --from-artifact), listed at the top. */
  refused?: { file: string; reason: string }[];
  /** Leave the detail at 0 for every model, whatever the size (job summary, files). */
  unlimited?: boolean;
  /** What the reader must know before the numbers (a pull request that changes its own rules), shown at the top. */
  notices?: string[];
}

export interface RenderedReport {
  markdown: string;
  /** The detail each model was rendered at. */
  detail: Detail[];
  status: Status;
}

/** The budget a comment body gets by default, leaving room for the sticky marker and another command's section. */
export const COMMENT_BUDGET = 60_000;

function overview(models: ModelReport[], opts: RenderOptions, degraded: boolean): string {
  const n = (s: Status) => models.filter((m) => m.verdict.status === s).length;
  const status = worstOf(models);
  const lines: string[] = [
    `## ${ICON[status]} modelgate report`,
    `${plural(models.length, "model")}: ${n("fail")} failing, ${n("warn")} with warnings, ${n("pass")} passing` +
      `${opts.sha && /^[0-9a-f]{7,64}$/.test(opts.sha) ? ` · commit ${opts.sha.slice(0, 7)}` : ""}`,
  ];
  if (opts.refused && opts.refused.length > 0) {
    lines.push(
      `❌ **Refused input** (${plural(opts.refused.length, "file")}): ` +
        opts.refused
          .slice(0, 10)
          .map((x) => `${escapeMd(x.file)}: ${escapeMd(x.reason)}`)
          .join("; ") +
        (opts.refused.length > 10 ? `; and ${opts.refused.length - 10} more` : ""),
    );
  }
  for (const n of opts.notices ?? []) lines.push(`> ⚠️ ${escapeMd(n)}`);
  if (models.length > 1) {
    lines.push(
      table(
        [
          ["", "model", "version", "deciding"],
          ...[...models]
            .sort(
              (a, b) =>
                rank(b.verdict.status) - rank(a.verdict.status) ||
                a.model.metadata.name.localeCompare(b.model.metadata.name),
            )
            .map((m) => [ICON[m.verdict.status], escapeMd(m.model.metadata.name), versionChange(m), shortDeciding(m)]),
        ],
        ["c", "l", "l", "l"],
      ),
    );
  }
  if (degraded) {
    const run = safeUrl(opts.runUrl);
    lines.push(
      `> Some detail is left out to fit GitHub's 65,536-character comment limit; each model's check run${run ? ` and the [job summary](${run})` : " and the job summary"} hold the full report.`,
    );
  }
  return lines.join("\n\n");
}

function shortDeciding(m: ModelReport): string {
  const bad = m.verdict.results.find((x) => x.status === m.verdict.status && x.status !== "pass");
  const text = bad ? bad.reason : (m.verdict.results[0]?.reason ?? "no gates declared");
  return escapeMd(text.length > 120 ? `${text.slice(0, 119)}…` : text);
}

const rank = (s: Status) => ({ pass: 0, warn: 1, fail: 2 })[s];
const worstOf = (models: ModelReport[]): Status =>
  models.reduce<Status>((w, m) => (rank(m.verdict.status) > rank(w) ? m.verdict.status : w), "pass");

function footer(): string {
  // our own text, which holds nothing Markdown or HTML would read: written as it is (no entities on a terminal)
  return `<sub>How gates are judged: ${GATE_RULES}</sub>`;
}

/**
 * The whole report: an overview, one section per model, the gate rules. Fitted under `maxChars` by lowering the
 * detail of models one at a time — passing models first, failing ones last — until it fits: curves and the card go
 * first, then per-slice detail, then everything but gates and metrics, then all but the header line.
 */
export function renderReport(models: ModelReport[], opts: RenderOptions = {}): RenderedReport {
  const budget = opts.maxChars ?? COMMENT_BUDGET;
  const cache = new Map<string, string>();
  const section = (i: number, d: Detail) => {
    const key = `${i}:${d}`;
    let s = cache.get(key);
    if (s === undefined) cache.set(key, (s = renderModelSection(models[i], d)));
    return s;
  };
  const detail: Detail[] = models.map(() => 0);
  const compose = () => {
    const degraded = detail.some((d) => d > 0);
    return (
      [overview(models, opts, degraded), ...models.map((_, i) => section(i, detail[i])), footer()].join("\n\n---\n\n") +
      "\n"
    );
  };
  let markdown = compose();
  if (!opts.unlimited && markdown.length > budget) {
    const order = models
      .map((m, i) => ({ i, r: rank(m.verdict.status) }))
      .sort((a, b) => a.r - b.r || a.i - b.i)
      .map((x) => x.i);
    outer: for (let d = 1 as Detail; d <= 4; d = (d + 1) as Detail) {
      for (const i of order) {
        detail[i] = d;
        markdown = compose();
        if (markdown.length <= budget) break outer;
      }
    }
    if (markdown.length > budget) {
      // Too many models even as one line each: the overview alone, which lists every model.
      markdown = `${overview(models, opts, true)}\n\n${footer()}\n`;
      if (markdown.length > budget) markdown = `${markdown.slice(0, budget - 2)}…\n`;
    }
  }
  return { markdown, detail, status: worstOf(models) };
}
