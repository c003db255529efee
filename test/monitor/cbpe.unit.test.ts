/**
 * CBPE, the estimate of a binary classifier's metrics before its labels arrive (issue #23 item 3): the isotonic
 * calibration on the reference, the expected confusion matrix at the deployed threshold, the estimated ROC AUC;
 * on values worked out by hand (scikit-learn's and NannyML's own numbers are checked in stats.test.ts).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  calibrate,
  calibrator,
  estimateMetrics,
  estimateMetricsOneCalibration,
  estimateRocAuc,
  fitIsotonic,
} from "../../src/monitor/cbpe.ts";
import { rng } from "../../src/util/random.ts";

const close = (a: number, b: number, tol = 1e-12, what = "") =>
  assert.ok(Math.abs(a - b) <= tol, `${what} ${a} is not within ${tol} of ${b}`);

test("isotonic calibration pools adjacent violators, averages equal scores, interpolates and clips", () => {
  const c = fitIsotonic([0.1, 0.2, 0.3, 0.4], [0, 1, 0, 1]);
  assert.deepEqual([...c.x], [0.1, 0.2, 0.3, 0.4]);
  assert.deepEqual([...c.y], [0, 0.5, 0.5, 1]);
  close(calibrate(c, 0.35), 0.75, 1e-12, "between thresholds");
  assert.equal(calibrate(c, -3), 0, "clipped below");
  assert.equal(calibrate(c, 9), 1, "clipped above");
  const ties = fitIsotonic([0.5, 0.5, 0.5, 0.9], [1, 0, 0, 1]);
  assert.deepEqual([...ties.x], [0.5, 0.9]);
  close(ties.y[0], 1 / 3);
  // points inside a run of equal fitted values change no prediction and are dropped
  const flat = fitIsotonic([1, 2, 3, 4, 5], [1, 0, 1, 0, 1]);
  assert.deepEqual(
    [...flat.y].map((v) => Math.round(v * 1000) / 1000),
    [0.5, 0.5, 1],
  );
  assert.equal(flat.x.length, 3);
});

test("the expected confusion matrix of calibrated scores gives the estimated metrics at the threshold", () => {
  const s = [0.9, 0.8, 0.3, 0.1];
  const m = estimateMetrics(s, s, 0.5);
  // TP = .9 + .8, FP = .1 + .2, FN = .3 + .1, TN = .7 + .9
  close(m.precision, 1.7 / 2.0, 1e-12, "precision");
  close(m.recall, 1.7 / 2.1, 1e-12, "recall");
  close(m.accuracy, (1.7 + 1.6) / 4, 1e-12, "accuracy");
  close(m.specificity, 1.6 / 1.9, 1e-12, "specificity");
  close(m.f1, 1.7 / (1.7 + 0.5 * (0.3 + 0.4)), 1e-12, "f1");
  const none = estimateMetrics([0.1], [0.1], 0.5);
  assert.ok(Number.isNaN(none.precision), "no row predicted positive: precision undefined");
});

test("estimated ROC AUC: the area under the expected ROC curve, whatever the order of rows", () => {
  const random = rng(7);
  const n = 200;
  const scores = Array.from({ length: n }, () => Math.round(random() * 50) / 50); // ties on purpose
  const chance = scores.map((x) => Math.min(1, Math.max(0, x * 0.8 + 0.1 * random())));
  // pairwise: a positive mass p_i above a negative mass (1 - p_j), ties and each row with itself counting half
  let num = 0;
  let P = 0;
  for (let i = 0; i < n; i++) {
    P += chance[i];
    for (let j = 0; j < n; j++) {
      const w = chance[i] * (1 - chance[j]);
      if (scores[i] > scores[j]) num += w;
      else if (scores[i] === scores[j]) num += w / 2;
    }
  }
  const want = num / (P * (n - P));
  close(estimateRocAuc(scores, chance), want, 1e-9, "AUC");
  const order = scores.map((_, i) => i).reverse();
  close(
    estimateRocAuc(
      order.map((i) => scores[i]),
      order.map((i) => chance[i]),
    ),
    want,
    1e-9,
    "reversed rows",
  );
  assert.ok(Number.isNaN(estimateRocAuc([0.5, 0.6], [1, 1])), "no expected negative: undefined");
});

test("one calibration for every row: the same estimate, bit for bit, without a chance per row", () => {
  const random = rng(11);
  const ref = Array.from({ length: 400 }, () => Math.fround(random()));
  const c = fitIsotonic(
    ref,
    ref.map((s) => (random() < s ? 1 : 0)),
  );
  // float32 scores with ties (a coarse grid), zeros of both signs, and the threshold itself
  const scores = Float64Array.from({ length: 5000 }, (_, i) =>
    i % 97 === 0 ? (i % 2 ? -0 : 0) : i % 89 === 0 ? 0.5 : Math.fround(Math.round(random() * 200) / 200),
  );
  const chance = Float64Array.from(scores, (s) => calibrate(c, s));
  // the table-led calibration finds calibrate's segment: on and beside every threshold, outside them, anywhere
  const at = calibrator(c);
  const probes = [...c.x].flatMap((x) => [x, x - 1e-9, x + 1e-9, Math.fround(x)]);
  for (const s of [...probes, -1, 2, Number.NaN, ...Array.from({ length: 2000 }, () => random() * 1.2 - 0.1)])
    assert.ok(Object.is(at(s), calibrate(c, s)), `calibrator(${s}) ${at(s)} is not calibrate's ${calibrate(c, s)}`);
  assert.deepEqual(estimateMetricsOneCalibration(scores, c, 0.5), estimateMetrics(scores, chance, 0.5));
  // scores that are not float32: none (the caller computes each row's chance)
  assert.equal(estimateMetricsOneCalibration(Float64Array.of(0.1, 0.2), c, 0.5), undefined);
});
