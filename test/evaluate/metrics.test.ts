import assert from "node:assert/strict";
import { test } from "node:test";
import {
  BinaryMetricSet,
  MulticlassMetricSet,
  RegressionMetricSet,
  type MetricSet,
} from "../../src/evaluate/metrics.ts";
import { assertClose, rng, sklearn } from "../support/sklearn.ts";

function values(set: MetricSet, w: Uint8Array | null = null): Record<string, number> {
  const out = new Float64Array(set.names.length);
  set.compute(w, out);
  return Object.fromEntries(set.names.map((n, i) => [n, out[i]]));
}

function poisson(n: number, rand: () => number): Uint8Array {
  const w = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    // Knuth's method, fine for tests
    let k = 0;
    let p = rand();
    while (p > Math.exp(-1)) {
      k++;
      p *= rand();
    }
    w[i] = k;
  }
  return w;
}

function binaryData(n: number, seed: number) {
  const r = rng(seed);
  const y = new Uint8Array(n);
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = r() < 0.3 ? 1 : 0;
    // float32 scores with ties (rounded to 1/200), some at the threshold, some at exactly 0 and 1
    const raw = Math.min(1, Math.max(0, 0.35 * y[i] + r() * 0.7 - 0.02));
    score[i] = Math.fround(Math.round(raw * 200) / 200);
  }
  return { y, score };
}

test("binary metrics agree with scikit-learn to 1e-9, ties, 0 and 1 scores included", async () => {
  const { y, score } = binaryData(3000, 1);
  const set = new BinaryMetricSet(y, score, 0.5);
  const ours = values(set);
  const ref = await sklearn({ task: "binary", y: Array.from(y), score: Array.from(score), threshold: 0.5 });
  for (const name of set.names) assertClose(ours[name], ref[name], name);
  assert.deepEqual(set.confusion(), ref.confusion);
});

test("binary metrics under bootstrap weights equal scikit-learn on the repeated rows", async () => {
  const { y, score } = binaryData(2000, 2);
  const w = poisson(y.length, rng(3));
  const set = new BinaryMetricSet(y, score, 0.4);
  const ours = values(set, w);
  const ref = await sklearn({
    task: "binary",
    y: Array.from(y),
    score: Array.from(score),
    threshold: 0.4,
    weights: Array.from(w),
  });
  for (const name of set.names) assertClose(ours[name], ref[name], `weighted ${name}`);
});

test("binary scores that are not float32 (float64 outputs) sort and agree too", async () => {
  const r = rng(9);
  const n = 1500;
  const y = new Uint8Array(n);
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = r() < 0.5 ? 1 : 0;
    score[i] = 1 / (1 + Math.exp(-(y[i] * 1.2 + r() * 2 - 1.6)));
  }
  const set = new BinaryMetricSet(y, score, 0.5);
  const ours = values(set);
  const ref = await sklearn({ task: "binary", y: Array.from(y), score: Array.from(score), threshold: 0.5 });
  for (const name of set.names) assertClose(ours[name], ref[name], name);
});

test("multiclass metrics agree with scikit-learn, plain and weighted", async () => {
  const r = rng(4);
  const n = 2500;
  const k = 4;
  const y = new Uint32Array(n);
  const proba = new Float32Array(n * k);
  for (let i = 0; i < n; i++) {
    y[i] = Math.floor(r() * k);
    let sum = 0;
    for (let j = 0; j < k; j++) {
      const v = r() + (j === y[i] ? 0.6 : 0) + (j === 3 ? -0.5 : 0);
      proba[i * k + j] = Math.max(v, 0);
      sum += Math.max(v, 0);
    }
    for (let j = 0; j < k; j++) proba[i * k + j] = Math.round((proba[i * k + j] / sum) * 50) / 50;
  }
  const set = new MulticlassMetricSet(y, proba, k);
  const args = { task: "multiclass", y: Array.from(y), proba: Array.from(proba), k };
  const ours = values(set);
  const ref = await sklearn(args);
  for (const name of set.names) assertClose(ours[name], ref[name], name);
  assert.deepEqual(set.confusion(), ref.confusion);
  const w = poisson(n, rng(5));
  const oursW = values(set, w);
  const refW = await sklearn({ ...args, weights: Array.from(w) });
  for (const name of set.names) assertClose(oursW[name], refW[name], `weighted ${name}`);
});

test("regression metrics agree with scikit-learn; mape skips zero targets", async () => {
  const r = rng(6);
  const n = 2001;
  const y = new Float64Array(n);
  const pred = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % 50 === 0 ? 0 : 1000 + Math.round(r() * 400 - 200);
    pred[i] = Math.fround(y[i] + (r() - 0.5) * 60);
  }
  const set = new RegressionMetricSet(y, pred);
  assert.equal(set.zeroTargets, 41);
  const args = { task: "regression", y: Array.from(y), pred: Array.from(pred) };
  const ours = values(set);
  const ref = await sklearn(args);
  for (const name of set.names) assertClose(ours[name], ref[name], name);
  const w = poisson(n, rng(7));
  const oursW = values(set, w);
  const refW = await sklearn({ ...args, weights: Array.from(w) });
  for (const name of set.names) assertClose(oursW[name], refW[name], `weighted ${name}`);
});

test("the record's ROC curve keeps the low false-positive region when positives are rare", () => {
  // 1% positives scored 0.9–1, negatives 0–0.92: the ROC curve climbs from TPR 0.8 to 1 within FPR 0–0.022
  const r = rng(11);
  const n = 100_000;
  const y = new Uint8Array(n);
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = r() < 0.01 ? 1 : 0;
    score[i] = Math.fround(y[i] ? 0.9 + r() * 0.1 : r() * 0.92);
  }
  const { roc, pr } = new BinaryMetricSet(y, score, 0.5).curves();
  assert.ok(roc.length <= 2 * 101 + 1 && pr.length === roc.length - 1, `${roc.length} points`);
  const low = roc.filter(([fpr]) => fpr > 0 && fpr <= 0.022);
  assert.ok(low.length >= 10, `${low.length} points at FPR ≤ 0.022: ${JSON.stringify(roc.slice(0, 30))}`);
  assert.deepEqual(roc[0], [0, 0]);
  assert.deepEqual(roc[roc.length - 1], [1, 1]);
});
