/**
 * monitor's statistics against the libraries Evidently and NannyML call (issue #23 items 2–3), under Debian's
 * /usr/bin/python3 (python3-scipy, python3-sklearn): SciPy's ks_2samp, chisquare, norm, jensenshannon and
 * wasserstein_distance on the same counts, scikit-learn's IsotonicRegression(out_of_bounds="clip"), and NannyML's
 * CBPE formulas (estimate_roc_auc, estimate_recall, … in nannyml/performance_estimation/confidence_based/metrics.py
 * v0.13.1, transcribed in numpy here as NannyML itself is not on the machine).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { calibrate, estimateMetrics, estimateRocAuc, fitIsotonic } from "../../src/monitor/cbpe.ts";
import {
  binPoints,
  chiSquareGof,
  jensenShannon,
  ksStatistic,
  type NumericReference,
  wassersteinNormed,
  zTest,
} from "../../src/monitor/drift.ts";
import { ksTwoSampleP } from "../../src/monitor/stats.ts";
import { rng } from "../../src/util/random.ts";
import { PYTHON } from "../support/sklearn.ts";

function python(code: string, input: unknown): any {
  return JSON.parse(
    execFileSync(PYTHON, ["-c", `import json, sys\nimport numpy as np\n${code}`], {
      input: JSON.stringify(input),
      encoding: "utf8",
      maxBuffer: 64 << 20,
    }),
  );
}

const rel = (a: number, b: number, tol: number, what: string) =>
  assert.ok(Math.abs(a - b) <= tol * Math.max(Math.abs(b), 1e-300), `${what}: ${a} against ${b} (tolerance ${tol})`);

test("KS: the statistic of values that are their own bins, and ks_2samp's p-value (exact and asymptotic)", () => {
  const random = rng(11);
  const cases: { a: number[]; b: number[] }[] = [];
  for (const [n, m, shift] of [
    [200, 150, 0],
    [500, 800, 1],
    [1000, 1000, 0],
    [300, 12000, 1],
    [50, 3000, 2],
  ]) {
    // integer values 0..9: with a bin per value, the binned statistic is the raw one
    const draw = (k: number, s: number) =>
      Array.from({ length: k }, () => Math.min(9, Math.floor(random() * 10 + s * random())));
    cases.push({ a: draw(n, 0), b: draw(m, shift) });
  }
  const want = python(
    `from scipy import stats
out = []
for c in json.load(sys.stdin):
    r = stats.ks_2samp(c["a"], c["b"])
    out.append([float(r.statistic), float(r.pvalue)])
print(json.dumps(out))`,
    cases,
  ) as [number, number][];
  cases.forEach((c, i) => {
    const bins = (xs: number[]) => Array.from({ length: 10 }, (_, v) => xs.filter((x) => x === v).length);
    const ref = bins(c.a).map((k) => k / c.a.length);
    const d = ksStatistic(ref, bins(c.b));
    rel(d, want[i][0], 1e-12, `case ${i} D`);
    const asymptotic = Math.max(c.a.length, c.b.length) > 10_000;
    // SciPy's asymptotic form is kstwo.sf (Simard and L'Ecuyer); ours is Kolmogorov's with Stephens' correction
    rel(ksTwoSampleP(d, c.a.length, c.b.length), want[i][1], asymptotic ? 0.1 : 1e-9, `case ${i} p`);
  });
});

test("chi-square, z-test, Jensen-Shannon and Wasserstein against SciPy on the same counts", () => {
  const ref = [0.35, 0.3, 0.2, 0.15];
  const cur = [300, 340, 210, 150];
  const n = 4000;
  const want = python(
    `from scipy import stats
from scipy.spatial import distance
a = json.load(sys.stdin)
ref, cur, n = np.array(a["ref"]), np.array(a["cur"], dtype=float), a["n"]
m = cur.sum()
chi = stats.chisquare(cur, ref * m)
# Evidently's z-test: shares of the rows not holding the first value, pooled standard error
p1, p2 = 1 - ref[0], 1 - cur[0] / m
P = (p1 * n + p2 * m) / (n + m)
z = (p1 - p2) / np.sqrt(P * (1 - P) * (1 / n + 1 / m))
pz = 2 * (1 - stats.norm.cdf(abs(z)))
js = distance.jensenshannon(ref, cur / m)
pts, w_ref = np.array(a["points"]), np.array(a["fractions"])
wd = stats.wasserstein_distance(pts, pts, w_ref, np.array(a["counts"], dtype=float)) / a["std"]
print(json.dumps([float(chi.statistic), float(chi.pvalue), float(z), float(pz), float(js), float(wd)]))`,
    {
      ref,
      cur,
      n,
      ...(() => {
        const r: NumericReference = {
          kind: "numeric",
          edges: [13.5, 21.6, 32.9, 46.2, 63, 89.6, 128.5, 200.1, 357.2],
          fractions: [0.1002, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.0998],
          rows: 5000,
          std: 275.4,
          min: 1.02,
          max: 3986.9,
        };
        return {
          points: binPoints(r),
          fractions: r.fractions,
          counts: [40, 61, 70, 88, 95, 110, 120, 130, 140, 146],
          std: 275.4,
        };
      })(),
    },
  ) as number[];
  const x = chiSquareGof(ref, cur);
  rel(x.statistic, want[0], 1e-12, "chi-square statistic");
  rel(x.p, want[1], 1e-9, "chi-square p");
  const z = zTest(ref, n, cur);
  rel(z.statistic, want[2], 1e-12, "z");
  rel(z.p, want[3], 1e-6, "z p");
  rel(jensenShannon(ref, cur), want[4], 1e-12, "Jensen-Shannon");
  const r: NumericReference = {
    kind: "numeric",
    edges: [13.5, 21.6, 32.9, 46.2, 63, 89.6, 128.5, 200.1, 357.2],
    fractions: [0.1002, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.0998],
    rows: 5000,
    std: 275.4,
    min: 1.02,
    max: 3986.9,
  };
  rel(wassersteinNormed(r, [40, 61, 70, 88, 95, 110, 120, 130, 140, 146]), want[5], 1e-9, "Wasserstein / std");
});

test("isotonic calibration predicts what scikit-learn's IsotonicRegression(out_of_bounds='clip') does", () => {
  const random = rng(5);
  const n = 2000;
  const scores = Array.from({ length: n }, () => Math.round(random() * 400) / 400);
  const labels = scores.map((s) => (random() < s * s ? 1 : 0));
  const probe = Array.from({ length: 300 }, (_, i) => -0.1 + (i / 299) * 1.2);
  const want = python(
    `from sklearn.isotonic import IsotonicRegression
a = json.load(sys.stdin)
r = IsotonicRegression(out_of_bounds="clip", increasing=True).fit(a["s"], a["y"])
print(json.dumps([float(v) for v in r.predict(a["t"])]))`,
    { s: scores, y: labels, t: probe },
  ) as number[];
  const c = fitIsotonic(scores, labels);
  for (const [i, t] of probe.entries()) rel(calibrate(c, t), want[i], 1e-9, `at ${t}`);
});

test("CBPE's estimates agree with NannyML's formulas (numpy transcription) on scores without ties", () => {
  const random = rng(9);
  const n = 3000;
  const scores = Array.from({ length: n }, () => random());
  const chance = scores.map((s) => Math.min(1, Math.max(0, s * 0.9 + 0.05)));
  const want = python(
    `from sklearn.metrics import auc
a = json.load(sys.stdin)
p, s, thr = np.array(a["p"]), np.array(a["s"]), a["thr"]
# estimate_roc_auc
order = np.argsort(s)[::-1]
tp = np.cumsum(p[order]); fp = 1 + np.arange(len(p)) - tp
tp = np.round(np.r_[0, tp], 5); fp = np.round(np.r_[0, fp], 5)
roc = auc(fp / fp[-1], tp / tp[-1])
pred = (s >= thr).astype(int)
TP = np.sum(np.where(pred == 1, p, 0)); FP = np.sum(np.where(pred == 1, 1 - p, 0))
FN = np.sum(np.where(pred == 0, p, 0)); TN = np.sum(np.where(pred == 0, 1 - p, 0))
print(json.dumps({"roc_auc": roc, "precision": TP / (TP + FP), "recall": TP / (TP + FN),
  "f1": TP / (TP + 0.5 * (FP + FN)), "specificity": TN / (TN + FP), "accuracy": (TP + TN) / len(p)}))`,
    { p: chance, s: scores, thr: 0.5 },
  ) as Record<string, number>;
  const m = estimateMetrics(scores, chance, 0.5);
  for (const k of ["precision", "recall", "f1", "specificity", "accuracy"] as const) rel(m[k], want[k], 1e-9, k);
  // NannyML rounds its cumulative sums to 5 decimals; the area agrees to that
  assert.ok(
    Math.abs(estimateRocAuc(scores, chance) - want.roc_auc) < 1e-5,
    `${estimateRocAuc(scores, chance)} ${want.roc_auc}`,
  );
});
