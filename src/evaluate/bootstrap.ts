import { type MetricSet, percentile } from "./metrics.ts";

/**
 * Paired Poisson bootstrap. Resample b gives every row a weight drawn from Poisson(1) by a generator seeded with
 * (seed, b); the same weights go to the candidate and the baseline, so the delta's interval is paired. The weights
 * depend only on (seed, b, row position), so the same rows give the same intervals in one run or after a shard merge.
 */

export interface BootstrapOptions {
  resamples: number;
  seed: number;
  /** Two-sided confidence (0.95). */
  confidence?: number;
  onResample?: (done: number) => void;
}

export interface Interval {
  lo: number;
  hi: number;
}

export interface BootstrapResult {
  /** Per metric set, per metric name: the interval (NaN bounds when no resample defined the metric). */
  intervals: Record<string, Interval>[];
  /** Per metric name: the interval of set 0 minus set 1, on the same resample. Only when there are two sets. */
  deltas: Record<string, Interval>;
}

// Poisson(1) CDF as uint32 thresholds: weight k when the 32-bit draw u satisfies T[k-1] <= u < T[k]. Exact to 2^-32.
const POISSON_T: Float64Array = (() => {
  const t = new Float64Array(16);
  let p = Math.exp(-1);
  let cdf = 0;
  for (let k = 0; k < 16; k++) {
    cdf += p;
    p /= k + 1;
    t[k] = Math.min(Math.floor(cdf * 4294967296), 4294967295);
  }
  t[15] = 4294967296; // everything left
  return t;
})();

// A table on the draw's top 16 bits: the weight, or 255 where a threshold falls inside that bucket (then compare).
const POISSON_HI: Uint8Array = (() => {
  const lut = new Uint8Array(65536);
  let k = 0;
  for (let h = 0; h < 65536; h++) {
    const lo = h * 65536;
    const hi = lo + 65535;
    while (POISSON_T[k] <= lo) k++;
    lut[h] = POISSON_T[k] > hi ? k : 255;
  }
  return lut;
})();

function splitmix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  let z = x;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Fills `w` with Poisson(1) counts for resample `b` (sfc32 generator seeded from seed and b). */
export function poissonWeights(w: Uint8Array, seed: number, b: number): void {
  let a = splitmix32(seed ^ 0x5bd1e995);
  let bb = splitmix32(a ^ b);
  let c = splitmix32(bb ^ 0x27d4eb2d);
  let d = 1;
  const lut = POISSON_HI;
  const T = POISSON_T;
  for (let i = -12, n = w.length; i < n; i++) {
    const t = (((a + bb) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = bb ^ (bb >>> 9);
    bb = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    if (i < 0) continue; // warm-up draws
    const k = lut[t >>> 16];
    if (k !== 255) w[i] = k;
    else {
      const u = t >>> 0;
      let j = 0;
      while (u >= T[j]) j++;
      w[i] = j;
    }
  }
}

/** Runs the paired bootstrap over one or two metric sets prepared on the same rows. */
export function pairedBootstrap(sets: MetricSet[], opts: BootstrapOptions): BootstrapResult {
  const n = sets[0].n;
  const names = sets[0].names;
  const m = names.length;
  const B = opts.resamples;
  const samples = sets.map(() => new Float64Array(B * m));
  const w = new Uint8Array(n);
  const out = new Float64Array(m);
  for (let b = 0; b < B; b++) {
    poissonWeights(w, opts.seed, b);
    for (let s = 0; s < sets.length; s++) {
      sets[s].compute(w, out);
      samples[s].set(out, b * m);
    }
    opts.onResample?.(b + 1);
  }
  const alpha = (1 - (opts.confidence ?? 0.95)) / 2;
  const interval = (pick: (b: number) => number): Interval => {
    const vals: number[] = [];
    for (let b = 0; b < B; b++) {
      const v = pick(b);
      if (Number.isFinite(v)) vals.push(v);
    }
    const sorted = Float64Array.from(vals).sort();
    return { lo: percentile(sorted, alpha * 100), hi: percentile(sorted, (1 - alpha) * 100) };
  };
  const intervals = samples.map((arr) =>
    Object.fromEntries(names.map((name, j) => [name, interval((b) => arr[b * m + j])])),
  );
  const deltas: Record<string, Interval> = {};
  if (sets.length === 2) {
    for (let j = 0; j < m; j++) {
      deltas[names[j]] = interval((b) => samples[0][b * m + j] - samples[1][b * m + j]);
    }
  }
  return { intervals, deltas };
}
