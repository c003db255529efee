import { createRequire } from 'node:module';
import { c as sortedFloat32Keys, v as valueOfKey, b as argsortAscending } from './chunk-2EP4N2N2-TUQsqfkI.js';

const require$1 = createRequire(import.meta.url);

// src/monitor/cbpe.ts
function fitIsotonic(scores, labels) {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b] || labels[a] - labels[b]);
  const ux = [];
  const uy = [];
  const uw = [];
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
  const bv = [];
  const bw = [];
  const bl = [];
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
  const fitted = [];
  bv.forEach((v, b) => {
    for (let j = 0; j < bl[b]; j++) fitted.push(v);
  });
  const keep = fitted.map((v, i) => i === 0 || i === fitted.length - 1 || v !== fitted[i - 1] || v !== fitted[i + 1]);
  return {
    x: Float64Array.from(ux.filter((_, i) => keep[i])),
    y: Float64Array.from(fitted.filter((_, i) => keep[i]))
  };
}
function calibrate(c, s) {
  const { x, y } = c;
  const n = x.length;
  if (n === 0) return Number.NaN;
  if (s <= x[0]) return y[0];
  if (s >= x[n - 1]) return y[n - 1];
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = lo + hi >> 1;
    if (x[mid] <= s) lo = mid;
    else hi = mid;
  }
  const t = (s - x[lo]) / (x[hi] - x[lo]);
  return y[lo] + t * (y[hi] - y[lo]);
}
function calibrator(c) {
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
    let k = (s - x0) * scale | 0;
    if (k >= cells) k = cells - 1;
    let i = start[k];
    while (i + 1 < n - 1 && x[i + 1] <= s) i++;
    while (i > 0 && x[i] > s) i--;
    const t = (s - x[i]) / (x[i + 1] - x[i]);
    return y[i] + t * (y[i + 1] - y[i]);
  };
}
var ESTIMATED_METRICS = ["accuracy", "precision", "recall", "f1", "specificity", "roc_auc"];
function estimateMetrics(scores, chance, threshold) {
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
function fromMatrix(tp, fp, fn, tn, n, rocAuc) {
  const div = (a, b) => b > 0 ? a / b : Number.NaN;
  return {
    accuracy: div(tp + tn, n),
    precision: div(tp, tp + fp),
    recall: div(tp, tp + fn),
    f1: div(tp, tp + 0.5 * (fp + fn)),
    specificity: div(tn, tn + fp),
    roc_auc: rocAuc
  };
}
function estimateMetricsOneCalibration(scores, c, threshold) {
  const sorted = sortedFloat32Keys(scores);
  if (!sorted) return void 0;
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
      auc += (fpr - prevFpr) * (tpr + prevTpr) / 2;
      prevTpr = tpr;
      prevFpr = fpr;
    }
  }
  return fromMatrix(tp, fp, fn, tn, n, auc);
}
function estimateRocAuc(scores, chance) {
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
  for (let k = n - 1; k >= 0; ) {
    const s = scores[order[k]];
    while (k >= 0 && scores[order[k]] === s) {
      tps += chance[order[k]];
      fps += 1 - chance[order[k]];
      k--;
    }
    const tpr = tps / totalP;
    const fpr = fps / totalN;
    area += (fpr - prevFpr) * (tpr + prevTpr) / 2;
    prevTpr = tpr;
    prevFpr = fpr;
  }
  return area;
}
function estimatedPerformance(preds, versions, calibrators, threshold) {
  let all = true;
  const one = preds.length > 0 ? calibrators[versions[0]] : void 0;
  let same = true;
  for (let i = 0; all && i < preds.length; i++) {
    const c = calibrators[versions[i]];
    all = c !== void 0 && Number.isFinite(preds[i]);
    if (c !== one) same = false;
  }
  const fast = all && same && one ? estimateMetricsOneCalibration(preds, one, threshold) : void 0;
  if (fast) return estimated(fast, preds.length);
  if (all && preds.length > 0) {
    const chance2 = new Float64Array(preds.length);
    for (let i = 0; i < preds.length; i++) chance2[i] = calibrate(calibrators[versions[i]], preds[i]);
    return estimated(estimateMetrics(preds, chance2, threshold), preds.length);
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
  if (n === 0) return void 0;
  return estimated(estimateMetrics(scores.subarray(0, n), chance.subarray(0, n), threshold), n);
}
function estimated(m, rows) {
  const metrics = {};
  for (const k of ESTIMATED_METRICS) metrics[k] = Number.isFinite(m[k]) ? m[k] : null;
  return { method: "CBPE", rows, metrics };
}

export { estimatedPerformance as e, fitIsotonic as f };
