/**
 * Drift of one feature between a reference sample (the training data's profile) and another sample, aware of how
 * many rows each has. PSI alone raises false alarms on small samples: with 78 rows and decile bins, one empty bin
 * (no rows where 10% were expected) adds 0.1 × ln(0.1 / 0.0001) ≈ 0.69 to the PSI of a sample drawn from the same
 * data. So:
 *
 *  1. bins are merged until each expects at least MIN_EXPECTED rows of the smaller sample under "no drift" (adjacent
 *     bins for numeric features, the rarest values pooled for categorical ones); PSI is computed on those bins;
 *  2. a chi-square test of homogeneity on the same bins' counts (reference counts from the profile's fractions and
 *     the dataset's row count; a goodness-of-fit test against the fractions when the row count is unknown) gives the
 *     p-value of "both samples come from one distribution";
 *  3. a feature drifts when its PSI reaches a threshold AND p < DRIFT_ALPHA / k, k the number of features compared
 *     (Bonferroni: the chance that a sample of the same data flags any feature stays under DRIFT_ALPHA). Large
 *     samples are judged by PSI (any real difference is significant); small ones only when the difference is more
 *     than sampling noise.
 *
 * Pure: counts in, numbers out.
 */

/** Fewest rows of the smaller sample a bin must expect under "no drift" (the usual rule for chi-square tests). */
export const MIN_EXPECTED = 5;
/** Family-wise significance level: a PSI above its threshold counts as drift when p < DRIFT_ALPHA / features compared. */
export const DRIFT_ALPHA = 0.001;
/** Added to empty bins so that PSI stays finite (the usual convention). */
const EPS = 1e-4;

export interface FeatureDrift {
  /** PSI over the merged bins. */
  psi: number;
  /** p-value of the chi-square test of homogeneity (or goodness of fit) on the merged bins. */
  p: number;
  /** Bins after merging, and the profile's bins before. */
  bins: number;
  profileBins: number;
  /** Non-null rows of each sample (reference undefined when the dataset does not record its row count). */
  rows: { reference?: number; actual: number };
}

export type DriftLevel = "ok" | "warn" | "fail";

/**
 * Drift of one feature. `reference` are the profile's fractions per bin, `referenceRows` the reference's non-null row
 * count (undefined when unknown), `actual` the other sample's counts in the same bins; `ordered` bins (numeric
 * features) merge with their neighbours, unordered ones (categories) pool the rarest. Undefined when fewer than two
 * bins remain: too few rows to judge.
 */
export function featureDrift(
  reference: number[],
  referenceRows: number | undefined,
  actual: number[],
  ordered: boolean,
): FeatureDrift | undefined {
  const m = actual.reduce((a, b) => a + b, 0);
  const sumRef = reference.reduce((a, b) => a + b, 0);
  const e = reference.map((f) => (sumRef > 0 ? f / sumRef : 0));
  const n = referenceRows;
  if (m === 0) return undefined;
  // expected rows of the smaller sample in each bin under "no drift" (pooled proportions when both are samples)
  const refCounts = n !== undefined ? e.map((f) => f * n) : undefined;
  const expected = e.map((f, j) =>
    refCounts && n !== undefined ? (Math.min(n, m) * (refCounts[j] + actual[j])) / (n + m) : m * f,
  );
  const groups = ordered ? mergeOrdered(expected) : mergeUnordered(expected);
  if (groups.length < 2) return undefined;
  const sum = (xs: number[], g: number[]) => g.reduce((a, j) => a + xs[j], 0);
  const ge = groups.map((g) => sum(e, g));
  const ga = groups.map((g) => sum(actual, g));
  let psi = 0;
  for (let k = 0; k < groups.length; k++) {
    const ef = Math.max(ge[k], EPS);
    const af = Math.max(ga[k] / m, EPS);
    psi += (af - ef) * Math.log(af / ef);
  }
  let x2 = 0;
  if (refCounts && n !== undefined) {
    const gr = groups.map((g) => sum(refCounts, g));
    const t = n + m;
    for (let k = 0; k < groups.length; k++) {
      const c = gr[k] + ga[k];
      if (c === 0) continue;
      const er = (n * c) / t;
      const ea = (m * c) / t;
      x2 += (gr[k] - er) ** 2 / er + (ga[k] - ea) ** 2 / ea;
    }
  } else {
    for (let k = 0; k < groups.length; k++) {
      const ea = m * ge[k];
      if (ea > 0) x2 += (ga[k] - ea) ** 2 / ea;
      else if (ga[k] > 0) x2 = Number.POSITIVE_INFINITY;
    }
  }
  return {
    psi,
    p: chiSquareSurvival(x2, groups.length - 1),
    bins: groups.length,
    profileBins: reference.length,
    rows: { ...(n !== undefined ? { reference: Math.round(n) } : {}), actual: m },
  };
}

/**
 * The level of a feature's drift: a threshold reached by PSI, and the difference significant with `features` features
 * compared at once.
 */
export function driftLevel(
  d: FeatureDrift,
  limits: { psiWarn: number; psiFail: number },
  features: number,
): DriftLevel {
  if (d.p >= DRIFT_ALPHA / Math.max(1, features)) return "ok";
  if (d.psi >= limits.psiFail) return "fail";
  if (d.psi >= limits.psiWarn) return "warn";
  return "ok";
}

/** Adjacent bins merged left to right until each group expects MIN_EXPECTED rows; a short tail joins the group before. */
function mergeOrdered(expected: number[]): number[][] {
  const groups: number[][] = [];
  let cur: number[] = [];
  let acc = 0;
  for (let j = 0; j < expected.length; j++) {
    cur.push(j);
    acc += expected[j];
    if (acc >= MIN_EXPECTED) {
      groups.push(cur);
      cur = [];
      acc = 0;
    }
  }
  if (cur.length > 0) {
    if (groups.length > 0) groups[groups.length - 1].push(...cur);
    else groups.push(cur);
  }
  return groups;
}

/** Categories below MIN_EXPECTED pooled into one group, joined by the next rarest until the pool is large enough. */
function mergeUnordered(expected: number[]): number[][] {
  const order = expected.map((_, j) => j).sort((a, b) => expected[a] - expected[b] || a - b);
  const pool: number[] = [];
  let acc = 0;
  let k = 0;
  while (k < order.length && expected[order[k]] < MIN_EXPECTED) {
    pool.push(order[k]);
    acc += expected[order[k]];
    k++;
  }
  while (pool.length > 0 && acc < MIN_EXPECTED && k < order.length) {
    pool.push(order[k]);
    acc += expected[order[k]];
    k++;
  }
  const groups = order.slice(k).map((j) => [j]);
  if (pool.length > 0) {
    if (acc >= MIN_EXPECTED || groups.length === 0) groups.push(pool);
    else groups[groups.length - 1].push(...pool);
  }
  return groups.sort((a, b) => Math.min(...a) - Math.min(...b));
}

/** P(X ≥ x) for X ~ chi-square with `df` degrees of freedom: the regularized upper incomplete gamma Q(df/2, x/2). */
export function chiSquareSurvival(x: number, df: number): number {
  if (!(x > 0)) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  return gammaQ(df / 2, x / 2);
}

function logGamma(z: number): number {
  // Lanczos approximation (g = 7, n = 9), accurate to ~1e-15 for z > 0
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const w = z - 1;
  let a = c[0];
  const t = w + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (w + i);
  return 0.5 * Math.log(2 * Math.PI) + (w + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularized upper incomplete gamma function Q(a, x) (series below a + 1, continued fraction above). */
function gammaQ(a: number, x: number): number {
  const lg = logGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return Math.max(0, 1 - sum * Math.exp(-x + a * Math.log(x) - lg));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return Math.exp(-x + a * Math.log(x) - lg) * h;
}
