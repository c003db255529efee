import { CheckFailed, UserError } from "../errors.ts";
import { API_VERSION } from "../manifest/schema.ts";
import type { EvaluationRecord, ModelResult, SliceResult } from "../records/evaluation.ts";
import { VERSION } from "../version.ts";
import { buildSets, type Interval, pairedBootstrap, pairedBootstrapParallel, type SetSpec } from "./bootstrap.ts";
import { columnClasses, declaredPositive, type LabelSpec, labelKey, sortKeys } from "./classes.ts";
import type { Collected, CollectedModel } from "./collect.ts";
import { chanceWarnings, type ScoreRead } from "./warnings.ts";
import { BinaryMetricSet, type MetricSet, MulticlassMetricSet, type Weights } from "./metrics.ts";

export interface FinalizeOptions {
  onResample?: (done: number) => void;
  /** onnxruntime-node's version for the record. */
  onnxruntime?: string;
  /** Bootstrap worker threads (default: the available parallelism; 1 to stay in this thread). */
  workers?: number;
  /** Told when something ran other than asked (a bootstrap worker whose range ran in this thread instead). */
  onWarning?: (message: string) => void;
}

/** A key back to the value a reader expects in JSON: numbers as numbers, everything else as the string. */
function labelValue(k: string): string | number {
  return k !== "" && Number.isFinite(Number(k)) && String(Number(k)) === k ? Number(k) : k;
}

function clean(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

function metricsOf(set: MetricSet, w: Weights): Record<string, number | null> {
  const out = new Float64Array(set.names.length);
  set.compute(w, out);
  return Object.fromEntries(set.names.map((n, i) => [n, clean(out[i])]));
}

interface Prepared {
  specs: SetSpec[];
  classes?: string[];
  positive?: string;
  /** Binary tasks: which column of each model's output was read as the positive class's score, and why. */
  reads?: ScoreRead[];
  skipped: Record<string, number>;
}

/** Rows per label, in the order the labels first appear in the rows: counted by code (no map look-up per row). */
function labelCounts(keys: string[], codes: Int32Array): Map<string, number> {
  const perCode = new Float64Array(keys.length);
  for (let i = 0; i < codes.length; i++) perCode[codes[i]]++;
  // the codes in order of their first row (found at once, unless a label is rare)
  let present = 0;
  for (const x of perCode) if (x > 0) present++;
  const seen = new Uint8Array(keys.length);
  const order: number[] = [];
  for (let i = 0; i < codes.length && order.length < present; i++) {
    if (!seen[codes[i]]) {
      seen[codes[i]] = 1;
      order.push(codes[i]);
    }
  }
  const counts = new Map<string, number>();
  for (const code of order) counts.set(keys[code], (counts.get(keys[code]) ?? 0) + perCode[code]);
  return counts;
}

function prepare(c: Collected): Prepared {
  const s = c.settings;
  const display = c.dataset.path;
  const skipped: Record<string, number> = {};
  if (s.task === "regression") {
    const specs = c.models.map((m): SetSpec => {
      if (m.output.width !== 1) {
        throw new CheckFailed(
          `${m.source}: output "${m.output.name}" has ${m.output.width} values per row; a regression model gives one`,
        );
      }
      return { kind: "regression", y: c.target, pred: Float64Array.from(m.preds) };
    });
    let zeros = 0;
    for (let i = 0; i < c.target.length; i++) if (c.target[i] === 0) zeros++;
    if (zeros > 0) skipped.mape_zero_targets = zeros;
    return { specs, skipped };
  }
  const counts = labelCounts(c.labelKeys, c.labelCodes);
  const observed = sortKeys([...counts.keys()]);
  const label: LabelSpec = s.label;
  const declared = label.classes?.map(labelKey);
  if (declared) {
    const outside = observed.filter((k) => !declared.includes(k));
    if (outside.length > 0) {
      throw new CheckFailed(
        `${display}: label "${label.column}" has values outside the classes [${declared.join(", ")}]: ${outside
          .slice(0, 5)
          .map((k) => `"${k}" (${counts.get(k)} rows)`)
          .join(", ")}; fix the data or spec.label.classes`,
      );
    }
  }
  const classSet = declared ?? observed;
  if (s.task === "binary-classification" && classSet.length > 2) {
    throw new CheckFailed(
      `${display}: the task is binary-classification but label "${label.column}" has ${classSet.length} classes (${classSet.slice(0, 6).join(", ")}); use multiclass-classification or fix the labels`,
    );
  }
  // the data label of each probability column, per model: from its graph, the manifest, or 0..k-1 — never guessed
  const mapped = c.models.map((m) =>
    m.output.width > 1 || s.task === "multiclass-classification"
      ? columnClasses(m.source, m.output.width, m.classLabels, label, counts, display)
      : undefined,
  );
  const columns = mapped.map((x) => x?.labels);
  if (s.task === "binary-classification") {
    const twoColumns = columns.find((cols) => cols !== undefined);
    const classes = declared ?? twoColumns ?? observed;
    const pos =
      declaredPositive(label, classes, twoColumns === undefined) ?? sortKeys(classes)[classes.length - 1] ?? "1";
    if (classes.length === 2 && !classes.includes(pos)) {
      throw new UserError(
        `the positive label "${pos}" (spec.label.positive) is not one of the classes [${classes.join(", ")}]`,
      );
    }
    const isPos = Uint8Array.from(c.labelKeys, (k) => (k === pos ? 1 : 0));
    const y = new Uint8Array(c.labelCodes.length);
    for (let i = 0; i < y.length; i++) y[i] = isPos[c.labelCodes[i]];
    const specs = c.models.map((m, i): SetSpec => {
      const cols = columns[i];
      const col = cols ? cols.indexOf(pos) : 0;
      if (m.output.width > 2 || col < 0) {
        throw new CheckFailed(
          `${m.source}: cannot find the positive class "${pos}" among the model's ${m.output.width} probability columns (classes [${cols?.join(", ") ?? "unknown"}]); a binary classifier gives 1 or 2 columns, and spec.label.positive must be one of its classes`,
        );
      }
      const w = m.output.width;
      const score = new Float64Array(y.length);
      for (let r = 0; r < score.length; r++) score[r] = m.preds[r * w + col];
      return { kind: "binary", y, score, threshold: s.threshold };
    });
    const reads = c.models.map((m, i): ScoreRead => {
      const cols = mapped[i];
      return cols
        ? {
            output: m.output.name,
            column: cols.labels.indexOf(pos),
            of: cols.labels,
            classes: cols.classes,
            source: cols.source,
          }
        : { output: m.output.name, column: 0 };
    });
    return {
      specs,
      classes: sortKeys(classes.length === 2 ? classes : [...new Set([...classes, pos])]),
      positive: pos,
      reads,
      skipped,
    };
  }
  const classes = declared ?? columns[0]!;
  const k = classes.length;
  const index = new Map(classes.map((key, j) => [key, j]));
  const y = new Uint32Array(c.labelCodes.length);
  for (let i = 0; i < y.length; i++) y[i] = index.get(c.labelKeys[c.labelCodes[i]])!;
  const specs = c.models.map((m, i): SetSpec => {
    const order = columns[i]!;
    const colOf = classes.map((key) => order.indexOf(key));
    if (m.output.width !== order.length || colOf.some((j) => j < 0)) {
      throw new CheckFailed(
        `${m.source}: ${m.output.width} probability columns for classes [${classes.join(", ")}]${m.classLabels ? ` (the model's classes: ${m.classLabels.join(", ")})` : ""}; declare spec.label.classes in the model's order`,
      );
    }
    const w = m.output.width;
    const proba = new Float64Array(y.length * k);
    for (let r = 0; r < y.length; r++) for (let j = 0; j < k; j++) proba[r * k + j] = m.preds[r * w + colOf[j]];
    return { kind: "multiclass", y, proba, k };
  });
  return { specs, classes, skipped };
}

/**
 * Each supported slice is bootstrapped on its own rows (paired, seeded like the run), with at most this many
 * resamples: a slice costs a pass over its rows per resample, and slices of several columns cover the rows again.
 */
export const SLICE_RESAMPLES = 200;

/** The rows of a metric set's inputs where `mask` is set (`count` of them). */
function subSpec(spec: SetSpec, mask: Uint8Array, count: number): SetSpec {
  const pick = <T extends Float64Array | Uint8Array | Uint32Array>(src: T, stride = 1): T => {
    const out = new (src.constructor as new (n: number) => T)(count * stride);
    for (let i = 0, j = 0; i < mask.length; i++) {
      if (!mask[i]) continue;
      for (let k = 0; k < stride; k++) out[j * stride + k] = src[i * stride + k];
      j++;
    }
    return out;
  };
  if (spec.kind === "binary")
    return { kind: "binary", y: pick(spec.y), score: pick(spec.score), threshold: spec.threshold };
  if (spec.kind === "multiclass")
    return { kind: "multiclass", y: pick(spec.y), proba: pick(spec.proba, spec.k), k: spec.k };
  return { kind: "regression", y: pick(spec.y), pred: pick(spec.pred) };
}

const finite = (iv: Interval | undefined): iv is Interval => !!iv && Number.isFinite(iv.lo) && Number.isFinite(iv.hi);
const finiteInterval = (iv: Interval | undefined): [number, number] | undefined =>
  finite(iv) ? [iv.lo, iv.hi] : undefined;

/** Metrics, intervals, deltas, slices and fairness gaps from the collected rows: the evaluation record. */
export async function finalize(c: Collected, opts: FinalizeOptions = {}): Promise<EvaluationRecord> {
  const t0 = performance.now();
  const s = c.settings;
  const { specs, classes, positive, reads, skipped } = prepare(c);
  // the point metrics of one model without a bootstrap or slices walk no rows' order: none is sorted
  const sets = buildSets(specs, s.bootstrap.resamples === 0 && c.slices.length === 0 && specs.length === 1);
  const boot =
    s.bootstrap.resamples > 0 && c.rows > 0
      ? await pairedBootstrapParallel(specs, sets, {
          resamples: s.bootstrap.resamples,
          seed: s.bootstrap.seed,
          onResample: opts.onResample,
          workers: opts.workers,
        })
      : undefined;
  for (const why of boot?.threads.fallbacks ?? [])
    opts.onWarning?.(
      `a bootstrap worker thread failed; its resamples ran in the main thread (same result, slower): ${why}`,
    );
  const points = sets.map((set) => metricsOf(set, null));
  const sliceResamples = boot ? Math.min(s.bootstrap.resamples, SLICE_RESAMPLES) : 0;
  const slices = sliceResults(c, specs, sets, sliceResamples);
  const result = (i: number) => modelResult(c.models[i], sets[i], points[i], boot?.intervals[i], classes, positive);
  const warnings = reads
    ? chanceWarnings(
        c.models.map((m, i) => ({
          role: m.role,
          auc: points[i].roc_auc,
          interval: boot ? finiteInterval(boot.intervals[i].roc_auc) : undefined,
          read: reads[i],
        })),
        { positive: positive!, label: s.label.column, rows: c.rows, features: c.models[0].features },
      )
    : [];
  for (const w of warnings) opts.onWarning?.(w.message);
  const cand = c.models[0];
  const candLatency = latencyOf(cand, s.batchSize);
  const baseLatency = c.models[1] ? latencyOf(c.models[1], s.batchSize) : undefined;
  const durationMs = c.durationMs + (performance.now() - t0);
  const record: EvaluationRecord = {
    apiVersion: API_VERSION,
    kind: "EvaluationRecord",
    model: {
      name: s.name,
      ...(s.version ? { version: s.version } : {}),
      task: s.task,
      ...(s.task === "binary-classification" ? { threshold: s.threshold, positiveLabel: labelValue(positive!) } : {}),
      ...(classes ? { classes: classes.map(labelValue) } : {}),
    },
    dataset: {
      ...(s.data.name ? { name: s.data.name } : {}),
      path: c.dataset.path,
      sha256: c.dataset.sha256,
      format: c.dataset.format,
      rows: c.rows,
      label: s.label.column,
      features: cand.features,
      skipped: { ...c.skipped, ...skipped },
    },
    bootstrap: {
      method: "paired-poisson",
      resamples: s.bootstrap.resamples,
      seed: s.bootstrap.seed,
      confidence: 0.95,
      ...(c.slices.length > 0 && sliceResamples > 0 ? { sliceResamples } : {}),
    },
    candidate: result(0),
    ...(c.models[1] ? { baseline: result(1) } : {}),
    deltas: deltasOf(sets.length === 2 ? sets[0].names : [], points, boot?.deltas),
    slices,
    fairness: fairnessGaps(s.task, s.fairnessMetrics ?? [], sets[0].names, c.slices, slices),
    ...(warnings.length > 0 ? { warnings } : {}),
    runtime: {
      onnxruntime: opts.onnxruntime ?? "unknown",
      node: process.versions.node,
      modelgate: VERSION,
      threads: { intraOp: cand.threads.intraOp, interOp: cand.threads.interOp },
    },
    timings: {
      durationMs: Math.round(durationMs),
      rowsPerSecond: Math.round(c.rows / Math.max(durationMs / 1000, 1e-6)),
      ...(boot ? { bootstrapThreads: boot.threads } : {}),
      scoringWorkers: c.workers,
      ...(candLatency
        ? { latency: { candidate: candLatency, ...(baseLatency ? { baseline: baseLatency } : {}) } }
        : {}),
    },
  };
  return record;
}

/** One model's part of the record: point metrics, their intervals, the confusion matrix and curves, its notes. */
function modelResult(
  m: CollectedModel,
  set: MetricSet,
  points: Record<string, number | null>,
  intervalsOf: Record<string, Interval> | undefined,
  classes: string[] | undefined,
  positive: string | undefined,
): ModelResult {
  const intervals: Record<string, [number, number]> = {};
  for (const [name, iv] of Object.entries(intervalsOf ?? {})) {
    if (Number.isFinite(iv.lo) && Number.isFinite(iv.hi)) intervals[name] = [iv.lo, iv.hi];
  }
  const r: ModelResult = {
    role: m.role,
    source: m.source,
    ...(m.version ? { version: m.version } : {}),
    sha256: m.sha256,
    output: m.output.name,
    metrics: points,
    intervals,
  };
  if (set instanceof BinaryMetricSet || set instanceof MulticlassMetricSet) {
    r.confusion = {
      labels: (set instanceof BinaryMetricSet
        ? [sortKeys(classes!).find((k) => k !== positive) ?? "negative", positive!]
        : classes!
      ).map(labelValue),
      matrix: set.confusion(),
    };
  }
  if (set instanceof BinaryMetricSet) {
    const curves = set.curves();
    if (curves.roc.length > 0) r.curves = curves;
  }
  if (m.notes.length > 0) r.notes = m.notes;
  return r;
}

/**
 * Candidate minus baseline for each metric both have, with the bootstrap's interval of the paired delta (without a
 * bootstrap, the point as its own interval and excludesZero false); pure.
 */
export function deltasOf(
  names: readonly string[],
  points: Record<string, number | null>[],
  intervals: Record<string, Interval> | undefined,
): EvaluationRecord["deltas"] {
  const deltas: EvaluationRecord["deltas"] = {};
  for (const name of names) {
    const a = points[0][name];
    const b = points[1][name];
    const iv = intervals?.[name];
    if (a === null || b === null) continue;
    const interval: [number, number] =
      iv && Number.isFinite(iv.lo) && Number.isFinite(iv.hi) ? [iv.lo, iv.hi] : [a - b, a - b];
    deltas[name] = { delta: a - b, interval, excludesZero: intervals ? interval[0] > 0 || interval[1] < 0 : false };
  }
  return deltas;
}

/** Every slice value's metrics (and, when supported, its own paired bootstrap), in the slice's order. */
function sliceResults(c: Collected, specs: SetSpec[], sets: MetricSet[], sliceResamples: number): SliceResult[] {
  const s = c.settings;
  const slices: SliceResult[] = [];
  for (const sl of c.slices) {
    const spec = s.slices.find((x) => x.column === sl.column);
    const order = spec?.buckets ? bucketOrder(sl.keys, spec.buckets) : sortKeys(sl.keys);
    for (const key of order) {
      const code = sl.keys.indexOf(key);
      const mask = new Uint8Array(c.rows);
      let count = 0;
      for (let i = 0; i < c.rows; i++) {
        if (sl.codes[i] === code) {
          mask[i] = 1;
          count++;
        }
      }
      const supported = count >= s.minSliceSupport;
      const candidate = metricsOf(sets[0], mask);
      const baseline = sets[1] ? metricsOf(sets[1], mask) : undefined;
      const slice: SliceResult = {
        column: sl.column,
        value: key,
        count,
        supported,
        candidate,
        ...(baseline ? { baseline } : {}),
      };
      if (supported && sliceResamples > 0) {
        const r = pairedBootstrap(buildSets(specs.map((sp) => subSpec(sp, mask, count))), {
          resamples: sliceResamples,
          seed: s.bootstrap.seed,
        });
        const intervals: Record<string, [number, number]> = {};
        for (const [name, iv] of Object.entries(r.intervals[0])) if (finite(iv)) intervals[name] = [iv.lo, iv.hi];
        slice.intervals = intervals;
        if (baseline) {
          const deltas: NonNullable<SliceResult["deltas"]> = {};
          for (const [name, iv] of Object.entries(r.deltas)) {
            const a = candidate[name];
            const b = baseline[name];
            if (a === null || b === null || !finite(iv)) continue;
            deltas[name] = { delta: a - b, interval: [iv.lo, iv.hi], excludesZero: iv.lo > 0 || iv.hi < 0 };
          }
          slice.deltas = deltas;
        }
      }
      slices.push(slice);
    }
  }
  return slices;
}

/**
 * The spread of each fairness metric across the supported values of each slice column, per role: the largest value
 * minus the smallest, with both named. Recall and positive rate (binary) or macro recall (multiclass) always, and
 * the metrics the gates name; pure.
 */
export function fairnessGaps(
  task: Collected["settings"]["task"],
  gated: readonly string[],
  known: readonly string[],
  columns: { column: string }[],
  slices: SliceResult[],
): EvaluationRecord["fairness"] {
  const fairness: EvaluationRecord["fairness"] = [];
  const base =
    task === "binary-classification"
      ? ["recall", "positive_rate"]
      : task === "multiclass-classification"
        ? ["recall_macro"]
        : [];
  const fairMetrics = [...new Set([...base, ...gated])].filter((n) => known.includes(n));
  for (const sl of columns) {
    for (const metric of fairMetrics) {
      for (const role of ["candidate", "baseline"] as const) {
        const vals = slices
          .filter((x) => x.column === sl.column && x.supported)
          .map((x) => ({ value: x.value, metric: (role === "candidate" ? x.candidate : x.baseline)?.[metric] }))
          .filter((x): x is { value: string; metric: number } => typeof x.metric === "number");
        if (vals.length < 2) continue;
        let max = vals[0];
        let min = vals[0];
        for (const v of vals) {
          if (v.metric > max.metric) max = v;
          if (v.metric < min.metric) min = v;
        }
        fairness.push({ over: sl.column, metric, role, gap: max.metric - min.metric, max, min });
      }
    }
  }
  return fairness;
}

/** A model's single-row latency and batch throughput, as the record states them; undefined when not measured. */
function latencyOf(m: CollectedModel, batchSize: number) {
  return m.latency
    ? {
        p50_ms: m.latency.p50,
        p95_ms: m.latency.p95,
        p99_ms: m.latency.p99,
        batch_rows_per_s: m.inferMs > 0 ? m.inferRows / (m.inferMs / 1000) : 0,
        batch_size: batchSize,
        runs: m.latency.runs,
        intraOpThreads: m.threads.intraOp,
        interOpThreads: m.threads.interOp,
      }
    : undefined;
}

function bucketOrder(keys: string[], edges: number[]): string[] {
  const rank = (k: string) => {
    if (k === "(null)") return Number.POSITIVE_INFINITY;
    if (k.startsWith("(-inf")) return Number.NEGATIVE_INFINITY;
    return Number(k.slice(1, k.indexOf(",")));
  };
  void edges;
  return [...keys].sort((a, b) => rank(a) - rank(b));
}
