import { statSync } from "node:fs";
import { open } from "node:fs/promises";
import { CheckFailed, UserError } from "../errors.ts";
import {
  type Batch,
  type Cell,
  cellToNumber,
  cellToString,
  DataError,
  type Format,
  formatOf,
  readBatches,
  rowPlace,
} from "../data/read.ts";
import { sha256Bytes, sha256File } from "../data/hash.ts";
import type { Io } from "../util/io.ts";
import { Progress } from "../util/progress.ts";
import { Grow } from "./grow.ts";
import type { Task } from "./metrics.ts";
import { withExternalData } from "../onnx/external.ts";
import { defaultScoringWorkers, ScoringPool } from "./pool.ts";
import { type FeatureBatch, type ModelIo, ModelRunner, SCORING_THREADS, type Threads } from "./runner.ts";

export type Label = string | number | boolean;

/** One model to evaluate: its bytes, where they came from, and how the data feeds it. */
export interface ModelSource {
  bytes: Uint8Array;
  /** A path, or `git:<ref>:<path>` for a baseline read from git. */
  source: string;
  version?: string;
  io: ModelIo;
  /**
   * The folder of a trusted model file: its external data, if any, is read from there only (src/onnx/external.ts).
   * Absent for bytes from an untrusted run or from git, whose model must hold its weights inside the file.
   */
  dir?: string;
}

/** Everything that decides the numbers: the manifest's evaluation section, or the quick-look flags. */
export interface EvaluationSpec {
  name: string;
  version?: string;
  task: Task;
  data: { path: string; display?: string; format?: Format; name?: string };
  label: { column: string; classes?: Label[]; positive?: Label };
  threshold: number;
  slices: { column: string; buckets?: number[] }[];
  minSliceSupport: number;
  nanPolicy: "fail" | "count";
  bootstrap: { resamples: number; seed: number };
  /** Metrics whose spread across slices is reported (besides recall and positive_rate for binary tasks). */
  fairnessMetrics?: string[];
  candidate: ModelSource;
  baseline?: ModelSource;
  batchSize?: number;
  /** Measure single-row latency (default true). */
  latency?: boolean;
  /**
   * Worker threads that score batches (default: one per CPU, at most 8, when the data has more than a few batches;
   * 0: score in this thread). Any number gives the same predictions: every session scores with SCORING_THREADS.
   */
  workers?: number;
  /** Evaluate only batch g with g % count === index - 1 (1-based index). */
  shard?: { index: number; count: number };
}

/** What a model produced on the rows: row-major predictions and what is known about them. */
export interface CollectedModel {
  role: "candidate" | "baseline";
  source: string;
  version?: string;
  sha256: string;
  output: { name: string; width: number };
  classLabels?: string[];
  notes: string[];
  preds: Float32Array | Float64Array;
  latency?: { p50: number; p95: number; p99: number; runs: number };
  inferMs: number;
  inferRows: number;
  /** The onnxruntime thread setting it was scored with (SCORING_THREADS). */
  threads: Threads;
  features: string[];
}

/**
 * The rows as evaluated: labels, slice keys and every model's predictions, in file order. This is also the shard
 * state: shards hold disjoint batches, and concatenating them by offset gives exactly the arrays of one run.
 */
export interface Collected {
  settings: Omit<EvaluationSpec, "candidate" | "baseline" | "workers" | "latency" | "batchSize" | "shard"> & {
    batchSize: number;
  };
  dataset: { path: string; sha256: string; format: Format };
  shard?: { index: number; count: number };
  rows: number;
  /** Kept rows per batch, by the batch's first row in the file: the order for merging shards. */
  blocks: { offset: number; rows: number }[];
  labelKeys: string[];
  /** Classification: index into labelKeys per row. */
  labelCodes: Int32Array;
  /** Regression: the target per row. */
  target: Float64Array;
  slices: { column: string; keys: string[]; codes: Int32Array }[];
  models: CollectedModel[];
  skipped: Record<string, number>;
  durationMs: number;
  /** Worker threads that scored the batches (0: this thread). */
  workers: number;
}

/** A label or slice value as a key: numbers in one spelling ("1", "1.0" and 1 are the same class). */
export function keyOf(v: Cell | Label): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return String(v);
  if (typeof v === "bigint") return String(Number(v));
  const s = cellToString(v as Cell);
  if (s === null) return null;
  const t = s.trim();
  if (t !== "" && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return String(Number(t));
  return s;
}

function bucketKey(v: number, edges: number[]): string {
  if (edges.length === 0 || v < edges[0]) return `(-inf, ${edges[0] ?? "inf"})`;
  for (let i = 1; i < edges.length; i++) if (v < edges[i]) return `[${edges[i - 1]}, ${edges[i]})`;
  return `[${edges[edges.length - 1]}, inf)`;
}

class Dict {
  readonly keys: string[] = [];
  private readonly map = new Map<string, number>();
  code(k: string): number {
    let c = this.map.get(k);
    if (c === undefined) {
      c = this.keys.length;
      this.map.set(k, c);
      this.keys.push(k);
    }
    return c;
  }
}

/** Rows of the data file estimated from its size and the first megabyte (for progress on CSV/JSONL). */
async function estimateRows(path: string, format: Format): Promise<number> {
  if (format === "parquet") {
    try {
      const { asyncBufferFromFile, parquetMetadataAsync } = await import("hyparquet");
      const meta = await parquetMetadataAsync(await asyncBufferFromFile(path));
      return Number(meta.num_rows);
    } catch {
      return 0;
    }
  }
  const size = statSync(path).size;
  const fh = await open(path, "r");
  try {
    const buf = Buffer.alloc(Math.min(size, 1 << 20));
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    let lines = 0;
    for (let i = 0; i < bytesRead; i++) if (buf[i] === 10) lines++;
    return lines > 1 ? Math.round((size / bytesRead) * lines) - (format === "csv" ? 1 : 0) : 0;
  } finally {
    await fh.close();
  }
}

/** Streams the data once through every model. Memory: the predictions and labels, never the feature rows. */
export async function collect(spec: EvaluationSpec, io?: Io): Promise<Collected> {
  const started = performance.now();
  const display = spec.data.display ?? spec.data.path;
  const format = spec.data.format ?? formatOf(spec.data.path);
  const batchSize = spec.batchSize ?? 8192;
  const threads = SCORING_THREADS;
  try {
    statSync(spec.data.path);
  } catch {
    throw new UserError(`data file ${display} does not exist; check the path`);
  }
  const sources = [spec.candidate, ...(spec.baseline ? [spec.baseline] : [])];
  // What onnxruntime runs: the bytes, with a trusted file's external data read from its own folder into them (the
  // record's digests stay the files' own).
  const runnable = sources.map((s) => withExternalData(s.bytes, s.source, s.dir));
  const runners: ModelRunner[] = [];
  let pool: ScoringPool | undefined;
  try {
    for (const [i, s] of sources.entries()) {
      runners.push(await ModelRunner.open(runnable[i], s.source, spec.task, s.io, threads));
    }
    const stringCols = new Set(runners.flatMap((r) => r.stringColumns()));
    const featureCols = [...new Set(runners.flatMap((r) => r.columns))];
    if (featureCols.includes(spec.label.column)) {
      throw new UserError(
        `the label column "${spec.label.column}" is also listed as a feature; remove it from the features`,
      );
    }
    const sliceCols = spec.slices.map((s) => s.column);
    const columns = [...new Set([...featureCols, spec.label.column, ...sliceCols])];
    const labelDict = new Dict();
    const labelCodeOf = new Map<string, number>();
    const labelCodes = new Grow(Int32Array);
    const target = new Grow(Float64Array);
    const sliceDicts = spec.slices.map(() => new Dict());
    const sliceCodes = spec.slices.map(() => new Grow(Int32Array));
    // float32 or float64, as the model returns them (decided by the first batch)
    const preds: (Grow<Float32Array> | Grow<Float64Array> | undefined)[] = runners.map(() => undefined);
    const blocks: { offset: number; rows: number }[] = [];
    const skipped: Record<string, number> = {};
    let nanRows = 0;
    let firstRow: FeatureBatch | undefined;
    const classification = spec.task !== "regression";
    const progress = io ? new Progress(io, `evaluate ${spec.name}`, 0) : undefined;
    const est = await estimateRows(spec.data.path, format);
    progress?.setTotal(est);
    // Scoring in worker threads pays off beyond a few batches; in this thread otherwise (same predictions either way).
    const ownBatches = est / batchSize / (spec.shard?.count ?? 1);
    const workers = spec.workers ?? (ownBatches > 4 ? defaultScoringWorkers() : 0);
    if (workers > 0) {
      const started = await ScoringPool.start(
        sources.map((s, i) => ({ bytes: runnable[i], file: s.source, io: s.io })),
        spec.task,
        workers,
      );
      pool = started.pool;
      if (started.error) {
        io?.err(
          `warning: scoring worker threads could not start; batches are scored in the main thread (same predictions, slower): ${started.error}\n`,
        );
      }
    }
    const hashing = sha256File(spec.data.path);
    hashing.catch(() => {}); // awaited at the end; a failure of the rows comes first
    type Scored = { outs: (Float32Array | Float64Array)[]; ms?: number[]; rows: number; read: number };
    // batches being scored, oldest first: their predictions are appended in batch order
    const inflight: Promise<Scored>[] = [];
    const maxInflight = pool ? pool.size * 2 : 1;
    const drain = async () => {
      const s = await inflight.shift()!;
      s.outs.forEach((o, m) => {
        preds[m] ??= o instanceof Float64Array ? new Grow(Float64Array) : new Grow(Float32Array);
        preds[m].append(o);
        if (s.ms) {
          runners[m].inferMs += s.ms[m];
          runners[m].inferRows += s.rows;
        }
      });
      progress?.add(s.read);
    };
    let batchIndex = 0;
    let rows = 0;

    const prepare = (b: Batch) => {
      const n = b.length;
      const numeric = new Map<string, Float64Array>();
      const strings = new Map<string, string[]>();
      const valid = new Uint8Array(n).fill(1);
      let bad = 0;
      for (const col of featureCols) {
        const ci = b.columns.indexOf(col);
        const cells = b.data[ci];
        if (stringCols.has(col)) {
          const out = new Array<string>(n);
          for (let r = 0; r < n; r++) {
            const s = cellToString(cells[r]);
            if (s === null) {
              if (spec.nanPolicy === "fail") failFeature(b, r, col, "empty");
              if (valid[r]) bad++;
              valid[r] = 0;
              out[r] = "";
            } else out[r] = s;
          }
          strings.set(col, out);
          continue;
        }
        const out = b.numeric?.[ci];
        if (!out) throw new Error(`column ${col} was not read as numbers`);
        for (let r = 0; r < n; r++) {
          // NaN (empty, null, "nan", not a number) and ±Infinity alike: no model output is meaningful for them
          if (!Number.isFinite(out[r])) {
            if (spec.nanPolicy === "fail") failFeature(b, r, col, shownNumber(b, ci, r, out[r]));
            if (valid[r]) bad++;
            valid[r] = 0;
          }
        }
        numeric.set(col, out);
      }
      const labelCells = b.data[b.columns.indexOf(spec.label.column)];
      const labels = classification ? new Int32Array(n) : new Float64Array(n);
      for (let r = 0; r < n; r++) {
        const c = labelCells[r];
        if (classification) {
          // a text label's code, looked up by the text itself: one keyOf per distinct spelling, not per row
          const known = typeof c === "string" ? labelCodeOf.get(c) : undefined;
          if (known !== undefined) {
            labels[r] = known;
            continue;
          }
          const k = keyOf(c);
          if (k === null)
            throw new DataError(
              display,
              rowPlace(b, r),
              `no label in "${spec.label.column}"; every evaluated row needs one`,
            );
          labels[r] = labelDict.code(k);
          if (typeof c === "string" && labelCodeOf.size < 10000) labelCodeOf.set(c, labels[r]);
        } else {
          const v = typeof c === "number" ? c : cellToNumber(c);
          if (v === null || !Number.isFinite(v)) {
            throw new DataError(
              display,
              rowPlace(b, r),
              `target "${spec.label.column}" is not a finite number (${c === null ? "empty" : JSON.stringify(String(c))}); every evaluated row needs one`,
            );
          }
          labels[r] = v;
        }
      }
      const sliceBatch = spec.slices.map((s, j) => {
        const at = b.columns.indexOf(s.column);
        const cells = b.data[at];
        const nums = b.numeric?.[at];
        const codes = new Int32Array(n);
        for (let r = 0; r < n; r++) {
          const c: Cell = nums ? (Number.isNaN(nums[r]) ? null : nums[r]) : cells[r];
          let key: string;
          if (s.buckets) {
            const v = cellToNumber(c);
            key = v === null || Number.isNaN(v) ? "(null)" : bucketKey(v, s.buckets);
          } else key = keyOf(c) ?? "(null)";
          codes[r] = sliceDicts[j].code(key);
        }
        return codes;
      });
      let keep = n;
      if (bad > 0) {
        nanRows += bad;
        keep = n - bad;
        const idx: number[] = [];
        for (let r = 0; r < n; r++) if (valid[r]) idx.push(r);
        for (const [k, arr] of numeric)
          numeric.set(
            k,
            Float64Array.from(idx, (r) => arr[r]),
          );
        for (const [k, arr] of strings)
          strings.set(
            k,
            idx.map((r) => arr[r]),
          );
        const l2 = classification ? new Int32Array(keep) : new Float64Array(keep);
        idx.forEach((r, i) => {
          l2[i] = labels[r];
        });
        return {
          fb: { length: keep, numeric, strings },
          labels: l2,
          slices: sliceBatch.map((c) => Int32Array.from(idx, (r) => c[r])),
          offset: b.offset,
        };
      }
      return { fb: { length: n, numeric, strings }, labels, slices: sliceBatch, offset: b.offset };
    };

    /** One message for every feature value a model cannot take: empty, null, NaN, not a number, ±Infinity. */
    const failFeature = (b: Batch, r: number, col: string, shown: string): never => {
      throw new DataError(
        display,
        rowPlace(b, r),
        `feature "${col}" is not a finite number (${shown}); fix the data, or set spec.evaluation.nanPolicy: count to skip and count such rows`,
      );
    };

    const numericCols = featureCols.filter((c) => !stringCols.has(c));
    for await (const b of readBatches(spec.data.path, {
      format,
      batchSize,
      columns,
      numeric: numericCols,
      displayName: display,
    })) {
      const g = batchIndex++;
      if (spec.shard && g % spec.shard.count !== spec.shard.index - 1) {
        progress?.add(b.length);
        continue;
      }
      const p = prepare(b);
      if (!firstRow && p.fb.length > 0) firstRow = sliceRow(p.fb, 0);
      while (inflight.length >= maxInflight) await drain();
      rows += p.fb.length;
      blocks.push({ offset: p.offset, rows: p.fb.length });
      if (classification) labelCodes.append(p.labels);
      else target.append(p.labels);
      p.slices.forEach((c, j) => {
        sliceCodes[j].append(c);
      });
      if (p.fb.length === 0) {
        progress?.add(b.length);
        continue;
      }
      // scoring of this batch overlaps the parsing of the next ones
      const n = p.fb.length;
      const job: Promise<Scored> = pool
        ? pool
            .run(
              runners.map((r) => r.feeds(p.fb)),
              n,
            )
            .then((r) => ({ ...r, rows: n, read: b.length }))
        : Promise.all(runners.map((r) => r.run(p.fb))).then((outs) => ({ outs, rows: n, read: b.length }));
      // It may fail while the next batches are read: handled here so it is not an unhandled rejection (which ends
      // the process), and thrown where it is drained, in batch order.
      job.catch(() => undefined);
      inflight.push(job);
    }
    while (inflight.length > 0) await drain();
    progress?.finish();
    if (nanRows > 0) skipped.nan_features = nanRows;
    if (batchIndex === 0 && rows === 0 && !spec.shard) throw new CheckFailed(`${display} has no data rows to evaluate`);

    const models: CollectedModel[] = [];
    for (let m = 0; m < runners.length; m++) {
      const r = runners[m];
      let latency: CollectedModel["latency"];
      if (spec.latency !== false && firstRow) {
        const l = await r.latency(firstRow);
        latency = { ...l, runs: 200 };
      }
      models.push({
        role: m === 0 ? "candidate" : "baseline",
        source: sources[m].source,
        version: sources[m].version,
        sha256: sha256Bytes(sources[m].bytes),
        output: r.output,
        classLabels: r.classLabels,
        notes: r.notes,
        preds: preds[m]?.view() ?? new Float32Array(0),
        latency,
        inferMs: r.inferMs,
        inferRows: r.inferRows,
        threads: r.threads,
        features: r.columns,
      });
    }
    const { candidate: _c, baseline: _b, workers: _w, latency: _l, batchSize: _bs, shard: _s, ...settings } = spec;
    return {
      settings: { ...settings, data: { ...spec.data, display }, batchSize },
      dataset: { path: display, sha256: await hashing, format },
      shard: spec.shard,
      rows,
      blocks,
      labelKeys: labelDict.keys,
      labelCodes: labelCodes.view(),
      target: target.view(),
      slices: spec.slices.map((s, j) => ({ column: s.column, keys: sliceDicts[j].keys, codes: sliceCodes[j].view() })),
      models,
      skipped,
      durationMs: performance.now() - started,
      workers: pool?.size ?? 0,
    };
  } finally {
    await pool?.close();
    for (const r of runners) await r.close();
  }
}

/** A numeric cell for a message: "empty", its text when it is not a number, or the value (NaN, Infinity). */
function shownNumber(b: Batch, c: number, r: number, v: number): string {
  const bad = b.notNumbers?.[c];
  const at = bad ? bad.rows.indexOf(r) : -1;
  if (at >= 0) return JSON.stringify(bad!.texts[at]);
  return Number.isNaN(v) ? "empty or NaN" : String(v);
}

function sliceRow(fb: FeatureBatch, r: number): FeatureBatch {
  return {
    length: 1,
    numeric: new Map([...fb.numeric].map(([k, v]) => [k, v.slice(r, r + 1)])),
    strings: new Map([...fb.strings].map(([k, v]) => [k, v.slice(r, r + 1)])),
  };
}
