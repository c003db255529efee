import type { DriftTestName, Profile } from "../manifest/schema.ts";
import type { DriftColumn } from "../records/monitoring.ts";
import { chiSquareSurvival, ksTwoSampleP, normalTwoSided } from "./stats.ts";

/**
 * Drift of a window's columns against the reference the running version was evaluated on, with the tests Evidently
 * chooses by default (legacy/calculations/stattests/registry.py, `_get_default_stattest`, v0.7.21):
 *
 *   reference rows ≤ 1,000: numeric columns with more than 5 values → Kolmogorov–Smirnov (p-value, drift at ≤ 0.05);
 *                           otherwise chi-square goodness of fit (> 2 values) or the two-proportion z-test (p < 0.05);
 *   reference rows > 1,000: numeric columns with more than 5 values → Wasserstein distance normed by the reference's
 *                           standard deviation (drift at ≥ 0.1); otherwise Jensen–Shannon distance (≥ 0.1).
 *
 * The reference is a Dataset profile (decile bins of numeric columns, the most frequent values of categorical ones,
 * the non-null row count), so every test runs on counts in the profile's bins: the window is counted into the same
 * bins. Two consequences, stated where they are computed: the KS statistic is the largest CDF gap at the bin edges
 * (a lower bound of the gap over raw values, so its p-value errs on the side of "no drift"), and the Wasserstein
 * distance moves mass between bins' representative points (a column whose values move within its bins is not seen).
 * p-values are corrected across the columns (Holm by default), so that a window drawn from the reference flags any
 * column with probability at most `alpha`; distances have no p-value, and the minimum rows per window keep their
 * sampling noise under the threshold (README, "Monitoring", measures it). Pure: counts in, numbers out.
 */

export interface NumericReference {
  kind: "numeric";
  /** Bin edges: bins (-inf, e0], (e0, e1], …, (e_last, +inf). */
  edges: number[];
  /** Share of non-null rows per bin (edges.length + 1). */
  fractions: number[];
  /** Non-null rows of the reference. */
  rows: number;
  /** Distinct values (profile.distinct; undefined for an older profile). */
  distinct?: number;
  std?: number;
  min?: number;
  max?: number;
}

export interface CategoricalReference {
  kind: "categorical";
  /** Share of non-null rows per value; rarer values pooled under OTHER. */
  fractions: Record<string, number>;
  rows: number;
  distinct?: number;
}

export type ColumnReference = NumericReference | CategoricalReference;

/** The window's counts in the reference's bins (numeric) or per value (categorical). */
export type ColumnCounts =
  | { kind: "numeric"; counts: number[] /** distinct values seen, counted up to FEW + 1 */; distinct: number }
  | { kind: "categorical"; counts: Map<string, number> };

export const OTHER = "__other__";
/** Evidently's "few values" line: columns with at most this many distinct values are tested as categories. */
export const FEW = 5;
/** Evidently's line between small references (p-value tests) and large ones (distances). */
export const SMALL_REFERENCE = 1000;

export interface DriftSettings {
  test: "auto" | DriftTestName;
  alpha: number;
  correction: "holm" | "bonferroni" | "benjamini-hochberg" | "none";
  wasserstein: number;
  jensenshannon: number;
}

export const DEFAULT_DRIFT: DriftSettings = {
  test: "auto",
  alpha: 0.05,
  correction: "holm",
  wasserstein: 0.1,
  jensenshannon: 0.1,
};

/** A profile entry as a reference: its non-null row count from the profile, else from the dataset's rows. */
export function referenceOf(p: Profile[string], datasetRows: number | undefined): ColumnReference | undefined {
  const rows = p.count ?? (datasetRows !== undefined ? Math.round(datasetRows * (1 - p.nullFraction)) : undefined);
  if (rows === undefined) return undefined;
  if (p.kind === "numeric") {
    return {
      kind: "numeric",
      edges: p.edges,
      fractions: p.fractions,
      rows,
      ...(p.distinct !== undefined ? { distinct: p.distinct } : {}),
      ...(p.std !== undefined ? { std: p.std } : {}),
      ...(p.min !== undefined ? { min: p.min } : {}),
      ...(p.max !== undefined ? { max: p.max } : {}),
    };
  }
  return {
    kind: "categorical",
    fractions: p.fractions,
    rows,
    ...(p.distinct !== undefined ? { distinct: p.distinct } : {}),
  };
}

/** Categories compared: the reference's shares and the window's counts, over the union of what either holds. */
interface Categories {
  keys: string[];
  ref: number[];
  cur: number[];
}

function normalised(xs: number[]): number[] {
  const s = xs.reduce((a, b) => a + b, 0);
  return xs.map((x) => (s > 0 ? x / s : 0));
}

/**
 * The categories of a column: a categorical column's values (the reference's kept values and OTHER, which also
 * takes every value of the window the reference does not name), or a numeric column's bins taken as values (a column
 * of few values has its values as edges). Categories neither side holds are left out, as Evidently's union of
 * observed values does.
 */
function categoriesOf(ref: ColumnReference, cur: ColumnCounts): Categories {
  if (ref.kind === "numeric" && cur.kind === "numeric") {
    const r = normalised(ref.fractions);
    const keys: string[] = [];
    const rs: number[] = [];
    const cs: number[] = [];
    r.forEach((f, j) => {
      if (f > 0 || cur.counts[j] > 0) {
        keys.push(binLabel(ref.edges, j));
        rs.push(f);
        cs.push(cur.counts[j]);
      }
    });
    return { keys, ref: rs, cur: cs };
  }
  const fr = ref.kind === "categorical" ? ref.fractions : {};
  const counts = cur.kind === "categorical" ? cur.counts : new Map<string, number>();
  const named = Object.keys(fr)
    .filter((k) => k !== OTHER)
    .sort();
  const known = new Set(named);
  let other = 0;
  for (const [k, v] of counts) if (!known.has(k)) other += v;
  const keys = [...named, ...(other > 0 || (fr[OTHER] ?? 0) > 0 ? [OTHER] : [])];
  const ref0 = normalised(keys.map((k) => fr[k] ?? 0));
  const cur0 = keys.map((k) => (k === OTHER ? other : (counts.get(k) ?? 0)));
  const keep = keys.map((_, i) => ref0[i] > 0 || cur0[i] > 0);
  return {
    keys: keys.filter((_, i) => keep[i]),
    ref: ref0.filter((_, i) => keep[i]),
    cur: cur0.filter((_, i) => keep[i]),
  };
}

/** A numeric bin as text: (-inf, e0], (e0, e1], …, (e_last, +inf). */
export function binLabel(edges: number[], j: number): string {
  const lo = j === 0 ? "-inf" : String(edges[j - 1]);
  const hi = j === edges.length ? "+inf" : String(edges[j]);
  return `(${lo}, ${hi}]`;
}

/**
 * How many distinct values the reference and the window hold together, as far as choosing a test needs it: FEW + 1
 * when either side has more than FEW, else the categories either side holds (for a numeric column of few values, its
 * bins are its values).
 */
export function cardinality(ref: ColumnReference, cur: ColumnCounts): number {
  if (ref.kind === "categorical") {
    if ((ref.fractions[OTHER] ?? 0) > 0) return FEW + 1;
    return categoriesOf(ref, cur).keys.length;
  }
  const curDistinct = cur.kind === "numeric" ? cur.distinct : FEW + 1;
  // an older profile has no distinct count: a deduplicated set of edges (fewer than 9) says the column has few values
  const refDistinct = ref.distinct ?? (ref.edges.length >= 9 ? FEW + 1 : ref.fractions.filter((f) => f > 0).length);
  if (refDistinct > FEW || curDistinct > FEW) return FEW + 1;
  return categoriesOf(ref, cur).keys.length;
}

/** Evidently's default test for a column, or the one the manifest names where it applies to the column's kind. */
export function chooseTest(
  ref: ColumnReference,
  cur: ColumnCounts,
  wanted: DriftSettings["test"],
): { test: DriftTestName; note?: string } {
  const values = cardinality(ref, cur);
  const numericMany = ref.kind === "numeric" && values > FEW;
  let auto: DriftTestName;
  if (ref.rows <= SMALL_REFERENCE) auto = numericMany ? "ks" : values > 2 ? "chisquare" : "z";
  else auto = numericMany ? "wasserstein" : "jensenshannon";
  if (wanted === "auto" || wanted === auto) return { test: auto };
  const numericOnly = wanted === "ks" || wanted === "wasserstein";
  if (numericOnly && ref.kind !== "numeric") {
    return { test: auto, note: `${wanted} applies to numeric columns; ${auto} was used` };
  }
  return { test: wanted };
}

/** One column's test, before the correction across columns. */
export function testColumn(
  feature: string,
  ref: ColumnReference,
  cur: ColumnCounts,
  settings: DriftSettings,
): { column: DriftColumn; note?: string } {
  const { test, note } = chooseTest(ref, cur, settings.test);
  const m = cur.kind === "numeric" ? sum(cur.counts) : sum([...cur.counts.values()]);
  const n = ref.rows;
  const base = { feature, kind: ref.kind, test, rows: { reference: n, current: m } };
  if (test === "ks" || test === "wasserstein") {
    const r = ref as NumericReference;
    const counts = (cur as Extract<ColumnCounts, { kind: "numeric" }>).counts;
    if (test === "ks") {
      const d = ksStatistic(r.fractions, counts);
      const p = ksTwoSampleP(d, n, m);
      return {
        column: { ...base, statistic: d, pValue: p, threshold: settings.alpha, drifted: p <= settings.alpha },
        note,
      };
    }
    const w = wassersteinNormed(r, counts);
    return {
      column: { ...base, statistic: w, threshold: settings.wasserstein, drifted: w >= settings.wasserstein },
      note,
    };
  }
  const cats = categoriesOf(ref, cur);
  if (test === "jensenshannon") {
    const js = jensenShannon(cats.ref, normalised(cats.cur));
    return {
      column: { ...base, statistic: js, threshold: settings.jensenshannon, drifted: js >= settings.jensenshannon },
      note,
    };
  }
  const { statistic, p } = test === "chisquare" ? chiSquareGof(cats.ref, cats.cur) : zTest(cats.ref, n, cats.cur);
  return { column: { ...base, statistic, pValue: p, threshold: settings.alpha, drifted: p < settings.alpha }, note };
}

/**
 * Every column's test, and the correction across the p-value tests: a p-value test's column drifts when its
 * adjusted p-value is below alpha (at or below, for KS, as Evidently compares); distances keep their thresholds.
 */
export function driftTable(
  columns: { feature: string; ref: ColumnReference; cur: ColumnCounts }[],
  settings: DriftSettings,
): { columns: DriftColumn[]; notes: string[] } {
  const notes: string[] = [];
  const out = columns.map((c) => {
    const r = testColumn(c.feature, c.ref, c.cur, settings);
    if (r.note) notes.push(`${c.feature}: ${r.note}`);
    return r.column;
  });
  const tested = out.filter((c) => c.pValue !== undefined);
  const adjusted = adjustPValues(
    tested.map((c) => c.pValue as number),
    settings.correction,
  );
  tested.forEach((c, i) => {
    c.adjustedPValue = adjusted[i];
    c.drifted = c.test === "ks" ? adjusted[i] <= settings.alpha : adjusted[i] < settings.alpha;
  });
  return { columns: out, notes };
}

/** p-values adjusted for testing them together: Holm's step-down, Bonferroni, Benjamini–Hochberg, or none. */
export function adjustPValues(ps: number[], method: DriftSettings["correction"]): number[] {
  const k = ps.length;
  if (method === "none" || k <= 1) return [...ps];
  if (method === "bonferroni") return ps.map((p) => Math.min(1, p * k));
  const order = ps.map((_, i) => i).sort((a, b) => ps[a] - ps[b] || a - b);
  const out = new Array<number>(k);
  if (method === "holm") {
    let run = 0;
    order.forEach((i, rank) => {
      run = Math.max(run, Math.min(1, (k - rank) * ps[i]));
      out[i] = run;
    });
    return out;
  }
  // Benjamini–Hochberg: step-up, the running minimum from the largest p-value down
  let run = 1;
  for (let rank = k - 1; rank >= 0; rank--) {
    const i = order[rank];
    run = Math.min(run, (ps[i] * k) / (rank + 1));
    out[i] = Math.min(1, run);
  }
  return out;
}

// ---- the statistics ------------------------------------------------------------------------------------------------

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * The KS statistic from binned data: the largest gap between the two cumulative distributions at the bins' upper
 * edges. Where the values are the edges (a column of few values), this is the statistic of the raw values.
 */
export function ksStatistic(refFractions: number[], counts: number[]): number {
  const r = normalised(refFractions);
  const m = sum(counts);
  if (m === 0) return 0;
  let fr = 0;
  let fc = 0;
  let d = 0;
  for (let j = 0; j < r.length - 1; j++) {
    fr += r[j];
    fc += counts[j] / m;
    d = Math.max(d, Math.abs(fr - fc));
  }
  return d;
}

/**
 * Each bin's representative point for the Wasserstein distance: interior bins their midpoint; the two open bins a
 * point inside them no further out than the neighbouring bin is wide (nor beyond the reference's min or max), so that
 * a tail's few extreme values do not decide the distance.
 */
export function binPoints(ref: NumericReference): number[] {
  const e = ref.edges;
  const k = e.length + 1;
  if (e.length === 0) return [ref.min ?? 0];
  const spread = ref.std && ref.std > 0 ? ref.std : 1;
  const pts = new Array<number>(k);
  for (let j = 1; j < k - 1; j++) pts[j] = (e[j - 1] + e[j]) / 2;
  const wLow = e.length > 1 ? e[1] - e[0] : spread;
  const wHigh = e.length > 1 ? e[e.length - 1] - e[e.length - 2] : spread;
  const lo = ref.min !== undefined && ref.min < e[0] ? Math.max(ref.min, e[0] - wLow) : e[0] - wLow;
  const last = e[e.length - 1];
  const hi = ref.max !== undefined && ref.max > last ? Math.min(ref.max, last + wHigh) : last + wHigh;
  pts[0] = (lo + e[0]) / 2;
  pts[k - 1] = (last + hi) / 2;
  return pts;
}

/**
 * The first Wasserstein distance between the binned reference and window (mass at each bin's representative point:
 * the sum over adjacent points of the CDF gap times their distance), divided by the reference's standard deviation
 * (at least 0.001), as Evidently norms it.
 */
export function wassersteinNormed(ref: NumericReference, counts: number[]): number {
  const r = normalised(ref.fractions);
  const m = sum(counts);
  if (m === 0) return 0;
  const pts = binPoints(ref);
  let fr = 0;
  let fc = 0;
  let w = 0;
  for (let j = 0; j < r.length - 1; j++) {
    fr += r[j];
    fc += counts[j] / m;
    w += Math.abs(fr - fc) * (pts[j + 1] - pts[j]);
  }
  return w / Math.max(ref.std ?? 0, 0.001);
}

/** Jensen–Shannon distance (natural logarithm), as scipy.spatial.distance.jensenshannon: √((KL(p‖m) + KL(q‖m)) / 2). */
export function jensenShannon(p: number[], q: number[]): number {
  const pn = normalised(p);
  const qn = normalised(q);
  let js = 0;
  for (let i = 0; i < pn.length; i++) {
    const m = (pn[i] + qn[i]) / 2;
    if (pn[i] > 0) js += pn[i] * Math.log(pn[i] / m);
    if (qn[i] > 0) js += qn[i] * Math.log(qn[i] / m);
  }
  return Math.sqrt(Math.max(js / 2, 0));
}

/**
 * Chi-square goodness of fit of the window's counts to the reference's shares, as Evidently's chisquare test calls
 * scipy.stats.chisquare(f_obs, f_exp = reference counts × m/n); a category the reference never had makes it infinite.
 */
export function chiSquareGof(refShares: number[], counts: number[]): { statistic: number; p: number } {
  const m = sum(counts);
  const r = normalised(refShares);
  let x2 = 0;
  let k = 0;
  for (let i = 0; i < r.length; i++) {
    const e = r[i] * m;
    if (e === 0 && counts[i] === 0) continue;
    k++;
    if (e === 0) x2 = Number.POSITIVE_INFINITY;
    else x2 += (counts[i] - e) ** 2 / e;
  }
  if (k < 2 || m === 0) return { statistic: 0, p: 1 };
  return { statistic: x2, p: chiSquareSurvival(x2, k - 1) };
}

/**
 * Evidently's z-test of two proportions (a column of at most two values): the share of rows not holding the first
 * value (in sorted order) in each sample, pooled standard error, two-sided normal p-value; 1 when both samples hold
 * one and the same value.
 */
export function zTest(refShares: number[], n: number, counts: number[]): { statistic: number; p: number } {
  const m = sum(counts);
  const r = normalised(refShares);
  if (m === 0 || n === 0 || r.length === 0) return { statistic: 0, p: 1 };
  const p1 = 1 - r[0];
  const p2 = 1 - counts[0] / m;
  const P = (p1 * n + p2 * m) / (n + m);
  const se = Math.sqrt(P * (1 - P) * (1 / n + 1 / m));
  if (!(se > 0)) return { statistic: 0, p: 1 };
  const z = (p1 - p2) / se;
  return { statistic: z, p: normalTwoSided(z) };
}
