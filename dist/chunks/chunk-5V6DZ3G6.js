import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  argsortAscending,
  sortFloat32,
  sortFloat32Labeled,
  valueOfKey
} from "./chunk-2EP4N2N2.js";
import {
  keyOf
} from "./chunk-4PYCTCDN.js";
import {
  CheckFailed,
  UserError
} from "./chunk-VPZGVLTG.js";

// src/evaluate/classes.ts
function sortKeys(keys) {
  const numeric = keys.every((k) => k !== "" && Number.isFinite(Number(k)));
  return [...keys].sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => a < b ? -1 : a > b ? 1 : 0);
}
var labelKey = (v) => keyOf(v) ?? String(v);
function listed(values, max = 6) {
  const shown = values.slice(0, max).map((v) => v !== "" && Number.isFinite(Number(v)) ? v : JSON.stringify(v));
  return `${shown.join(", ")}${values.length > max ? `, \u2026 (${values.length} in all)` : ""}`;
}
function counted(labels, counts) {
  return labels.slice(0, 5).map((k) => `"${k}" (${counts.get(k) ?? 0} rows)`).join(", ");
}
var yamlKey = (l) => /^[A-Za-z_][\w-]*$/.test(l) || l !== "" && Number.isFinite(Number(l)) ? l : JSON.stringify(l);
function mapping(spec) {
  const out = /* @__PURE__ */ new Map();
  const from = /* @__PURE__ */ new Map();
  for (const [label, cls] of Object.entries(spec.labels ?? {})) {
    const l = labelKey(label);
    const c = labelKey(cls);
    const other = from.get(c);
    if (other !== void 0 && other !== l) {
      throw new UserError(
        `spec.label.labels maps both ${JSON.stringify(other)} and ${JSON.stringify(l)} to the model's class ${JSON.stringify(c)}; map each class from one label`
      );
    }
    from.set(c, l);
    out.set(l, c);
  }
  return out;
}
function boolSpelling(label, cls) {
  const l = label.toLowerCase();
  return l === "true" && cls === "1" || l === "false" && cls === "0";
}
function columnClasses(source, width, graph, spec, counts, data) {
  const map = mapping(spec);
  const declared = spec.classes?.map(labelKey);
  const from = graph ? "graph" : declared ? "declared" : "index";
  const classes = graph ?? declared ?? Array.from({ length: width }, (_, j) => String(j));
  const whose = from === "graph" ? "the model's classes (named in its graph)" : from === "declared" ? "spec.label.classes" : `the model's columns 0 to ${width - 1} (its graph names no classes)`;
  if (classes.length !== width) {
    throw new CheckFailed(
      `${source}: ${width} probability column${width === 1 ? "" : "s"} for ${classes.length} classes [${listed(classes)}] (${whose}); declare spec.label.classes with one label per column, in the model's column order`
    );
  }
  const byClass = new Map([...map].map(([l, c]) => [c, l]));
  for (const [l, c] of map) {
    if (!classes.includes(c)) {
      throw new UserError(
        `spec.label.labels maps ${JSON.stringify(l)} to ${JSON.stringify(c)}, which is not one of ${whose}: [${listed(classes)}]`
      );
    }
  }
  const labels = classes.map((c) => byClass.get(c) ?? c);
  const observed = sortKeys([...counts.keys()]);
  const wanted = [.../* @__PURE__ */ new Set([...observed, ...from === "graph" && declared ? declared : []])];
  for (const w of wanted) {
    if (labels.includes(w) || map.has(w)) continue;
    const j = classes.findIndex((c, i) => !byClass.has(c) && labels[i] === c && boolSpelling(w, c));
    if (j >= 0) labels[j] = w;
  }
  const unknown = wanted.filter((w) => !labels.includes(w));
  if (unknown.length === 0) return { labels, classes, source: from };
  const column = `${data}: label "${spec.column}"`;
  if (from === "declared") {
    throw new CheckFailed(
      `${column} has values outside the classes [${classes.join(", ")}]: ${counted(unknown, counts)}; fix the data or spec.label.classes`
    );
  }
  const known = observed.filter((w) => labels.includes(w));
  if (known.length > 0 && unknown.every((w) => counts.has(w))) {
    throw new CheckFailed(
      `${column} has values outside ${whose}: [${listed(classes)}]: ${counted(unknown, counts)}; fix the data, or map them in spec.label.labels`
    );
  }
  if (from === "index") {
    const eg2 = wanted.slice(0, width);
    throw new UserError(
      `${source}: the model's graph names no classes for its ${width} probability column${width === 1 ? "" : "s"}, and label "${spec.column}" in ${data} has ${listed(observed)}, not the column numbers 0 to ${width - 1}: which column is which cannot be told. Set spec.label.classes to the labels in the order of the model's columns (e.g. classes: [${eg2.join(", ")}] if column 0 is the probability of ${JSON.stringify(eg2[0])}), or spec.label.labels to each label's column (e.g. labels: {${eg2.map((l, j) => `${yamlKey(l)}: ${j}`).join(", ")}})`
    );
  }
  const eg = wanted.slice(0, classes.length);
  throw new UserError(
    `${source}: the model's classes are [${listed(classes)}] (named in its graph), and ${listed(unknown)} ${unknown.length === 1 ? "is" : "are"} not among them. If they are the same classes under other names, say which is which in spec.label.labels (label: the model's class), e.g. labels: {${eg.map((l, j) => `${yamlKey(l)}: ${yamlKey(classes[j])}`).join(", ")}} if ${JSON.stringify(eg[0])} is the model's class ${listed([classes[0]])}`
  );
}
function conventionalPositive(classes) {
  const set = new Set(classes.map((c) => c.toLowerCase()));
  if ([...set].every((c) => c === "0" || c === "1")) return classes.find((c) => c === "1") ?? "1";
  if ([...set].every((c) => c === "false" || c === "true")) return classes.find((c) => c.toLowerCase() === "true");
  return void 0;
}
function declaredPositive(spec, classes, oneColumn) {
  if (spec.positive !== void 0) return labelKey(spec.positive);
  if (!oneColumn) return void 0;
  const p = conventionalPositive(classes);
  if (p !== void 0) return p;
  throw new UserError(
    `the model gives one score per row, the probability of one class, and label "${spec.column}" has ${listed(classes)}: which class the score is for cannot be told. Set spec.label.positive to that class`
  );
}

// src/evaluate/metrics.ts
function alignResampleOrder(sets) {
  const first = sets[0];
  if (!(first instanceof BinaryMetricSet)) return;
  first.resampleIndex = null;
  if (sets.length === 1) return;
  const rank = first.rank();
  for (const s of sets.slice(1)) {
    if (s instanceof BinaryMetricSet) s.resampleIndex = s.mapOrder(rank);
  }
}
var BINARY_METRICS = [
  "accuracy",
  "precision",
  "recall",
  "f1",
  "specificity",
  "positive_rate",
  "roc_auc",
  "average_precision",
  "log_loss",
  "brier",
  "ece"
];
var MULTICLASS_METRICS = [
  "accuracy",
  "precision_macro",
  "recall_macro",
  "f1_macro",
  "precision_weighted",
  "recall_weighted",
  "f1_weighted",
  "log_loss",
  "top_k_accuracy"
];
var REGRESSION_METRICS = ["mae", "rmse", "r2", "mape", "median_ae", "max_error"];
var EPS = 2220446049250313e-31;
var ECE_BINS = 10;
var ECE_EDGES = Array.from({ length: ECE_BINS - 1 }, (_, i) => (i + 1) * (1 / ECE_BINS));
function eceBin(p) {
  let b = 0;
  while (b < ECE_EDGES.length && ECE_EDGES[b] < p) b++;
  return b;
}
function logLossTerm(yi, p) {
  const pc = p < EPS ? EPS : p > 1 - EPS ? 1 - EPS : p;
  const q = 1 - pc;
  const s = q + pc;
  return -Math.log((yi ? pc : q) / s);
}
function f1of(p, r) {
  const d = p + r;
  return d === 0 ? 0 : 2 * p * r / d;
}
var BinaryMetricSet = class {
  /**
   * `y`: 1 for the positive class, 0 otherwise; `score`: the positive class's probability or score. With
   * `orderOnDemand`, float32 scores are sorted with their labels only, and the rows' order (which weighted walks,
   * `rank` and `mapOrder` need) is sorted when first asked for: the point metrics alone need no order, and the
   * labels moved with the keys cost a byte where a row index costs four. The same order and values either way.
   */
  constructor(y, score, threshold, orderOnDemand = false) {
    this.threshold = threshold;
    const n = y.length;
    this.n = n;
    const labeled = orderOnDemand ? sortFloat32Labeled(score, y) : void 0;
    let yS;
    let sS;
    if (labeled) {
      this.unordered = score;
      yS = labeled.labels;
      sS = new Float64Array(n);
      const keys = labeled.keys;
      for (let k = 0; k < n; k++) sS[k] = valueOfKey(keys[k]);
    } else {
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
    for (let k = 0; k < n; k++) {
      const groupEnd = k === 0 || sS[k - 1] !== sS[k];
      flags[k] = yS[k] | (groupEnd ? 2 : 0);
      if (kThr === n && sS[k] >= threshold) kThr = k;
    }
    this.flags = flags;
    this.kThr = kThr;
  }
  threshold;
  names = BINARY_METRICS;
  n;
  orderOf;
  /** The scores, kept to sort the rows' order by when it is first asked for (an order made on demand). */
  unordered;
  // per-row terms, permuted into ascending score order
  yS;
  sS;
  /** bit 0: the row is positive; bit 1: the row ends a tie group when walking down from the highest score. */
  flags;
  /** The first sorted position predicted positive (score >= threshold); n when none. */
  kThr;
  // each row's log-loss term, its label minus its score, its calibration bin: made when a weighted walk first needs
  // them (the point estimate computes them as it walks)
  llS;
  dS;
  binS;
  binAcc = new Float64Array(ECE_BINS);
  /** The rows in ascending score order (stable): sorted when first asked for, with `orderOnDemand`. */
  get order() {
    this.orderOf ??= argsortAscending(this.unordered);
    return this.orderOf;
  }
  /** Where each sorted position's bootstrap weight is in the resampling order; null: the position itself. */
  weightIndex = null;
  weightIndexSet = false;
  /** rank[row] = the row's position in ascending score order. */
  rank() {
    const r = new Uint32Array(this.n);
    for (let k = 0; k < this.n; k++) r[this.order[k]] = k;
    return r;
  }
  /** For each of this set's sorted positions, the position of its row in another order (given as row → position). */
  mapOrder(rowToPos) {
    const m = new Uint32Array(this.n);
    for (let k = 0; k < this.n; k++) m[k] = rowToPos[this.order[k]];
    return m;
  }
  compute(w, out) {
    if (w === null && !this.llS) this.pointWalk(out);
    else this.run(w, this.order, out);
  }
  computeResample(w, out) {
    this.run(w, this.weightIndexSet || this.weightIndex !== null ? this.weightIndex : this.order, out);
  }
  /** The per-row terms in sorted order, made once. */
  terms() {
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
   * same order (a weight of 1 multiplies exactly), so the same values, without 17 bytes per row of terms.
   */
  pointWalk(out) {
    const { flags, sS, kThr } = this;
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
  set resampleIndex(v) {
    this.weightIndex = v;
    this.weightIndexSet = true;
  }
  run(w, widx, out) {
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
    let tpAt = 0;
    let fpAt = 0;
    let ll = 0;
    let sq = 0;
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
  finish(out, tp, fp, tpAt, fpAt, aucSum, ap, ll, sq) {
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
  confusion(w = null) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let tn = 0;
    for (let k = 0; k < this.n; k++) {
      const wi = w === null ? 1 : w[this.order[k]];
      const predPos = this.sS[k] >= this.threshold;
      if (this.yS[k]) predPos ? tp += wi : fn += wi;
      else predPos ? fp += wi : tn += wi;
    }
    return [
      [tn, fp],
      [fn, tp]
    ];
  }
  /**
   * ROC (fpr, tpr) and PR (recall, precision) points at distinct scores, thinned to those where the false-positive
   * rate or the true-positive rate has moved on by 1/(max − 1) since the last point kept (the first and last always
   * kept): at most 2·max points, spread along the curve rather than over the rows, so that where positives are rare
   * the steep low-FPR part keeps its points. Memory stays O(max) for any row count.
   */
  curves(max = 101) {
    let pos = 0;
    for (let k = 0; k < this.n; k++) pos += this.flags[k] & 1;
    const neg = this.n - pos;
    if (pos === 0 || neg === 0) return { roc: [], pr: [] };
    const r6 = (x) => Math.round(x * 1e6) / 1e6;
    const roc = [[0, 0]];
    const pr = [];
    const steps = max - 1;
    let tp = 0;
    let fp = 0;
    let lastTp = -1;
    let lastFp = -1;
    let first = true;
    for (let k = this.n - 1; k >= 0; k--) {
      const f = this.flags[k];
      if (f & 1) tp++;
      else fp++;
      if (f & 2) {
        const bt = Math.floor(tp * steps / pos);
        const bf = Math.floor(fp * steps / neg);
        if (first || bt !== lastTp || bf !== lastFp || k === 0) {
          roc.push([r6(fp / neg), r6(tp / pos)]);
          pr.push([r6(tp / pos), r6(tp / (tp + fp))]);
          lastTp = bt;
          lastFp = bf;
          first = false;
        }
      }
    }
    return { roc, pr };
  }
};
var MulticlassMetricSet = class {
  /**
   * `y`: class index per row (0..k-1); `proba`: row-major n × k probabilities, column j for class j.
   * The predicted class is the first argmax (numpy's). top_k_accuracy uses k = topK (scikit-learn's default 2).
   */
  constructor(y, proba, k, topK = 2) {
    this.y = y;
    this.k = k;
    this.topK = topK;
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
      let ahead = 0;
      for (let j = 0; j < k; j++) {
        const p = proba[row + j];
        if (p > pyRaw || p === pyRaw && j > yi) ahead++;
      }
      this.hit[i] = ahead < topK ? 1 : 0;
    }
  }
  y;
  k;
  topK;
  names = MULTICLASS_METRICS;
  n;
  pred;
  ll;
  hit;
  cm;
  compute(w, out) {
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
  confusion(w = null) {
    const { k } = this;
    const m = Array.from({ length: k }, () => new Array(k).fill(0));
    for (let i = 0; i < this.n; i++) m[this.y[i]][this.pred[i]] += w === null ? 1 : w[i];
    return m;
  }
};
var RegressionMetricSet = class {
  constructor(y, pred) {
    this.y = y;
    this.pred = pred;
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
  y;
  pred;
  names = REGRESSION_METRICS;
  n;
  ae;
  aeOrder;
  aeSorted;
  /** Rows whose target is 0: skipped by mape (and counted in the record). */
  zeroTargets;
  compute(w, out) {
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
        apeSum += wi * e / Math.abs(y[i]);
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
    out[2] = sst === 0 ? sumSe === 0 ? 1 : 0 : 1 - sumSe / sst;
    out[3] = apeW === 0 ? Number.NaN : apeSum / apeW;
    out[4] = this.weightedMedian(w, total);
    out[5] = maxErr;
  }
  /** The median of the absolute errors of the rows repeated by their weights (np.median of the repeated rows). */
  weightedMedian(w, total) {
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
};
function percentile(sorted, q) {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const pos = q / 100 * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export {
  sortKeys,
  labelKey,
  listed,
  columnClasses,
  declaredPositive,
  alignResampleOrder,
  BINARY_METRICS,
  MULTICLASS_METRICS,
  REGRESSION_METRICS,
  BinaryMetricSet,
  MulticlassMetricSet,
  RegressionMetricSet,
  percentile
};
