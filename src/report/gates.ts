/**
 * Gates → verdict. Pure: takes the Model manifest, its evaluation record (if any) and validation findings, and
 * returns one result per gate with a one-line reason. The model's verdict is the worst result.
 */
import type { Finding } from "../manifest/findings.ts";
import type { Gate, Model } from "../manifest/schema.ts";
import type { Path } from "../manifest/yaml.ts";
import type { EvaluationRecord } from "../records/evaluation.ts";
import { fmt, fmtDelta, fmtInterval, fmtLimit } from "./metric-names.ts";

export type Status = "pass" | "warn" | "fail";

export interface GateResult {
  /** Index in spec.gates; -1 for the checks every model gets (a record exists, validation is clean). */
  index: number;
  gate?: Gate;
  /** "roc_auc ≥ 0.9", "roc_auc drop ≤ 0.005", "recall gap over region ≤ 0.05". Unescaped. */
  label: string;
  metric?: string;
  status: Status;
  /** One line saying why. Unescaped: it may quote manifest or record text. */
  reason: string;
  /** The number that decided it, when there is one. */
  value?: number;
  /** Where in the model manifest to point an annotation. */
  path: Path;
}

export interface Verdict {
  model: string;
  status: Status;
  results: GateResult[];
}

/** The rules, stated once, for the report's footnote. */
export const GATE_RULES =
  "min/max compare the candidate's point estimate. maxDrop is judged on the 95% paired interval of the delta " +
  "(candidate − baseline): it fails when the whole interval is a drop larger than maxDrop, passes when the whole " +
  "interval is above −maxDrop, and warns when the interval holds both, i.e. the evaluation set cannot tell; maxRise " +
  "likewise with a rise. When half the interval's width (the smallest change these rows can detect) is larger than " +
  "the tolerance, the gate says so. Without an interval (no bootstrap resamples) a drop or rise beyond the limit " +
  "fails on the point estimate and any smaller one warns. A gate with severity warn warns instead of failing.";

const RANK: Record<Status, number> = { pass: 0, warn: 1, fail: 2 };
export const worst = (statuses: Iterable<Status>): Status => {
  let w: Status = "pass";
  for (const s of statuses) if (RANK[s] > RANK[w]) w = s;
  return w;
};

const LATENCY = /^latency_(p50|p95|p99)_ms$/;

/** A metric of the candidate or the baseline; latency metrics come from `timings.latency`. */
export function metricValue(
  record: EvaluationRecord,
  role: "candidate" | "baseline",
  metric: string,
): number | null | undefined {
  const lat = LATENCY.exec(metric);
  if (lat) {
    const l = record.timings?.latency?.[role];
    return l ? l[`${lat[1]}_ms` as "p50_ms" | "p95_ms" | "p99_ms"] : undefined;
  }
  const r = role === "candidate" ? record.candidate : record.baseline;
  return r?.metrics[metric];
}

/** The paired delta and its interval, when the record has one (bootstrap resamples > 0). */
export function deltaOf(
  record: EvaluationRecord,
  metric: string,
): { delta: number; interval?: [number, number] } | undefined {
  const d = record.deltas[metric];
  if (d) return { delta: d.delta, interval: record.bootstrap.resamples > 0 ? d.interval : undefined };
  const c = metricValue(record, "candidate", metric);
  const b = metricValue(record, "baseline", metric);
  if (typeof c === "number" && typeof b === "number") return { delta: c - b };
  return undefined;
}

function gateLabel(g: Gate): string {
  if ("sliceGap" in g) return `${g.sliceGap} gap over ${g.over} ≤ ${fmtLimit(g.max)}`;
  const parts: string[] = [];
  if (g.min !== undefined) parts.push(`≥ ${fmtLimit(g.min)}`);
  if (g.max !== undefined) parts.push(`≤ ${fmtLimit(g.max)}`);
  if (g.maxDrop !== undefined) parts.push(`drop ≤ ${fmtLimit(g.maxDrop)}`);
  if (g.maxRise !== undefined) parts.push(`rise ≤ ${fmtLimit(g.maxRise)}`);
  return `${g.metric} ${parts.join(", ") || "(no bound)"}`;
}

interface Part {
  status: Status;
  reason: string;
  value?: number;
}

function judgeMetricGate(g: Extract<Gate, { metric: string }>, record: EvaluationRecord): Part[] {
  const m = g.metric;
  const parts: Part[] = [];
  if (g.min !== undefined || g.max !== undefined) {
    const v = metricValue(record, "candidate", m);
    if (v === undefined) {
      const have = Object.keys(record.candidate.metrics);
      const hint = LATENCY.test(m) ? "the record has no latency measurement" : `it has ${have.join(", ") || "none"}`;
      parts.push({ status: "fail", reason: `${m} is not in the evaluation record (${hint})` });
    } else if (v === null) {
      parts.push({ status: "fail", reason: `${m} is undefined for the candidate (e.g. one class only in the data)` });
    } else {
      const iv = record.candidate.intervals[m];
      const ivText = iv ? ` (95% interval [${fmt(iv[0], m)}, ${fmt(iv[1], m)}])` : "";
      if (g.min !== undefined && v < g.min) {
        parts.push({
          status: "fail",
          value: v,
          reason: `${m} ${fmt(v, m)} is below the minimum ${fmtLimit(g.min)}${ivText}`,
        });
      } else if (g.max !== undefined && v > g.max) {
        parts.push({
          status: "fail",
          value: v,
          reason: `${m} ${fmt(v, m)} is above the maximum ${fmtLimit(g.max)}${ivText}`,
        });
      } else {
        const bound = [
          g.min !== undefined ? `≥ ${fmtLimit(g.min)}` : "",
          g.max !== undefined ? `≤ ${fmtLimit(g.max)}` : "",
        ]
          .filter(Boolean)
          .join(" and ");
        parts.push({ status: "pass", value: v, reason: `${m} ${fmt(v, m)} ${bound}${ivText}` });
      }
    }
  }
  for (const dir of ["drop", "rise"] as const) {
    const limit = dir === "drop" ? g.maxDrop : g.maxRise;
    if (limit === undefined) continue;
    if (!record.baseline && !record.timings?.latency?.baseline) {
      parts.push({
        status: "warn",
        reason: `no baseline in the record: the ${m} ${dir} cannot be judged (first version?)`,
      });
      continue;
    }
    const d = deltaOf(record, m);
    if (!d) {
      parts.push({ status: "fail", reason: `${m} has no delta against the baseline in the record` });
      continue;
    }
    const signed = dir === "drop" ? -d.delta : d.delta; // > 0: it dropped (rose)
    if (d.interval) {
      parts.push(judgeInterval(m, dir, limit, d.delta, d.interval, record.dataset.rows));
    } else if (signed > limit) {
      parts.push({
        status: "fail",
        value: d.delta,
        reason: `${m} ${dir === "drop" ? "drops" : "rises"} by ${fmt(signed, m)}, more than ${limit} (no interval)`,
      });
    } else if (signed > 0) {
      parts.push({
        status: "warn",
        value: d.delta,
        reason: `${m} ${dir === "drop" ? "drops" : "rises"} by ${fmt(signed, m)} and no interval decides whether that is noise`,
      });
    } else {
      parts.push({ status: "pass", value: d.delta, reason: `${m} delta ${fmtDelta(d.delta, m)} (no interval)` });
    }
  }
  if (parts.length === 0)
    parts.push({ status: "warn", reason: `gate on ${m} sets no bound (min, max, maxDrop, maxRise)` });
  return parts;
}

/**
 * A maxDrop or maxRise gate on the delta's paired interval: fail only when the whole interval is beyond the tolerance
 * (a drop, or rise, larger than allowed is certain), pass when none of it is, warn when it holds both. Half the
 * interval's width is the smallest change these rows can tell from noise: when it exceeds the tolerance, the reason
 * says that the evaluation set is too small to detect it.
 */
function judgeInterval(
  m: string,
  dir: "drop" | "rise",
  limit: number,
  delta: number,
  interval: [number, number],
  rows: number,
): Part {
  const [lo, hi] = interval;
  const ivText = `95% interval ${fmtInterval(interval, m)}`;
  const head = `${m} delta ${fmtDelta(delta, m)}, ${ivText}`;
  const mdc = (hi - lo) / 2;
  const small =
    mdc > limit
      ? `; the evaluation set (${rows.toLocaleString("en-US")} rows) is too small to detect a ${dir} of ${limit}: the smallest change it can tell from noise is about ${fmt(mdc, m)} (half the interval's width)`
      : "";
  const beyondAll = dir === "drop" ? hi < -limit : lo > limit;
  const withinAll = dir === "drop" ? lo >= -limit : hi <= limit;
  if (beyondAll)
    return { status: "fail", value: delta, reason: `${head}: the whole interval is a ${dir} larger than ${limit}` };
  if (withinAll) return { status: "pass", value: delta, reason: `${head}: any ${dir} is within ${limit}${small}` };
  return {
    status: "warn",
    value: delta,
    reason: `${head}: a ${dir} larger than ${limit} is neither shown nor ruled out${small || "; more evaluation rows would decide"}`,
  };
}

function judgeSliceGap(g: Extract<Gate, { sliceGap: string }>, record: EvaluationRecord): Part[] {
  const f = record.fairness.find((x) => x.over === g.over && x.metric === g.sliceGap && x.role === "candidate");
  let gap: number;
  let hi: { value: string; metric: number };
  let lo: { value: string; metric: number };
  if (f) {
    gap = f.gap;
    hi = f.max;
    lo = f.min;
  } else {
    const rows = record.slices
      .filter((s) => s.column === g.over && s.supported && typeof s.candidate[g.sliceGap] === "number")
      .map((s) => ({ value: s.value, metric: s.candidate[g.sliceGap] as number }));
    if (rows.length < 2) {
      const any = record.slices.some((s) => s.column === g.over);
      return [
        {
          status: "fail",
          reason: any
            ? `fewer than two supported slices of ${g.over} have ${g.sliceGap}: the gap cannot be judged`
            : `the record has no slices over ${g.over}; add it to spec.evaluation.slices and evaluate again`,
        },
      ];
    }
    rows.sort((a, b) => a.metric - b.metric);
    lo = rows[0];
    hi = rows[rows.length - 1];
    gap = hi.metric - lo.metric;
  }
  const text = `${g.sliceGap} gap over ${g.over} ${fmt(gap)} (${hi.value} ${fmt(hi.metric)} vs ${lo.value} ${fmt(lo.metric)})`;
  return gap > g.max
    ? [{ status: "fail", value: gap, reason: `${text} exceeds ${g.max}` }]
    : [{ status: "pass", value: gap, reason: `${text} ≤ ${g.max}` }];
}

/** The files a model's validation findings may come from: its folder and its datasets' manifests. */
function concerns(model: Model, modelFile: string | undefined, datasetFiles: Map<string, string>, f: Finding) {
  const dir = modelFile ? modelFile.replace(/[^/]*$/, "") : undefined;
  if (dir && f.file.startsWith(dir)) return true;
  const names = new Set([...model.spec.evaluation.datasets, ...(model.spec.training?.datasets ?? [])]);
  for (const n of names) {
    const file = datasetFiles.get(n);
    if (file && (f.file === file || f.file === file.replace(/\.ya?ml$/, ""))) return true;
  }
  return false;
}

/** The gate table's name of each kind of warning the evaluation record can hold. */
const WARNING_LABELS: Record<string, string> = {
  roc_auc_below_chance: "ROC AUC below chance",
  roc_auc_near_chance: "ROC AUC near chance",
};

export interface JudgeInput {
  model: Model;
  record?: EvaluationRecord;
  /** Where the record was looked for, for the "no record" message. */
  recordPath?: string;
  /** Validation findings of the whole repository; those of this model's folder and datasets count. */
  findings?: Finding[];
  /** model.yaml path relative to the root, to pick this model's findings. */
  modelFile?: string;
  /** Dataset name → manifest path relative to the root. */
  datasetFiles?: Map<string, string>;
  /** Why the model's record was refused (e.g. a stale record), said instead of "no evaluation record". */
  recordRefused?: string;
}

/** The model's findings among all findings. */
export function modelFindings(input: JudgeInput): Finding[] {
  return (input.findings ?? []).filter((f) =>
    concerns(input.model, input.modelFile, input.datasetFiles ?? new Map(), f),
  );
}

/** Judges every gate of the model. */
export function judge(input: JudgeInput): Verdict {
  const { model, record } = input;
  const name = model.metadata.name;
  const results: GateResult[] = [];
  if (!record) {
    results.push({
      index: -1,
      label: "evaluation record",
      status: "fail",
      reason:
        input.recordRefused ??
        `no evaluation record for ${name}${input.recordPath ? ` at ${input.recordPath}` : ""}; run \`modelgate evaluate ${name}\` first`,
      path: ["metadata", "name"],
    });
  } else if (record.model.name !== name) {
    results.push({
      index: -1,
      label: "evaluation record",
      status: "fail",
      reason: `the evaluation record is for model ${record.model.name}, not ${name}`,
      path: ["metadata", "name"],
    });
  }
  const errors = modelFindings(input).filter((f) => f.severity === "error");
  if (errors.length > 0) {
    results.push({
      index: -1,
      label: "validation",
      status: "fail",
      reason: `${errors.length} validation error${errors.length === 1 ? "" : "s"}, first: ${errors[0].file}${errors[0].line ? `:${errors[0].line}` : ""} ${errors[0].message}`,
      path: ["metadata", "name"],
    });
  }
  if (record && record.model.name === name) {
    for (const w of record.warnings ?? []) {
      results.push({
        index: -1,
        label: WARNING_LABELS[w.code] ?? "evaluation warning",
        status: "warn",
        reason: w.message,
        path: ["spec", "label"],
      });
    }
    model.spec.gates.forEach((g, index) => {
      const parts = "sliceGap" in g ? judgeSliceGap(g, record) : judgeMetricGate(g, record);
      let status = worst(parts.map((p) => p.status));
      const decisive = parts.filter((p) => p.status === status);
      if (status === "fail" && g.severity === "warn") status = "warn";
      results.push({
        index,
        gate: g,
        label: gateLabel(g),
        metric: "sliceGap" in g ? g.sliceGap : g.metric,
        status,
        reason:
          decisive.map((p) => p.reason).join("; ") +
          (g.severity === "warn" && decisive[0].status === "fail" ? " (severity: warn)" : ""),
        value: decisive[0]?.value,
        path: ["spec", "gates", index],
      });
    });
  }
  return { model: name, status: worst(results.map((r) => r.status)), results };
}
