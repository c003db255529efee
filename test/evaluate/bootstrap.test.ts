import assert from "node:assert/strict";
import { test } from "node:test";
import { Worker } from "node:worker_threads";
import {
  buildSet,
  pairedBootstrap,
  pairedBootstrapParallel,
  poissonWeights,
  type SetSpec,
} from "../../src/evaluate/bootstrap.ts";
import { rng } from "../support/sklearn.ts";

test("Poisson(1) weights: mean and variance 1, the same for the same (seed, resample), different otherwise", () => {
  const n = 200_000;
  const w = new Uint8Array(n);
  poissonWeights(w, 42, 3);
  let sum = 0;
  let sq = 0;
  const hist = new Array(8).fill(0);
  for (const v of w) {
    sum += v;
    sq += v * v;
    hist[Math.min(v, 7)]++;
  }
  const mean = sum / n;
  assert.ok(Math.abs(mean - 1) < 0.01, `mean ${mean}`);
  assert.ok(Math.abs(sq / n - mean * mean - 1) < 0.02, "variance");
  assert.ok(Math.abs(hist[0] / n - Math.exp(-1)) < 0.005, "P(0) = 1/e");
  assert.ok(Math.abs(hist[2] / n - Math.exp(-1) / 2) < 0.005, "P(2) = 1/(2e)");
  const again = new Uint8Array(n);
  poissonWeights(again, 42, 3);
  assert.deepEqual(again, w);
  poissonWeights(again, 42, 4);
  assert.notDeepEqual(again, w);
});

/** Two binary models on 40,000 rows: enough rows × resamples for the bootstrap to start workers. */
function pairedSpecs(): SetSpec[] {
  const r = rng(8);
  const n = 40_000;
  const y = new Uint8Array(n);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = r() < 0.4 ? 1 : 0;
    a[i] = Math.fround(Math.min(1, Math.max(0, 0.3 * y[i] + r() * 0.7)));
    b[i] = Math.fround(Math.min(1, Math.max(0, 0.2 * y[i] + r() * 0.8)));
  }
  return [
    { kind: "binary", y, score: a, threshold: 0.5 },
    { kind: "binary", y, score: b, threshold: 0.5 },
  ];
}

test("the bootstrap in worker threads equals the one in this thread, and the candidate's better AUC is found", async () => {
  const specs = pairedSpecs();
  const sets = specs.map(buildSet);
  const opts = { resamples: 600, seed: 9 };
  const here = pairedBootstrap(sets, opts);
  const { threads, ...there } = await pairedBootstrapParallel(specs, sets, { ...opts, workers: 2 });
  assert.deepEqual(threads, { used: 2, fallbacks: [] }, "the second range ran in a worker thread");
  assert.deepEqual(there, here);
  const d = here.deltas.roc_auc;
  assert.ok(d.lo > 0, "the candidate's AUC is higher and the interval excludes zero");
  assert.ok(here.intervals[0].roc_auc.lo < here.intervals[0].roc_auc.hi);
});

test("a worker that fails to start or exits without its resamples is reported, and its range runs here", async () => {
  const specs = pairedSpecs();
  const sets = specs.map(buildSet);
  const opts = { resamples: 600, seed: 9 };
  const here = pairedBootstrap(sets, opts);
  const failing = () => new Worker("throw new Error('no bootstrap here')", { eval: true });
  const { threads, ...there } = await pairedBootstrapParallel(specs, sets, {
    ...opts,
    workers: 3,
    startWorker: failing,
  });
  assert.deepEqual(there, here, "the same intervals, computed in this thread");
  assert.equal(threads.used, 1);
  assert.equal(threads.fallbacks.length, 2);
  assert.match(threads.fallbacks[0], /^resamples 200-399: no bootstrap here$/);
  const silent = () => new Worker("", { eval: true });
  const quiet = await pairedBootstrapParallel(specs, sets, { ...opts, workers: 2, startWorker: silent });
  assert.deepEqual(quiet.threads, {
    used: 1,
    fallbacks: ["resamples 300-599: the worker exited (code 0) without its resamples"],
  });
});
