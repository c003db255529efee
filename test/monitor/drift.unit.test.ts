/**
 * The drift tests of `modelgate monitor` (issue #23 item 2), on values worked out by hand: Evidently's choice of test
 * by reference size and cardinality, each statistic on binned counts, the multiple-testing corrections, and the
 * distributions the p-values come from. SciPy's own numbers are checked in stats.test.ts (it needs python).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  adjustPValues,
  binPoints,
  cardinality,
  chiSquareGof,
  chooseTest,
  type ColumnCounts,
  type ColumnReference,
  DEFAULT_DRIFT,
  driftTable,
  jensenShannon,
  ksStatistic,
  type NumericReference,
  referenceOf,
  wassersteinNormed,
  zTest,
} from "../../src/monitor/drift.ts";
import { kolmogorovSurvival, ksTwoSampleP, normalTwoSided } from "../../src/monitor/stats.ts";

const close = (a: number, b: number, tol = 1e-9, what = "") =>
  assert.ok(Math.abs(a - b) <= tol, `${what} ${a} is not within ${tol} of ${b}`);

/** A reference of decile bins over 0..100 (edges 10, 20, …, 90). */
const deciles = (rows: number, extra: Partial<NumericReference> = {}): NumericReference => ({
  kind: "numeric",
  edges: [10, 20, 30, 40, 50, 60, 70, 80, 90],
  fractions: new Array(10).fill(0.1),
  rows,
  distinct: 101,
  std: 28.87,
  min: 0,
  max: 100,
  ...extra,
});
const counts = (c: number[], distinct = 6): ColumnCounts => ({ kind: "numeric", counts: c, distinct });
const cats = (o: Record<string, number>): ColumnCounts => ({ kind: "categorical", counts: new Map(Object.entries(o)) });

test("Evidently's choice: KS / chi-square / z up to 1,000 reference rows, Wasserstein / Jensen-Shannon above", () => {
  const many = counts(new Array(10).fill(10));
  assert.equal(chooseTest(deciles(1000), many, "auto").test, "ks");
  assert.equal(chooseTest(deciles(1001), many, "auto").test, "wasserstein");
  const region: ColumnReference = { kind: "categorical", fractions: { eu: 0.3, na: 0.5, apac: 0.2 }, rows: 800 };
  assert.equal(chooseTest(region, cats({ eu: 3, na: 5 }), "auto").test, "chisquare");
  assert.equal(chooseTest({ ...region, rows: 5000 }, cats({ eu: 3, na: 5 }), "auto").test, "jensenshannon");
  const flag: ColumnReference = { kind: "categorical", fractions: { no: 0.9, yes: 0.1 }, rows: 500 };
  assert.equal(chooseTest(flag, cats({ no: 9, yes: 1 }), "auto").test, "z");
  // a numeric column of few values is tested as categories: chi-square (3 to 5 values), z (2), JS (large reference)
  const binary: NumericReference = { kind: "numeric", edges: [0], fractions: [0.9, 0.1], rows: 500, distinct: 2 };
  assert.equal(chooseTest(binary, counts([90, 10], 2), "auto").test, "z");
  assert.equal(chooseTest({ ...binary, rows: 5000 }, counts([90, 10], 2), "auto").test, "jensenshannon");
  const few: NumericReference = {
    kind: "numeric",
    edges: [1, 2, 3],
    fractions: [0.4, 0.3, 0.2, 0.1],
    rows: 900,
    distinct: 4,
  };
  assert.equal(chooseTest(few, counts([4, 3, 2, 1], 4), "auto").test, "chisquare");
  // Evidently counts the values of both samples: a window with more than 5 values makes it a continuous column
  assert.equal(cardinality(few, counts([4, 3, 2, 1], 6)), 6);
  assert.equal(chooseTest(few, counts([4, 3, 2, 1], 6), "auto").test, "ks");
  // an older profile without `distinct`: deduplicated edges say how many values the column has
  const { distinct: _d, ...old } = few;
  assert.equal(cardinality(old, counts([4, 3, 2, 1], 3)), 4);
  assert.equal(cardinality({ ...deciles(900), distinct: undefined }, counts(new Array(10).fill(1), 3)), 6);
  // a named test is used where it applies; a numeric-only test on a categorical column falls back, saying so
  assert.equal(chooseTest(deciles(5000), many, "ks").test, "ks");
  const r = chooseTest(region, cats({ eu: 1 }), "wasserstein");
  assert.equal(r.test, "chisquare");
  assert.match(r.note ?? "", /wasserstein applies to numeric columns; chisquare was used/);
});

test("KS on bins: the largest CDF gap at the bin edges, with SciPy's exact two-sample p-value", () => {
  // reference uniform over deciles; the window puts 30% in each of the first three bins and 10% in the fourth
  const d = ksStatistic(new Array(10).fill(0.1), [30, 30, 30, 10, 0, 0, 0, 0, 0, 0]);
  close(d, 0.6, 1e-12, "D");
  // P(D_{n,n} >= 1) = 2 / C(2n, n): every one of the first sample's values below every one of the second's
  close(ksTwoSampleP(1, 5, 5), 2 / 252, 1e-15, "n = m = 5");
  close(ksTwoSampleP(1, 3, 4), 2 / 35, 1e-15, "n = 3, m = 4");
  assert.equal(ksTwoSampleP(0, 100, 100), 1);
  // the asymptotic form, beyond 10,000 rows: Q(λ) = 2 Σ (-1)^(j-1) e^(-2 j² λ²), λ = (√n + 0.12 + 0.11/√n) d
  const n = Math.round((20_000 * 1_000) / 21_000);
  const lambda = (Math.sqrt(n) + 0.12 + 0.11 / Math.sqrt(n)) * 0.05;
  let q = 0;
  for (let j = 1; j < 50; j++) q += 2 * (-1) ** (j - 1) * Math.exp(-2 * j * j * lambda * lambda);
  close(ksTwoSampleP(0.05, 20_000, 1_000), q, 1e-12, "asymptotic");
  close(kolmogorovSurvival(0.05, n), q, 1e-12);
});

test("chi-square goodness of fit and the z-test, as Evidently calls them", () => {
  // expected 20/20/10 for 50 rows; observed 30/10/10: (100/20 + 100/20 + 0) = 10 on 2 degrees of freedom
  const x = chiSquareGof([0.4, 0.4, 0.2], [30, 10, 10]);
  close(x.statistic, 10, 1e-12, "X²");
  close(x.p, Math.exp(-10 / 2), 1e-12, "p (χ²₂ survival is e^(-x/2))");
  // a value the reference never had makes the statistic infinite: p = 0
  assert.equal(chiSquareGof([1, 0], [5, 1]).p, 0);
  // z: reference 1,000 rows with 10% "yes", window 500 rows with 20% "yes"
  const z = zTest([0.9, 0.1], 1000, [400, 100]);
  const P = (0.1 * 1000 + 0.2 * 500) / 1500;
  const want = (0.1 - 0.2) / Math.sqrt(P * (1 - P) * (1 / 1000 + 1 / 500));
  close(z.statistic, want, 1e-12, "z");
  close(z.p, normalTwoSided(want), 1e-15, "p");
  close(normalTwoSided(1.959963984540054), 0.05, 1e-12, "the normal survival at 1.96");
  assert.deepEqual(zTest([1], 100, [50]), { statistic: 0, p: 1 }, "one value in both samples");
});

test("Jensen-Shannon distance (natural log) and the normed Wasserstein distance between binned samples", () => {
  close(jensenShannon([1, 0], [0, 1]), Math.sqrt(Math.log(2)), 1e-12, "disjoint");
  assert.equal(jensenShannon([0.5, 0.5], [5, 5]), 0);
  // p = (1/2, 1/2), q = (1, 0): m = (3/4, 1/4); KL(p||m) = ½ln(2/3) + ½ln 2, KL(q||m) = ln(4/3)
  const kl = 0.5 * Math.log(0.5 / 0.75) + 0.5 * Math.log(0.5 / 0.25) + Math.log(1 / 0.75);
  close(jensenShannon([0.5, 0.5], [1, 0]), Math.sqrt(kl / 2), 1e-12);
  const ref = deciles(5000);
  const pts = binPoints(ref);
  assert.deepEqual(pts.slice(1, 9), [15, 25, 35, 45, 55, 65, 75, 85]);
  assert.deepEqual([pts[0], pts[9]], [5, 95], "open bins no wider than their neighbours");
  // every row moved one bin up: the whole mass moves 10 (one bin's width) except the top bin's
  const shifted = [0, 10, 10, 10, 10, 10, 10, 10, 10, 20];
  close(wassersteinNormed(ref, shifted), (9 * 0.1 * 10) / 28.87, 1e-12, "W1 / std");
  close(wassersteinNormed(ref, new Array(10).fill(7)), 0, 1e-12, "same shares");
  // extreme values in the open bins do not count beyond the bin's point: a window of the same shares does not drift
  const heavy = deciles(5000, { min: -1e6, max: 1e6 });
  close(wassersteinNormed(heavy, new Array(10).fill(3)), 0, 1e-12, "heavy tails");
});

test("Holm, Bonferroni and Benjamini-Hochberg adjust p-values as the textbooks do", () => {
  const p = [0.01, 0.04, 0.03, 0.005];
  assert.deepEqual(adjustPValues(p, "bonferroni"), [0.04, 0.16, 0.12, 0.02]);
  // Holm: sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1, running maximum
  const holm = adjustPValues(p, "holm");
  for (const [i, v] of [0.03, 0.06, 0.06, 0.02].entries()) close(holm[i], v, 1e-15, `holm ${i}`);
  // BH: p(i) · k / i from the largest down, running minimum
  const bh = adjustPValues(p, "benjamini-hochberg");
  for (const [i, v] of [0.02, 0.04, 0.04, 0.02].entries()) close(bh[i], v, 1e-15, `bh ${i}`);
  assert.deepEqual(adjustPValues(p, "none"), p);
  assert.deepEqual(adjustPValues([0.3], "holm"), [0.3]);
});

test("the drift table corrects p-values across columns: a column significant alone is not drift among many", () => {
  const small = deciles(800);
  // D = 0.07 with 800 and 1,000 rows: p ≈ 0.02 alone; Holm over 3 columns lifts it above 0.05
  const window = [170, 100, 100, 100, 100, 100, 100, 100, 100, 30].map((x) => x);
  const same = new Array(10).fill(100);
  const t = driftTable(
    [
      { feature: "a", ref: small, cur: counts(window) },
      { feature: "b", ref: small, cur: counts(same) },
      { feature: "c", ref: small, cur: counts(same) },
    ],
    DEFAULT_DRIFT,
  );
  const a = t.columns[0];
  assert.equal(a.test, "ks");
  assert.ok((a.pValue as number) < 0.05, `p ${a.pValue}`);
  close(a.adjustedPValue as number, Math.min(1, 3 * (a.pValue as number)), 1e-12);
  assert.equal(a.drifted, (a.adjustedPValue as number) <= 0.05);
  assert.equal(a.drifted, false, "not drift once corrected for three columns");
  const one = driftTable([{ feature: "a", ref: small, cur: counts(window) }], DEFAULT_DRIFT).columns[0];
  assert.equal(one.drifted, true, "drift when tested alone");
});

test("a profile entry is a reference: its own row count, else the dataset's rows less its nulls", () => {
  const p = { kind: "numeric" as const, edges: [1], fractions: [0.5, 0.5], nullFraction: 0.2, count: 40 };
  assert.equal(referenceOf(p, 1000)?.rows, 40);
  const { count: _c, ...old } = p;
  assert.equal(referenceOf(old, 1000)?.rows, 800);
  assert.equal(referenceOf(old, undefined), undefined, "no row count: no p-value test can be run");
});
