import { availableParallelism } from "node:os";
import { isMainThread, parentPort, type Worker, workerData } from "node:worker_threads";
import { startModuleWorker } from "../util/worker.ts";
import {
  alignResampleOrder,
  BinaryMetricSet,
  type MetricSet,
  MulticlassMetricSet,
  percentile,
  RegressionMetricSet,
} from "./metrics.ts";

/**
 * Paired Poisson bootstrap. Resample b gives every row a weight drawn from Poisson(1) by a generator seeded with
 * (seed, b); the same weights go to the candidate and the baseline, so the delta's interval is paired. The weights
 * are drawn in a fixed order of the rows (for binary tasks the candidate's score order, see alignResampleOrder) and
 * depend only on (seed, b, rows), so the same rows give the same intervals in one run, any number of threads, or
 * after a shard merge.
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

/** What a metric set is built from: plain typed arrays, so that worker threads can rebuild it. */
export type SetSpec =
  | { kind: "binary"; y: Uint8Array; score: Float64Array; threshold: number }
  | { kind: "multiclass"; y: Uint32Array; proba: Float64Array; k: number }
  | { kind: "regression"; y: Float64Array; pred: Float64Array };

/**
 * The sets of a run, in the resampling order of `alignResampleOrder`. `orderOnDemand`: a binary set sorts its rows'
 * order only when a walk first needs it (for the point metrics alone, which need none; see BinaryMetricSet).
 */
export function buildSets(specs: SetSpec[], orderOnDemand = false): MetricSet[] {
  const sets = specs.map((spec) =>
    spec.kind === "binary" ? new BinaryMetricSet(spec.y, spec.score, spec.threshold, orderOnDemand) : buildSet(spec),
  );
  alignResampleOrder(sets);
  return sets;
}

export function buildSet(spec: SetSpec): MetricSet {
  if (spec.kind === "binary") return new BinaryMetricSet(spec.y, spec.score, spec.threshold);
  if (spec.kind === "multiclass") return new MulticlassMetricSet(spec.y, spec.proba, spec.k);
  return new RegressionMetricSet(spec.y, spec.pred);
}

/** Metrics of resamples [b0, b1) for each set: row-major (b - b0) × names.length. */
export function runResamples(
  sets: MetricSet[],
  seed: number,
  b0: number,
  b1: number,
  onResample?: (done: number) => void,
): Float64Array[] {
  const m = sets[0].names.length;
  const samples = sets.map(() => new Float64Array((b1 - b0) * m));
  const w = new Uint8Array(sets[0].n);
  const out = new Float64Array(m);
  for (let b = b0; b < b1; b++) {
    poissonWeights(w, seed, b);
    for (let s = 0; s < sets.length; s++) {
      const set = sets[s];
      if (set.computeResample) set.computeResample(w, out);
      else set.compute(w, out);
      samples[s].set(out, (b - b0) * m);
    }
    onResample?.(b - b0 + 1);
  }
  return samples;
}

function summarizeSamples(
  names: readonly string[],
  samples: Float64Array[],
  B: number,
  confidence = 0.95,
): BootstrapResult {
  const m = names.length;
  const alpha = (1 - confidence) / 2;
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
  if (samples.length === 2) {
    for (let j = 0; j < m; j++) deltas[names[j]] = interval((b) => samples[0][b * m + j] - samples[1][b * m + j]);
  }
  return { intervals, deltas };
}

/** Runs the paired bootstrap over one or two metric sets prepared on the same rows, in this thread. */
export function pairedBootstrap(sets: MetricSet[], opts: BootstrapOptions): BootstrapResult {
  alignResampleOrder(sets);
  const samples = runResamples(sets, opts.seed, 0, opts.resamples, opts.onResample);
  return summarizeSamples(sets[0].names, samples, opts.resamples, opts.confidence);
}

/**
 * The same bootstrap spread over worker threads, each taking a contiguous range of resamples. Resample b's weights
 * depend only on (seed, b), so the result is identical to `pairedBootstrap` whatever the number of workers.
 * A worker that cannot start or dies has its range run in this thread instead (same result, slower); the answer's
 * `threads` says how many threads ran and why any worker fell back, so callers can warn and tests can fail.
 */
export async function pairedBootstrapParallel(
  specs: SetSpec[],
  sets: MetricSet[],
  opts: BootstrapOptions & {
    workers?: number;
    /** Starts the worker for one range (default: this module in a worker thread). */
    startWorker?: (data: WorkerData) => Worker;
  },
): Promise<BootstrapResult & { threads: ThreadReport }> {
  const B = opts.resamples;
  const n = sets[0].n;
  // threads in all, this one included: it takes the first range, workers the others (each rebuilds the sets, so
  // memory grows by one prepared copy per worker)
  const threads = Math.max(1, Math.min(opts.workers ?? availableParallelism(), 8, B));
  if (threads === 1 || n * B < 20_000_000)
    return { ...pairedBootstrap(sets, opts), threads: { used: 1, fallbacks: [] } };
  const start = opts.startWorker ?? startWorker;
  const fallbacks: string[] = [];
  const m = sets[0].names.length;
  const ranges = Array.from({ length: threads }, (_, i) => [
    Math.floor((i * B) / threads),
    Math.floor(((i + 1) * B) / threads),
  ]);
  const done = new Array<number>(threads).fill(0);
  const report = () => opts.onResample?.(done.reduce((a, c) => a + c, 0));
  const pending = ranges.slice(1).map(
    ([b0, b1], j) =>
      new Promise<Float64Array[]>((resolve) => {
        const i = j + 1;
        let settled = false;
        const fallback = (why: unknown) => {
          if (settled) return;
          settled = true;
          fallbacks[i - 1] = `resamples ${b0}-${b1 - 1}: ${why instanceof Error ? why.message : String(why)}`;
          resolve(runResamples(sets, opts.seed, b0, b1));
        };
        let w: Worker;
        try {
          w = start({ modelgateBootstrap: { specs, seed: opts.seed, b0, b1 } });
        } catch (err) {
          fallback(err);
          return;
        }
        w.on("message", (msg: { progress?: number; samples?: Float64Array[] }) => {
          if (msg.samples) {
            settled = true;
            resolve(msg.samples);
          } else if (msg.progress !== undefined) {
            done[i] = msg.progress;
            report();
          }
        });
        w.on("error", fallback);
        // after "message" delivered the samples this is a no-op; before it, the worker died or never ran its range
        w.on("exit", (code) => fallback(`the worker exited (code ${code}) without its resamples`));
      }),
  );
  const first = runResamples(sets, opts.seed, ranges[0][0], ranges[0][1], (d) => {
    done[0] = d;
    if (d % 10 === 0) report();
  });
  const parts = [first, ...(await Promise.all(pending))];
  done.fill(0);
  done[0] = B;
  report();
  const samples = sets.map((_, s) => {
    const all = new Float64Array(B * m);
    ranges.forEach(([b0], i) => {
      all.set(parts[i][s], b0 * m);
    });
    return all;
  });
  const failed = fallbacks.filter((f) => f !== undefined);
  return {
    ...summarizeSamples(sets[0].names, samples, B, opts.confidence),
    threads: { used: threads - failed.length, fallbacks: failed },
  };
}

/** How a parallel bootstrap ran: machine-dependent, so it belongs to a record's timings, never to its results. */
export interface ThreadReport {
  /** Threads that computed resamples, this one included. */
  used: number;
  /** For each worker whose range ran in this thread instead: which resamples, and why. */
  fallbacks: string[];
}

/** What a bootstrap worker is given: its sets' specs and its range of resamples. */
export interface WorkerData {
  modelgateBootstrap: { specs: SetSpec[]; seed: number; b0: number; b1: number };
}

/** A worker running this module (the bundled .js directly; the TypeScript source through tsx). */
function startWorker(data: WorkerData): Worker {
  return startModuleWorker(import.meta.url, data);
}

if (!isMainThread && workerData?.modelgateBootstrap) {
  const { specs, seed, b0, b1 } = workerData.modelgateBootstrap as {
    specs: SetSpec[];
    seed: number;
    b0: number;
    b1: number;
  };
  const sets = buildSets(specs);
  const samples = runResamples(sets, seed, b0, b1, (d) => {
    if (d % 10 === 0) parentPort?.postMessage({ progress: d });
  });
  parentPort?.postMessage(
    { samples },
    samples.map((x) => x.buffer as ArrayBuffer),
  );
}
