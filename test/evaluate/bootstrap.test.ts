import assert from "node:assert/strict";
import { test } from "node:test";
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

test("the bootstrap in worker threads equals the one in this thread, and the candidate's better AUC is found", async () => {
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
  const specs: SetSpec[] = [
    { kind: "binary", y, score: a, threshold: 0.5 },
    { kind: "binary", y, score: b, threshold: 0.5 },
  ];
  const sets = specs.map(buildSet);
  const opts = { resamples: 600, seed: 9 };
  const here = pairedBootstrap(sets, opts);
  const there = await pairedBootstrapParallel(specs, sets, { ...opts, workers: 2 });
  assert.deepEqual(there, here);
  const d = here.deltas.roc_auc;
  assert.ok(d.lo > 0, "the candidate's AUC is higher and the interval excludes zero");
  assert.ok(here.intervals[0].roc_auc.lo < here.intervals[0].roc_auc.hi);
});
