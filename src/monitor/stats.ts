import { chiSquareSurvival } from "../data/drift.ts";

/**
 * The sampling distributions the drift tests read p-values from, written after SciPy's (the library Evidently calls):
 * the two-sample Kolmogorov–Smirnov distribution (`scipy.stats.ks_2samp`: exact up to 10,000 rows a sample, Smirnov's
 * asymptotic beyond), the normal and the chi-square survival functions. Pure: numbers in, numbers out.
 */

export { chiSquareSurvival };

/** Two-sided p-value of a standard normal statistic: P(|Z| ≥ |z|) = P(χ²₁ ≥ z²). */
export function normalTwoSided(z: number): number {
  if (Number.isNaN(z)) return 1;
  return chiSquareSurvival(z * z, 1);
}

/** ks_2samp's 'auto' mode: exact while both samples have at most this many rows. */
export const KS_EXACT_MAX_N = 10_000;
/** Beyond this many lattice cells the exact count would take seconds: the asymptotic form is used instead. */
const KS_EXACT_MAX_CELLS = 2e8;

const gcd = (a: number, b: number): number => {
  let x = a;
  let y = b;
  while (y) [x, y] = [y, x % y];
  return x;
};

/**
 * P(D ≥ d) for the two-sided two-sample Kolmogorov–Smirnov statistic D of samples of n1 and n2 rows, as SciPy's
 * ks_2samp computes it (method 'auto'): d is first rounded to the lattice of attainable values (multiples of
 * 1/lcm(n1, n2)); exact when both samples have at most 10,000 rows (Hodges' lattice-path count; for n1 = n2 the
 * closed form), else Smirnov's asymptotic distribution with the effective size n1·n2/(n1 + n2).
 */
export function ksTwoSampleP(d: number, n1: number, n2: number): number {
  if (!(n1 > 0 && n2 > 0) || !(d > 0)) return 1;
  if (d >= 1) d = 1;
  const g = gcd(n1, n2);
  const lcm = (n1 / g) * n2;
  if (Math.max(n1, n2) <= KS_EXACT_MAX_N && n1 * n2 <= KS_EXACT_MAX_CELLS) {
    const h = Math.round(d * lcm);
    if (h === 0) return 1;
    const p = n1 === n2 ? probOutsideSquare(n1, h) : 1 - probInside(n1, n2, g, h);
    if (p >= 0 && p <= 1) return p;
  }
  const en = Math.round((n1 * n2) / (n1 + n2));
  return kolmogorovSurvival(d, en);
}

/** P(D_{n,n} ≥ h/n): SciPy's _compute_prob_outside_square (a Horner-like alternating sum). */
function probOutsideSquare(n: number, h: number): number {
  let P = 0;
  let k = Math.floor(n / h);
  while (k >= 0) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    P = p1 * (1 - P);
    k--;
  }
  return 2 * P;
}

/**
 * The proportion of lattice paths from (0, 0) to (n1, n2) that stay strictly inside |x/n1 − y/n2| < h/lcm, i.e.
 * P(D < d): each cell holds the share of paths reaching it without leaving the band, so no number grows beyond 1.
 */
function probInside(n1: number, n2: number, g: number, h: number): number {
  const ag = n1 / g;
  const bg = n2 / g;
  const col = new Float64Array(n2 + 1);
  let lo = 0;
  for (let x = 0; x <= n1; x++) {
    // the band at this x: integers y with |x·bg − y·ag| < h
    const ylo = Math.max(0, Math.floor((x * bg - h) / ag) + 1);
    const yhi = Math.min(n2, Math.ceil((x * bg + h) / ag) - 1);
    for (let y = lo; y < ylo && y <= n2; y++) col[y] = 0;
    lo = ylo;
    if (ylo > yhi) return 0;
    for (let y = ylo; y <= yhi; y++) {
      if (x === 0 && y === 0) col[0] = 1;
      else col[y] = (x * col[y] + (y > ylo ? y * col[y - 1] : 0)) / (x + y);
    }
  }
  return col[n2];
}

/**
 * P(D_n > d) for the one-sample Kolmogorov statistic of n observations, by the limiting distribution with Stephens'
 * correction: Q_KS((√n + 0.12 + 0.11/√n)·d), Q_KS(λ) = 2 Σ (−1)^(j−1) exp(−2j²λ²).
 */
export function kolmogorovSurvival(d: number, n: number): number {
  if (!(d > 0)) return 1;
  const sq = Math.sqrt(Math.max(n, 1));
  const lambda = (sq + 0.12 + 0.11 / sq) * d;
  if (lambda < 0.2) return 1;
  let sum = 0;
  let sign = 1;
  for (let j = 1; j <= 100; j++) {
    const term = Math.exp(-2 * j * j * lambda * lambda);
    sum += sign * term;
    if (term < 1e-16 * Math.abs(sum)) break;
    sign = -sign;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}
