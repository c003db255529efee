import { BINARY_METRICS, MULTICLASS_METRICS, REGRESSION_METRICS } from "./metric-lists.ts";
import { argsortAscending, sortFloat32, sortFloat32Labeled, valueOfKey } from "./sort.ts";

export { BINARY_METRICS, MULTICLASS_METRICS, REGRESSION_METRICS } from "./metric-lists.ts";

/**
 * Metrics by task, named as scikit-learn (or the issue) spells them. Each metric set is prepared once from the
 * predictions (per-row terms, one sorted order) and then computed for any integer weight vector: `null` for the point
 * estimate, Poisson counts for a bootstrap resample, 0/1 for a slice. A weight of k means "this row k times", so every
 * weighted value equals scikit-learn's on the rows repeated (`np.repeat`), which is what the tests check.
 * Undefined values (0/0, AUC with one class) are NaN here and null in the record; scikit-learn's zero_division
 * convention (0) is followed for precision, recall and f1.
 */

export type Task = "binary-classification" | "multiclass-classification" | "regression";
export type Weights = Uint8Array | null;

export interface MetricSet {
  readonly names: readonly string[];
  /** Fills `out` (length names.length) with the metrics under weights `w` (w[i] is row i's weight). */
  compute(w: Weights, out: Float64Array): void;
  /**
   * The same under bootstrap weights given in the resampling order (see `alignResampleOrder`): for a binary task the
   * candidate's sorted order, so that its walk reads the weights sequentially. Absent: the row order, as compute.
   */
  computeResample?(w: Uint8Array, out: Float64Array): void;
  readonly n: number;
}

/**
 * Chooses the order in which bootstrap weights are drawn: for binary tasks the first set's (the candidate's) sorted
 * order, so its walk needs no random access; the other sets map their walk to it. The weights stay a deterministic
 * function of (seed, resample, rows), so threads, shards and merges give identical intervals.
 */
export function alignResampleOrder(sets: MetricSet[]): void {
  const first = sets[0];
  if (!(first instanceof BinaryMetricSet)) return;
  first.resampleIndex = null;
  if (sets.length === 1) return;
  const rank = first.rank();
  for (const s of sets.slice(1)) {
    if (s instanceof BinaryMetricSet) s.resampleIndex = s.mapOrder(rank);
  }
}

/** np.finfo(float64).eps: scikit-learn's log_loss clips probabilities of float64 input to [eps, 1-eps]. */
const EPS = 2.220446049250313e-16;
export const ECE_BINS = 10;
/** Inner bin edges as numpy's linspace(0, 1, 11)[1:-1] computes them (i * 0.1). */
const ECE_EDGES = Array.from({ length: ECE_BINS - 1 }, (_, i) => (i + 1) * (1 / ECE_BINS));

function eceBin(p: number): number {
  // np.searchsorted(edges, p, side="left"): the number of inner edges strictly below p
  let b = 0;
  while (b < ECE_EDGES.length && ECE_EDGES[b] < p) b++;
  return b;
}

/** A row's log loss (sklearn's): the score clipped to [EPS, 1 - EPS], the two probabilities normalised. */
function logLossTerm(yi: number, p: number): number {
  const pc = p < EPS ? EPS : p > 1 - EPS ? 1 - EPS : p;
  const q = 1 - pc;
  const s = q + pc;
  return -Math.log((yi ? pc : q) / s);
}

/** ROC and PR points, each [x, y]. */
export interface Curves {
  roc: [number, number][];
  pr: [number, number][];
}

/** The curves' default size (see `curves`). */
const CURVE_POINTS = 101;

/** A curve's coordinate as the record keeps it: 6 decimals. */
const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * The ROC and PR points kept as a walk goes down the scores (`curves()` says which), fed at each distinct score by
 * both walks that take them (`curves()`, and the point walk on its way): the points come from one place.
 */
class CurvePoints {
  readonly roc: [number, number][] = [[0, 0]];
  readonly pr: [number, number][] = [];
  private readonly steps: number;
  private lastTp = -1;
  private lastFp = -1;
  private first = true;

  constructor(
    private readonly pos: number,
    private readonly neg: number,
    max: number,
  ) {
    this.steps = max - 1;
  }

  /** At a distinct score, with `tp` positives and `fp` negatives at or above it; `end`: the walk's last row. */
  at(tp: number, fp: number, end: boolean): void {
    // the bucket of each rate; a point is kept when either has moved to a new bucket, and at the very end
    const bt = Math.floor((tp * this.steps) / this.pos);
    const bf = Math.floor((fp * this.steps) / this.neg);
    if (this.first || bt !== this.lastTp || bf !== this.lastFp || end) {
      this.roc.push([r6(fp / this.neg), r6(tp / this.pos)]);
      this.pr.push([r6(tp / this.pos), r6(tp / (tp + fp))]);
      this.lastTp = bt;
      this.lastFp = bf;
      this.first = false;
    }
  }
}

function f1of(p: number, r: number): number {
  const d = p + r;
  return d === 0 ? 0 : (2 * p * r) / d;
}

// ---------------------------------------------------------------------------------------------------------------------
// Binary

export class BinaryMetricSet implements MetricSet {
  readonly names = BINARY_METRICS;
  readonly n: number;
  private orderOf?: Uint32Array;
  /** The scores, kept to sort the rows' order by when it is first asked for (an order made on demand). */
  private readonly unordered?: Float64Array;
  // per-row terms, permuted into ascending score order
  private readonly yS: Uint8Array;
  private readonly sS: Float64Array;
  /** bit 0: the row is positive; bit 1: the row ends a tie group when walking down from the highest score. */
  private readonly flags: Uint8Array;
  /** The first sorted position predicted positive (score >= threshold); n when none. */
  private readonly kThr: number;
  // each row's log-loss term, its label minus its score, its calibration bin: made when a weighted walk first needs
  // them (the point estimate computes them as it walks)
  private llS?: Float64Array;
  private dS?: Float64Array;
  private binS?: Uint8Array;
  private readonly binAcc = new Float64Array(ECE_BINS);
  /** Rows of the positive class. */
  private readonly positives: number;
  /** What the point walk found on its way: the confusion matrix and the curves (`confusion()`, `curves()`), once. */
  private walked?: { confusion?: number[][]; curves?: Curves };

  /**
   * `y`: 1 for the positive class, 0 otherwise; `score`: the positive class's probability or score. With
   * `orderOnDemand`, float32 scores are sorted with their labels only, and the rows' order (which weighted walks,
   * `rank` and `mapOrder` need) is sorted when first asked for: the point metrics alone need no order, and the
   * labels moved with the keys cost a byte where a row index costs four. The same order and values either way.
   */
  constructor(
    y: Uint8Array,
    score: Float64Array,
    readonly threshold: number,
    orderOnDemand = false,
  ) {
    const n = y.length;
    this.n = n;
    const labeled = orderOnDemand ? sortFloat32Labeled(score, y) : undefined;
    let yS: Uint8Array;
    let sS: Float64Array;
    if (labeled) {
      this.unordered = score;
      yS = labeled.labels;
      sS = new Float64Array(n);
      const keys = labeled.keys;
      for (let k = 0; k < n; k++) sS[k] = valueOfKey(keys[k]);
    } else {
      // the order, and the scores in it: read back from the radix sort's keys for float32 scores, else gathered
      const sorted = sortFloat32(score);
      const order = sorted?.order ?? argsortAscending(score);
      this.orderOf = order;
      yS = new Uint8Array(n);
      for (let k = 0; k < n; k++) yS[k] = y[order[k]];
      if (sorted) sS = sorted.sorted;
      else {
        sS = new Float64Array(n);
        for (let k = 0; k < n; k++) sS[k] = score[order[k]];
      }
    }
    this.yS = yS;
    this.sS = sS;
    const flags = new Uint8Array(n);
    let kThr = n;
    let positives = 0;
    for (let k = 0; k < n; k++) {
      const groupEnd = k === 0 || sS[k - 1] !== sS[k];
      flags[k] = yS[k] | (groupEnd ? 2 : 0);
      positives += yS[k];
      if (kThr === n && sS[k] >= threshold) kThr = k;
    }
    this.flags = flags;
    this.kThr = kThr;
    this.positives = positives;
  }

  /** The rows in ascending score order (stable): sorted when first asked for, with `orderOnDemand`. */
  private get order(): Uint32Array {
    this.orderOf ??= argsortAscending(this.unordered!);
    return this.orderOf;
  }

  /** Where each sorted position's bootstrap weight is in the resampling order; null: the position itself. */
  weightIndex: Uint32Array | null = null;
  private weightIndexSet = false;

  /** rank[row] = the row's position in ascending score order. */
  rank(): Uint32Array {
    const r = new Uint32Array(this.n);
    for (let k = 0; k < this.n; k++) r[this.order[k]] = k;
    return r;
  }

  /** For each of this set's sorted positions, the position of its row in another order (given as row → position). */
  mapOrder(rowToPos: Uint32Array): Uint32Array {
    const m = new Uint32Array(this.n);
    for (let k = 0; k < this.n; k++) m[k] = rowToPos[this.order[k]];
    return m;
  }

  compute(w: Weights, out: Float64Array): void {
    if (w === null && !this.llS) this.pointWalk(out);
    else this.run(w, this.order, out);
  }

  computeResample(w: Uint8Array, out: Float64Array): void {
    this.run(w, this.weightIndexSet || this.weightIndex !== null ? this.weightIndex : this.order, out);
  }

  /** The per-row terms in sorted order, made once. */
  private terms(): { llS: Float64Array; dS: Float64Array; binS: Uint8Array } {
    if (!this.llS || !this.dS || !this.binS) {
      const { n, yS, sS } = this;
      const llS = new Float64Array(n);
      const dS = new Float64Array(n);
      const binS = new Uint8Array(n);
      for (let k = 0; k < n; k++) {
        const yi = yS[k];
        const p = sS[k];
        llS[k] = logLossTerm(yi, p);
        dS[k] = yi - p;
        binS[k] = eceBin(p);
      }
      this.llS = llS;
      this.dS = dS;
      this.binS = binS;
    }
    return { llS: this.llS, dS: this.dS, binS: this.binS };
  }

  /**
   * run() with every weight 1, each row's terms computed as it is walked rather than kept: the same operations in the
   * same order (a weight of 1 multiplies exactly), so the same values, without 17 bytes per row of terms. On the way,
   * what `confusion()` and `curves()` walk the rows for: each row's prediction at the threshold counted, and the
   * curves' points taken, by the same operations in the same order as theirs (counts of whole rows, exact).
   */
  private pointWalk(out: Float64Array): void {
    const { flags, sS, kThr, threshold } = this;
    const pos = this.positives;
    const neg = this.n - pos;
    // the curves (as `curves(CURVE_POINTS)` takes them): none with one class only
    const points = pos > 0 && neg > 0 ? new CurvePoints(pos, neg, CURVE_POINTS) : undefined;
    // rows predicted positive (score >= threshold), by class
    let predTp = 0;
    let predFp = 0;
    const bins = this.binAcc;
    bins.fill(0);
    let tp = 0;
    let fp = 0;
    let prevTp = 0;
    let prevFp = 0;
    let auc = 0;
    let ap = 0;
    let tpAt = 0;
    let fpAt = 0;
    let ll = 0;
    let sq = 0;
    // the scores fall as the walk goes down, so each one's calibration bin is found from the last one's, down
    // (eceBin's result: the number of inner edges below the score; NaN, at either end of the order, in bin 0)
    let bin = ECE_BINS - 1;
    for (let k = this.n - 1; k >= 0; k--) {
      const f = flags[k];
      const yi = f & 1;
      tp += yi;
      fp += 1 - yi;
      const p = sS[k];
      ll += logLossTerm(yi, p);
      const d = yi - p;
      sq += d * d;
      if (!Number.isNaN(p)) {
        while (bin > 0 && !(ECE_EDGES[bin - 1] < p)) bin--;
        bins[bin] += d;
      } else bins[0] += d;
      if (p >= threshold) {
        predTp += yi;
        predFp += 1 - yi;
      }
      if (f & 2) {
        auc += (fp - prevFp) * (tp + prevTp);
        if (tp !== prevTp) ap += (tp - prevTp) * (tp / (tp + fp));
        prevTp = tp;
        prevFp = fp;
        if (k === kThr) {
          tpAt = tp;
          fpAt = fp;
        }
        if (points) points.at(tp, fp, k === 0);
      }
    }
    this.walked = {
      confusion: [
        [neg - predFp, predFp],
        [pos - predTp, predTp],
      ],
      curves: points ? { roc: points.roc, pr: points.pr } : { roc: [], pr: [] },
    };
    this.finish(out, tp, fp, tpAt, fpAt, auc, ap, ll, sq);
  }

  set resampleIndex(v: Uint32Array | null) {
    this.weightIndex = v;
    this.weightIndexSet = true;
  }

  private run(w: Weights, widx: Uint32Array | null, out: Float64Array): void {
    const { flags, kThr } = this;
    const { llS, dS, binS } = this.terms();
    const bins = this.binAcc;
    bins.fill(0);
    let tp = 0;
    let fp = 0;
    let prevTp = 0;
    let prevFp = 0;
    let auc = 0;
    let ap = 0;
    let tpAt = 0; // weighted positives / negatives predicted positive (score >= threshold)
    let fpAt = 0;
    let ll = 0;
    let sq = 0;
    // Walk from the highest score down; a tie group ends where flags bit 1 is set.
    for (let k = this.n - 1; k >= 0; k--) {
      const wi = w === null ? 1 : widx === null ? w[k] : w[widx[k]];
      const f = flags[k];
      const wy = wi * (f & 1);
      tp += wy;
      fp += wi - wy;
      const d = dS[k];
      ll += wi * llS[k];
      sq += wi * d * d;
      bins[binS[k]] += wi * d;
      if (f & 2) {
        auc += (fp - prevFp) * (tp + prevTp);
        if (tp !== prevTp) ap += (tp - prevTp) * (tp / (tp + fp));
        prevTp = tp;
        prevFp = fp;
        if (k === kThr) {
          tpAt = tp;
          fpAt = fp;
        }
      }
    }
    this.finish(out, tp, fp, tpAt, fpAt, auc, ap, ll, sq);
  }

  /** The metrics from a walk's sums (binAcc holds its calibration bins). */
  private finish(
    out: Float64Array,
    tp: number,
    fp: number,
    tpAt: number,
    fpAt: number,
    aucSum: number,
    ap: number,
    ll: number,
    sq: number,
  ): void {
    const bins = this.binAcc;
    const auc = aucSum / 2;
    const pos = tp;
    const neg = fp;
    const total = pos + neg;
    const fnAt = pos - tpAt;
    const tnAt = neg - fpAt;
    const precision = tpAt + fpAt === 0 ? 0 : tpAt / (tpAt + fpAt);
    const recall = pos === 0 ? 0 : tpAt / pos;
    let ece = 0;
    for (let b = 0; b < ECE_BINS; b++) ece += Math.abs(bins[b]);
    out[0] = total === 0 ? Number.NaN : (tpAt + tnAt) / total;
    out[1] = precision;
    out[2] = recall;
    out[3] = f1of(precision, recall);
    out[4] = neg === 0 ? 0 : tnAt / neg;
    out[5] = total === 0 ? Number.NaN : (tpAt + fpAt) / total;
    out[6] = pos === 0 || neg === 0 ? Number.NaN : auc / (pos * neg);
    out[7] = pos === 0 ? Number.NaN : ap / pos;
    out[8] = total === 0 ? Number.NaN : ll / total;
    out[9] = total === 0 ? Number.NaN : sq / total;
    out[10] = total === 0 ? Number.NaN : ece / total;
    void fnAt;
  }

  /** [[TN, FP], [FN, TP]] at the threshold: rows actual (negative, positive), columns predicted. */
  confusion(w: Weights = null): number[][] {
    const walked = w === null ? this.walked?.confusion : undefined;
    if (walked) {
      this.walked!.confusion = undefined; // handed out once
      return walked;
    }
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let tn = 0;
    for (let k = 0; k < this.n; k++) {
      const wi = w === null ? 1 : w[this.order[k]];
      const predPos = this.sS[k] >= this.threshold;
      if (this.yS[k]) predPos ? (tp += wi) : (fn += wi);
      else predPos ? (fp += wi) : (tn += wi);
    }
    return [
      [tn, fp],
      [fn, tp],
    ];
  }

  /**
   * ROC (fpr, tpr) and PR (recall, precision) points at distinct scores, thinned to those where the false-positive
   * rate or the true-positive rate has moved on by 1/(max − 1) since the last point kept (the first and last always
   * kept): at most 2·max points, spread along the curve rather than over the rows, so that where positives are rare
   * the steep low-FPR part keeps its points. Memory stays O(max) for any row count.
   */
  curves(max = CURVE_POINTS): Curves {
    const walked = max === CURVE_POINTS ? this.walked?.curves : undefined;
    if (walked) {
      this.walked!.curves = undefined; // handed out once
      return walked;
    }
    const pos = this.positives;
    const neg = this.n - pos;
    if (pos === 0 || neg === 0) return { roc: [], pr: [] };
    const points = new CurvePoints(pos, neg, max);
    let tp = 0;
    let fp = 0;
    for (let k = this.n - 1; k >= 0; k--) {
      const f = this.flags[k];
      if (f & 1) tp++;
      else fp++;
      if (f & 2) points.at(tp, fp, k === 0);
    }
    return { roc: points.roc, pr: points.pr };
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Multiclass

export class MulticlassMetricSet implements MetricSet {
  readonly names = MULTICLASS_METRICS;
  readonly n: number;
  private readonly pred: Uint32Array;
  private readonly ll: Float64Array;
  private readonly hit: Uint8Array;
  private readonly cm: Float64Array;

  /**
   * `y`: class index per row (0..k-1); `proba`: row-major n × k probabilities, column j for class j.
   * The predicted class is the first argmax (numpy's). top_k_accuracy uses k = topK (scikit-learn's default 2).
   */
  constructor(
    readonly y: Uint32Array,
    proba: Float32Array | Float64Array,
    readonly k: number,
    readonly topK = 2,
  ) {
    const n = y.length;
    this.n = n;
    this.pred = new Uint32Array(n);
    this.ll = new Float64Array(n);
    this.hit = new Uint8Array(n);
    this.cm = new Float64Array(k * k);
    for (let i = 0; i < n; i++) {
      const row = i * k;
      let best = 0;
      let sum = 0;
      for (let j = 0; j < k; j++) {
        const p = proba[row + j];
        if (p > proba[row + best]) best = j;
        sum += p < EPS ? EPS : p > 1 - EPS ? 1 - EPS : p;
      }
      this.pred[i] = best;
      const yi = y[i];
      const pyRaw = proba[row + yi];
      const py = pyRaw < EPS ? EPS : pyRaw > 1 - EPS ? 1 - EPS : pyRaw;
      this.ll[i] = -Math.log(py / sum);
      // scikit-learn: argsort (stable, ascending) reversed, so ties rank the higher class index first
      let ahead = 0;
      for (let j = 0; j < k; j++) {
        const p = proba[row + j];
        if (p > pyRaw || (p === pyRaw && j > yi)) ahead++;
      }
      this.hit[i] = ahead < topK ? 1 : 0;
    }
  }

  compute(w: Weights, out: Float64Array): void {
    const { k, cm, y, pred, ll, hit } = this;
    cm.fill(0);
    let total = 0;
    let llSum = 0;
    let hits = 0;
    for (let i = 0; i < this.n; i++) {
      const wi = w === null ? 1 : w[i];
      if (wi === 0) continue;
      cm[y[i] * k + pred[i]] += wi;
      total += wi;
      llSum += wi * ll[i];
      hits += wi * hit[i];
    }
    let correct = 0;
    let labels = 0;
    let pSum = 0;
    let rSum = 0;
    let fSum = 0;
    let pW = 0;
    let rW = 0;
    let fW = 0;
    let support = 0;
    for (let c = 0; c < k; c++) {
      const tp = cm[c * k + c];
      correct += tp;
      let trueC = 0;
      let predC = 0;
      for (let j = 0; j < k; j++) {
        trueC += cm[c * k + j];
        predC += cm[j * k + c];
      }
      if (trueC === 0 && predC === 0) continue;
      labels++;
      const p = predC === 0 ? 0 : tp / predC;
      const r = trueC === 0 ? 0 : tp / trueC;
      const f = f1of(p, r);
      pSum += p;
      rSum += r;
      fSum += f;
      pW += trueC * p;
      rW += trueC * r;
      fW += trueC * f;
      support += trueC;
    }
    out[0] = total === 0 ? Number.NaN : correct / total;
    out[1] = labels === 0 ? Number.NaN : pSum / labels;
    out[2] = labels === 0 ? Number.NaN : rSum / labels;
    out[3] = labels === 0 ? Number.NaN : fSum / labels;
    out[4] = support === 0 ? 0 : pW / support;
    out[5] = support === 0 ? 0 : rW / support;
    out[6] = support === 0 ? 0 : fW / support;
    out[7] = total === 0 ? Number.NaN : llSum / total;
    out[8] = total === 0 ? Number.NaN : hits / total;
  }

  confusion(w: Weights = null): number[][] {
    const { k } = this;
    const m = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    for (let i = 0; i < this.n; i++) m[this.y[i]][this.pred[i]] += w === null ? 1 : w[i];
    return m;
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Regression

export class RegressionMetricSet implements MetricSet {
  readonly names = REGRESSION_METRICS;
  readonly n: number;
  private readonly ae: Float64Array;
  private readonly aeOrder: Uint32Array;
  private readonly aeSorted: Float64Array;
  /** Rows whose target is 0: skipped by mape (and counted in the record). */
  readonly zeroTargets: number;

  constructor(
    readonly y: Float64Array,
    readonly pred: Float64Array,
  ) {
    const n = y.length;
    this.n = n;
    this.ae = new Float64Array(n);
    let zeros = 0;
    for (let i = 0; i < n; i++) {
      this.ae[i] = Math.abs(y[i] - pred[i]);
      if (y[i] === 0) zeros++;
    }
    this.zeroTargets = zeros;
    this.aeOrder = argsortAscending(this.ae);
    this.aeSorted = new Float64Array(n);
    for (let k = 0; k < n; k++) this.aeSorted[k] = this.ae[this.aeOrder[k]];
  }

  compute(w: Weights, out: Float64Array): void {
    const { y, pred, ae, n } = this;
    let total = 0;
    let sumAe = 0;
    let sumSe = 0;
    let sumY = 0;
    let maxErr = Number.NEGATIVE_INFINITY;
    let apeSum = 0;
    let apeW = 0;
    for (let i = 0; i < n; i++) {
      const wi = w === null ? 1 : w[i];
      if (wi === 0) continue;
      const e = ae[i];
      total += wi;
      sumAe += wi * e;
      const d = y[i] - pred[i];
      sumSe += wi * d * d;
      sumY += wi * y[i];
      if (e > maxErr) maxErr = e;
      if (y[i] !== 0) {
        apeSum += (wi * e) / Math.abs(y[i]);
        apeW += wi;
      }
    }
    if (total === 0) {
      out.fill(Number.NaN);
      return;
    }
    const mean = sumY / total;
    let sst = 0;
    for (let i = 0; i < n; i++) {
      const wi = w === null ? 1 : w[i];
      if (wi === 0) continue;
      const d = y[i] - mean;
      sst += wi * d * d;
    }
    out[0] = sumAe / total;
    out[1] = Math.sqrt(sumSe / total);
    // scikit-learn's force_finite: a constant target gives 1 for a perfect fit, else 0
    out[2] = sst === 0 ? (sumSe === 0 ? 1 : 0) : 1 - sumSe / sst;
    out[3] = apeW === 0 ? Number.NaN : apeSum / apeW;
    out[4] = this.weightedMedian(w, total);
    out[5] = maxErr;
  }

  /** The median of the absolute errors of the rows repeated by their weights (np.median of the repeated rows). */
  private weightedMedian(w: Weights, total: number): number {
    const { aeOrder, aeSorted, n } = this;
    const lo = Math.floor((total - 1) / 2);
    const hi = Math.floor(total / 2);
    let cum = 0;
    let loVal = Number.NaN;
    for (let k = 0; k < n; k++) {
      const wi = w === null ? 1 : w[aeOrder[k]];
      if (wi === 0) continue;
      const next = cum + wi;
      if (Number.isNaN(loVal) && lo < next) loVal = aeSorted[k];
      if (hi < next) return (loVal + aeSorted[k]) / 2;
      cum = next;
    }
    return loVal;
  }
}

/** Linear-interpolated percentile of sorted finite values (numpy's default method). */
export function percentile(sorted: Float64Array | number[], q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const pos = (q / 100) * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
