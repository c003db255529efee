import { argsortAscending, sortedFloat32Keys, valueOfKey } from "../evaluate/sort.ts";
import type { MonitoringRecord } from "../records/monitoring.ts";

/**
 * Confidence-based performance estimation (CBPE), after NannyML (nannyml/performance_estimation/confidence_based,
 * v0.13.1): a binary classifier's metrics estimated from its scores alone, while the labels have not arrived.
 * The scores are calibrated on the reference (the rows the version was evaluated on, with their labels) by isotonic
 * regression, as scikit-learn's IsotonicRegression(out_of_bounds="clip") fits and predicts; a calibrated score p is
 * the chance that the row is positive, so a row predicted positive (score ≥ threshold) adds p true positives and
 * 1 − p false positives to the expected confusion matrix, and the metrics are read from that matrix. ROC AUC is
 * estimated from the calibrated scores taken in the order of the raw ones. NannyML first checks, by cross-validation,
 * whether calibration helps, and skips it when it does not; here the scores are always calibrated. Pure.
 */

/** A monotone step-and-ramp map from a raw score to the chance of the positive class. */
export interface Calibrator {
  /** Ascending scores where the fitted values change (scikit-learn's X_thresholds_). */
  x: Float64Array;
  /** The fitted chance at each of them (y_thresholds_). */
  y: Float64Array;
}

/**
 * Isotonic regression of the labels (0/1) on the scores: equal scores pooled (weighted mean), then the pool-adjacent-
 * violators algorithm, then the points inside runs of equal fitted values dropped (they change no prediction).
 */
export function fitIsotonic(scores: ArrayLike<number>, labels: ArrayLike<number>): Calibrator {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b] || labels[a] - labels[b]);
  // unique scores with the mean label and the weight of each
  const ux: number[] = [];
  const uy: number[] = [];
  const uw: number[] = [];
  for (const i of order) {
    const x = scores[i];
    if (!Number.isFinite(x)) continue;
    const last = ux.length - 1;
    if (last >= 0 && x === ux[last]) {
      uy[last] = (uy[last] * uw[last] + labels[i]) / (uw[last] + 1);
      uw[last]++;
    } else {
      ux.push(x);
      uy.push(labels[i]);
      uw.push(1);
    }
  }
  // pool adjacent violators: blocks of (sum of weights × values, weight, length)
  const bv: number[] = [];
  const bw: number[] = [];
  const bl: number[] = [];
  for (let i = 0; i < ux.length; i++) {
    bv.push(uy[i]);
    bw.push(uw[i]);
    bl.push(1);
    while (bv.length > 1 && bv[bv.length - 2] > bv[bv.length - 1]) {
      const w = bw[bw.length - 2] + bw[bw.length - 1];
      const v = (bv[bv.length - 2] * bw[bw.length - 2] + bv[bv.length - 1] * bw[bw.length - 1]) / w;
      const l = bl[bl.length - 2] + bl[bl.length - 1];
      bv.splice(-2, 2, v);
      bw.splice(-2, 2, w);
      bl.splice(-2, 2, l);
    }
  }
  const fitted: number[] = [];
  bv.forEach((v, b) => {
    for (let j = 0; j < bl[b]; j++) fitted.push(v);
  });
  const keep = fitted.map((v, i) => i === 0 || i === fitted.length - 1 || v !== fitted[i - 1] || v !== fitted[i + 1]);
  return {
    x: Float64Array.from(ux.filter((_, i) => keep[i])),
    y: Float64Array.from(fitted.filter((_, i) => keep[i])),
  };
}

/** The calibrated chance for a score: linear between the thresholds, clipped to the first and last outside them. */
export function calibrate(c: Calibrator, s: number): number {
  const { x, y } = c;
  const n = x.length;
  if (n === 0) return Number.NaN;
  if (s <= x[0]) return y[0];
  if (s >= x[n - 1]) return y[n - 1];
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid] <= s) lo = mid;
    else hi = mid;
  }
  const t = (s - x[lo]) / (x[hi] - x[lo]);
  return y[lo] + t * (y[hi] - y[lo]);
}

/**
 * `calibrate(c, s)` for many scores: the segment between thresholds found from a table of equal cells over the
 * thresholds' range, then moved to the neighbour while the score is past its edge — the one segment calibrate's binary
 * search finds (x[lo] <= s < x[lo + 1]), and the same formula, so the same value, without the search's branches.
 */
export function calibrator(c: Calibrator): (s: number) => number {
  const { x, y } = c;
  const n = x.length;
  if (n < 3) return (s) => calibrate(c, s);
  const cells = Math.min(4096, 4 * n);
  const x0 = x[0];
  const scale = cells / (x[n - 1] - x0);
  if (!Number.isFinite(scale) || !(scale > 0)) return (s) => calibrate(c, s);
  const start = new Int32Array(cells);
  let lo = 0;
  for (let k = 0; k < cells; k++) {
    const at = x0 + k / scale;
    while (lo + 1 < n - 1 && x[lo + 1] <= at) lo++;
    start[k] = lo;
  }
  const last = x[n - 1];
  const y0 = y[0];
  const yLast = y[n - 1];
  return (s) => {
    if (s <= x0) return y0;
    if (s >= last) return yLast;
    let k = ((s - x0) * scale) | 0;
    if (k >= cells) k = cells - 1;
    let i = start[k];
    while (i + 1 < n - 1 && x[i + 1] <= s) i++;
    while (i > 0 && x[i] > s) i--;
    const t = (s - x[i]) / (x[i + 1] - x[i]);
    return y[i] + t * (y[i + 1] - y[i]);
  };
}

export const ESTIMATED_METRICS = ["accuracy", "precision", "recall", "f1", "specificity", "roc_auc"] as const;

/**
 * The metrics CBPE estimates for rows of raw `scores` whose calibrated chances are `chance`, at the deployed
 * threshold (predicted positive when score ≥ threshold, as evaluation decides). Undefined ratios are NaN.
 */
export function estimateMetrics(
  scores: ArrayLike<number>,
  chance: ArrayLike<number>,
  threshold: number,
): Record<(typeof ESTIMATED_METRICS)[number], number> {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const n = scores.length;
  for (let i = 0; i < n; i++) {
    const p = chance[i];
    if (scores[i] >= threshold) {
      tp += p;
      fp += 1 - p;
    } else {
      fn += p;
      tn += 1 - p;
    }
  }
  return fromMatrix(tp, fp, fn, tn, n, estimateRocAuc(scores, chance));
}

function fromMatrix(tp: number, fp: number, fn: number, tn: number, n: number, rocAuc: number) {
  const div = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);
  return {
    accuracy: div(tp + tn, n),
    precision: div(tp, tp + fp),
    recall: div(tp, tp + fn),
    f1: div(tp, tp + 0.5 * (fp + fn)),
    specificity: div(tn, tn + fp),
    roc_auc: rocAuc,
  };
}

/**
 * estimateMetrics for rows that all share one calibration, without a chance per row: a row's chance is a function of
 * its score, so the sums (in row order) and the walk down the sorted scores (a run of equal scores adds its chance
 * row by row) add the very numbers estimateMetrics adds, in the same order — the same results, with no per-row chance
 * array and no gathers through the sort's order. Undefined when the scores are not all float32 (a model's are: the
 * feeder rounds a binary score to float32).
 */
export function estimateMetricsOneCalibration(
  scores: Float64Array,
  c: Calibrator,
  threshold: number,
): ReturnType<typeof estimateMetrics> | undefined {
  const sorted = sortedFloat32Keys(scores);
  if (!sorted) return undefined;
  const chanceOf = calibrator(c);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  let totalP = 0;
  const n = scores.length;
  for (let i = 0; i < n; i++) {
    const s = scores[i];
    const p = chanceOf(s);
    totalP += p;
    if (s >= threshold) {
      tp += p;
      fp += 1 - p;
    } else {
      fn += p;
      tn += 1 - p;
    }
  }
  const totalN = n - totalP;
  let auc = Number.NaN;
  if (totalP > 0 && totalN > 0) {
    let tps = 0;
    let fps = 0;
    let prevTpr = 0;
    let prevFpr = 0;
    auc = 0;
    for (let k = n - 1; k >= 0; ) {
      const s = valueOfKey(sorted[k]);
      const p = chanceOf(s);
      while (k >= 0 && valueOfKey(sorted[k]) === s) {
        tps += p;
        fps += 1 - p;
        k--;
      }
      const tpr = tps / totalP;
      const fpr = fps / totalN;
      auc += ((fpr - prevFpr) * (tpr + prevTpr)) / 2;
      prevTpr = tpr;
      prevFpr = fpr;
    }
  }
  return fromMatrix(tp, fp, fn, tn, n, auc);
}

/**
 * NannyML's estimated ROC AUC: walking the rows from the highest raw score down, the calibrated chances add expected
 * true positives and their complements expected false positives; the area under that curve (trapezoids). Rows of
 * equal score are one step (NannyML's argsort splits them in an arbitrary order; here the result does not depend on
 * the order of the rows).
 */
export function estimateRocAuc(scores: ArrayLike<number>, chance: ArrayLike<number>): number {
  const n = scores.length;
  const order = argsortAscending(scores instanceof Float64Array ? scores : Float64Array.from(scores));
  let totalP = 0;
  for (let i = 0; i < n; i++) totalP += chance[i];
  const totalN = n - totalP;
  if (!(totalP > 0) || !(totalN > 0)) return Number.NaN;
  let tps = 0;
  let fps = 0;
  let prevTpr = 0;
  let prevFpr = 0;
  let area = 0;
  // from the highest score down: the ascending order read backwards
  for (let k = n - 1; k >= 0; ) {
    const s = scores[order[k]];
    while (k >= 0 && scores[order[k]] === s) {
      tps += chance[order[k]];
      fps += 1 - chance[order[k]];
      k--;
    }
    const tpr = tps / totalP;
    const fpr = fps / totalN;
    area += ((fpr - prevFpr) * (tpr + prevTpr)) / 2;
    prevTpr = tpr;
    prevFpr = fpr;
  }
  return area;
}

export type Estimated = NonNullable<MonitoringRecord["performance"]["estimated"]>;

/**
 * CBPE's estimate over the rows whose version has a calibration (binary classification: `preds` are positive-class
 * scores), at `threshold`. Undefined when no row can be estimated.
 */
export function estimatedPerformance(
  preds: Float64Array,
  versions: Int32Array,
  calibrators: (Calibrator | undefined)[],
  threshold: number,
): Estimated | undefined {
  // every row estimated (the usual case): the window's own scores, not a compacted copy; only the chances are new
  let all = true;
  // one calibration for every row (one version served the window): its estimate needs no chance per row
  const one = preds.length > 0 ? calibrators[versions[0]] : undefined;
  let same = true;
  for (let i = 0; all && i < preds.length; i++) {
    const c = calibrators[versions[i]];
    all = c !== undefined && Number.isFinite(preds[i]);
    if (c !== one) same = false;
  }
  const fast = all && same && one ? estimateMetricsOneCalibration(preds, one, threshold) : undefined;
  if (fast) return estimated(fast, preds.length);
  if (all && preds.length > 0) {
    const chance = new Float64Array(preds.length);
    for (let i = 0; i < preds.length; i++) chance[i] = calibrate(calibrators[versions[i]]!, preds[i]);
    return estimated(estimateMetrics(preds, chance, threshold), preds.length);
  }
  const scores = new Float64Array(preds.length);
  const chance = new Float64Array(preds.length);
  let n = 0;
  for (let i = 0; i < preds.length; i++) {
    const c = calibrators[versions[i]];
    const s = preds[i];
    if (!c || !Number.isFinite(s)) continue;
    scores[n] = s;
    chance[n++] = calibrate(c, s);
  }
  if (n === 0) return undefined;
  return estimated(estimateMetrics(scores.subarray(0, n), chance.subarray(0, n), threshold), n);
}

function estimated(m: ReturnType<typeof estimateMetrics>, rows: number): Estimated {
  const metrics: Record<string, number | null> = {};
  for (const k of ESTIMATED_METRICS) metrics[k] = Number.isFinite(m[k]) ? m[k] : null;
  return { method: "CBPE", rows, metrics };
}
