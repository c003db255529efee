import { statSync } from "node:fs";
import { CheckFailed, UserError } from "../errors.ts";
import {
  type Batch,
  type Cell,
  cellToNumber,
  cellToString,
  type CsvDelimiter,
  DataError,
  type Format,
  formatOf,
  type ReadOptions,
  readBatches,
  rowPlace,
  type Verify,
} from "../data/read.ts";
import { isServed, openData } from "../data/read-source.ts";
import { sha256Bytes } from "../data/hash.ts";
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
  data: { path: string; display?: string; format?: Format; name?: string; delimiter?: CsvDelimiter };
  /**
   * The data is a remote object still being downloaded into the cache (storage/fetch.ts `downloadStreaming`): the pass
   * reads it as it arrives, and `arrival` settles with its checked sha256 or its refusal.
   */
  arriving?: { arrival: Promise<string>; abort: () => void };
  label: { column: string; classes?: Label[]; positive?: Label; labels?: Record<string, Label> };
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
  /**
   * The shard, and for a CSV file the bytes its part spanned (from its first record's start to the end of its last):
   * the merge checks that the parts meet.
   */
  shard?: { index: number; count: number; bytes?: { start: number; end: number } };
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

/** The bucket of a slice value between increasing edges, as the record names it: "[25, 40)". */
export function bucketKey(v: number, edges: number[]): string {
  if (edges.length === 0 || v < edges[0]) return `(-inf, ${edges[0] ?? "inf"})`;
  for (let i = 1; i < edges.length; i++) if (v < edges[i]) return `[${edges[i - 1]}, ${edges[i]})`;
  return `[${edges[edges.length - 1]}, inf)`;
}

/** Codes for keys in order of first appearance: the label classes and slice values as they stream in. */
export class Dict {
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
  // through the readers' opener: a file still arriving from a store has its full size, and its first bytes are waited for
  let fh: Awaited<ReturnType<typeof openData>> | undefined;
  try {
    fh = await openData(path);
    const size = (await fh.stat()).size;
    // a shard's remote part is read block by block: the estimate reads no further than the header's block needs
    const buf = Buffer.alloc(Math.min(size, isServed(path) ? 16 << 10 : 1 << 20));
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    let lines = 0;
    for (let i = 0; i < bytesRead; i++) if (buf[i] === 10) lines++;
    return lines > 1 ? Math.round((size / bytesRead) * lines) - (format === "csv" ? 1 : 0) : 0;
  } catch {
    // a download refused before or during this look (a changed object), a block not the pinned one: only the
    // progress bar's total is lost here; the pass meets the same failure and reports it (the download's own refusal)
    return 0;
  } finally {
    await fh?.close();
  }
}

/** The columns a pass reads: the models' features (some as text), the label and the slice columns. */
export interface PassColumns {
  features: string[];
  /** Features a model takes as strings (columns mode); the others are read as numbers. */
  strings: Set<string>;
  /** Every column read, in order: features, label, slices. */
  all: string[];
}

/** What a pass keeps of each batch: its kept rows' features, label codes or targets, and slice codes. */
export interface PreparedBatch {
  fb: FeatureBatch;
  labels: Int32Array | Float64Array;
  slices: Int32Array[];
  offset: number;
  /** Rows left out for a feature that is not a finite number (nanPolicy count). */
  skipped: number;
}

/** The codes given so far to label classes and slice values, over the batches of one pass. */
export interface Codes {
  labels: Dict;
  /** A text label's code by the text itself: one keyOf per distinct spelling, not per row. */
  labelOf: Map<string, number>;
  slices: Dict[];
}

export function newCodes(spec: Pick<EvaluationSpec, "slices">): Codes {
  return { labels: new Dict(), labelOf: new Map(), slices: spec.slices.map(() => new Dict()) };
}

/** Streams the data once through every model. Memory: the predictions and labels, never the feature rows. */
export async function collect(spec: EvaluationSpec, io?: Io): Promise<Collected> {
  const started = performance.now();
  const display = spec.data.display ?? spec.data.path;
  const format = spec.data.format ?? formatOf(spec.data.path);
  const batchSize = spec.batchSize ?? 8192;
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
      runners.push(await ModelRunner.open(runnable[i], s.source, spec.task, s.io, SCORING_THREADS));
    }
    const columns = passColumns(spec, runners);
    const progress = io ? new Progress(io, `evaluate ${spec.name}`, 0) : undefined;
    const est = await estimateRows(spec.data.path, format);
    // a shard of a CSV or Parquet file reads its part only (below); of JSONL, every batch
    const byPart = spec.shard && format !== "jsonl";
    progress?.setTotal(byPart ? Math.round(est / spec.shard!.count) : est);
    pool = await startScoringPool(spec, sources, runnable, est / batchSize / (spec.shard?.count ?? 1), io);
    // the bytes are hashed as the pass reads them (the one read of the file), or as they arrive from the store
    let sha256 = "";
    const verify: Verify = { ...spec.arriving, onDigest: (d) => (sha256 = d) };
    // a shard reads only its part of a CSV (a byte range) or Parquet file (row groups)
    let part: { start: number; end: number } | undefined;
    const readPart = byPart ? { ...spec.shard!, onPart: (p: typeof part) => (part = p) } : undefined;
    const pass = await scorePass({
      spec,
      display,
      format,
      batchSize,
      columns,
      runners,
      pool,
      progress,
      verify,
      part: readPart,
    });
    progress?.finish();
    if (pass.batches === 0 && pass.rows === 0 && !spec.shard)
      throw new CheckFailed(`${display} has no data rows to evaluate`);
    const models: CollectedModel[] = [];
    for (let m = 0; m < runners.length; m++) {
      models.push(await collectedModel(spec, sources[m], runners[m], m, pass.preds[m], pass.firstRow));
    }
    const {
      candidate: _c,
      baseline: _b,
      workers: _w,
      latency: _l,
      batchSize: _bs,
      shard: _s,
      arriving: _a,
      ...settings
    } = spec;
    return {
      // the data as the run names it, not where this machine keeps it (a checkout's path, a cache entry): shards
      // evaluated on different runners must agree on their settings
      settings: { ...settings, data: { ...spec.data, path: display, display }, batchSize },
      dataset: { path: display, sha256, format },
      shard: spec.shard && (format === "csv" ? { ...spec.shard, bytes: part } : spec.shard),
      rows: pass.rows,
      blocks: pass.blocks,
      labelKeys: pass.codes.labels.keys,
      labelCodes: pass.labelCodes.view(),
      target: pass.target.view(),
      slices: spec.slices.map((s, j) => ({
        column: s.column,
        keys: pass.codes.slices[j].keys,
        codes: pass.sliceCodes[j].view(),
      })),
      models,
      skipped: pass.nanRows > 0 ? { nan_features: pass.nanRows } : {},
      durationMs: performance.now() - started,
      workers: pool?.size ?? 0,
    };
  } finally {
    spec.arriving?.abort(); // a download the pass did not finish (a model that failed to load) stops
    await pool?.close();
    for (const r of runners) await r.close();
  }
}

/** The columns to read for these models; a label column listed as a feature is refused. */
export function passColumns(
  spec: Pick<EvaluationSpec, "label" | "slices">,
  runners: Pick<ModelRunner, "columns" | "stringColumns">[],
): PassColumns {
  const strings = new Set(runners.flatMap((r) => r.stringColumns()));
  const features = [...new Set(runners.flatMap((r) => r.columns))];
  if (features.includes(spec.label.column)) {
    throw new UserError(
      `the label column "${spec.label.column}" is also listed as a feature; remove it from the features`,
    );
  }
  const all = [...new Set([...features, spec.label.column, ...spec.slices.map((s) => s.column)])];
  return { features, strings, all };
}

/**
 * Worker threads that score batches, when they pay off (more than a few batches of this pass, or as many as
 * spec.workers says); undefined to score in this thread. Same predictions either way.
 */
async function startScoringPool(
  spec: EvaluationSpec,
  sources: ModelSource[],
  runnable: Uint8Array[],
  ownBatches: number,
  io: Io | undefined,
): Promise<ScoringPool | undefined> {
  const workers = spec.workers ?? (ownBatches > 4 ? defaultScoringWorkers() : 0);
  if (workers === 0) return undefined;
  const started = await ScoringPool.start(
    sources.map((s, i) => ({ bytes: runnable[i], file: s.source, io: s.io })),
    spec.task,
    workers,
  );
  if (started.error) {
    io?.err(
      `warning: scoring worker threads could not start; batches are scored in the main thread (same predictions, slower): ${started.error}\n`,
    );
  }
  return started.pool;
}

type Scored = { outs: (Float32Array | Float64Array)[]; ms?: number[]; rows: number; read: number };

/** What one pass over the data gathered. */
interface Pass {
  rows: number;
  blocks: { offset: number; rows: number }[];
  codes: Codes;
  labelCodes: Grow<Int32Array>;
  target: Grow<Float64Array>;
  sliceCodes: Grow<Int32Array>[];
  preds: (Grow<Float32Array> | Grow<Float64Array> | undefined)[];
  nanRows: number;
  /** Batches read, this shard's and the others'. */
  batches: number;
  /** The first kept row, for the latency measurement. */
  firstRow?: FeatureBatch;
}

/**
 * Reads the batches (this shard's only), prepares each and scores it through every model, the scoring of a batch
 * overlapping the parsing of the next ones; predictions are appended in batch order.
 */
async function scorePass(p: {
  spec: EvaluationSpec;
  display: string;
  format: Format;
  batchSize: number;
  columns: PassColumns;
  runners: ModelRunner[];
  pool?: ScoringPool;
  progress?: Progress;
  verify: Verify;
  part?: ReadOptions["part"];
}): Promise<Pass> {
  const { spec, runners, pool, progress } = p;
  const classification = spec.task !== "regression";
  const pass: Pass = {
    rows: 0,
    blocks: [],
    codes: newCodes(spec),
    labelCodes: new Grow(Int32Array),
    target: new Grow(Float64Array),
    sliceCodes: spec.slices.map(() => new Grow(Int32Array)),
    // float32 or float64, as the model returns them (decided by the first batch)
    preds: runners.map(() => undefined),
    nanRows: 0,
    batches: 0,
  };
  // batches being scored, oldest first: their predictions are appended in batch order
  const inflight: Promise<Scored>[] = [];
  const maxInflight = pool ? pool.size * 2 : 1;
  const drain = async () => {
    const s = await inflight.shift()!;
    s.outs.forEach((o, m) => {
      pass.preds[m] ??= o instanceof Float64Array ? new Grow(Float64Array) : new Grow(Float32Array);
      pass.preds[m].append(o);
      if (s.ms) {
        runners[m].inferMs += s.ms[m];
        runners[m].inferRows += s.rows;
      }
    });
    progress?.add(s.read);
  };
  let batchIndex = 0;
  for await (const b of readBatches(spec.data.path, {
    format: p.format,
    batchSize: p.batchSize,
    columns: p.columns.all,
    numeric: p.columns.features.filter((c) => !p.columns.strings.has(c)),
    displayName: p.display,
    delimiter: spec.data.delimiter,
    verify: p.verify,
    part: p.part,
  })) {
    const g = batchIndex++;
    if (spec.shard && !p.part && g % spec.shard.count !== spec.shard.index - 1) {
      progress?.add(b.length);
      continue;
    }
    const prep = prepareBatch(b, spec, p.columns, pass.codes, p.display);
    pass.nanRows += prep.skipped;
    if (!pass.firstRow && prep.fb.length > 0) pass.firstRow = sliceRow(prep.fb, 0);
    while (inflight.length >= maxInflight) await drain();
    pass.rows += prep.fb.length;
    pass.blocks.push({ offset: prep.offset, rows: prep.fb.length });
    if (classification) pass.labelCodes.append(prep.labels as Int32Array);
    else pass.target.append(prep.labels as Float64Array);
    prep.slices.forEach((c, j) => {
      pass.sliceCodes[j].append(c);
    });
    if (prep.fb.length === 0) {
      progress?.add(b.length);
      continue;
    }
    inflight.push(scoreBatch(runners, pool, prep.fb, b.length));
  }
  while (inflight.length > 0) await drain();
  pass.batches = batchIndex;
  return pass;
}

/** Scores one batch through every model, in a worker thread when there is a pool. */
function scoreBatch(runners: ModelRunner[], pool: ScoringPool | undefined, fb: FeatureBatch, read: number) {
  const n = fb.length;
  const job: Promise<Scored> = pool
    ? pool
        .run(
          runners.map((r) => r.feeds(fb)),
          n,
        )
        .then((r) => ({ ...r, rows: n, read }))
    : Promise.all(runners.map((r) => r.run(fb))).then((outs) => ({ outs, rows: n, read }));
  // It may fail while the next batches are read: handled here so it is not an unhandled rejection (which ends
  // the process), and thrown where it is drained, in batch order.
  job.catch(() => undefined);
  return job;
}

/**
 * One batch as the pass keeps it: feature values checked (a value that is not a finite number fails the run, or with
 * nanPolicy count leaves its row out), labels coded (classification) or read as numbers (regression), slice values
 * coded; pure over the batch and the codes so far.
 */
export function prepareBatch(
  b: Batch,
  spec: Pick<EvaluationSpec, "task" | "label" | "slices" | "nanPolicy">,
  columns: Pick<PassColumns, "features" | "strings">,
  codes: Codes,
  display: string,
): PreparedBatch {
  const { numeric, strings, valid, bad } = featureValues(b, spec.nanPolicy, columns, display);
  const labels = labelValues(b, spec, codes, display);
  const slices = sliceCodes(b, spec.slices, codes.slices);
  if (bad === 0) return { fb: { length: b.length, numeric, strings }, labels, slices, offset: b.offset, skipped: 0 };
  const idx: number[] = [];
  for (let r = 0; r < b.length; r++) if (valid[r]) idx.push(r);
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
  const kept = labels instanceof Int32Array ? new Int32Array(idx.length) : new Float64Array(idx.length);
  idx.forEach((r, i) => {
    kept[i] = labels[r];
  });
  return {
    fb: { length: idx.length, numeric, strings },
    labels: kept,
    slices: slices.map((c) => Int32Array.from(idx, (r) => c[r])),
    offset: b.offset,
    skipped: bad,
  };
}

/** The feature columns of a batch, and which rows hold a value a model cannot take (with nanPolicy count). */
function featureValues(
  b: Batch,
  nanPolicy: EvaluationSpec["nanPolicy"],
  columns: Pick<PassColumns, "features" | "strings">,
  display: string,
): { numeric: Map<string, Float64Array>; strings: Map<string, string[]>; valid: Uint8Array; bad: number } {
  const n = b.length;
  const numeric = new Map<string, Float64Array>();
  const strings = new Map<string, string[]>();
  const valid = new Uint8Array(n).fill(1);
  let bad = 0;
  for (const col of columns.features) {
    const ci = b.columns.indexOf(col);
    if (columns.strings.has(col)) {
      const cells = b.data[ci];
      const out = new Array<string>(n);
      for (let r = 0; r < n; r++) {
        const s = cellToString(cells[r]);
        if (s === null) {
          if (nanPolicy === "fail") failFeature(display, b, r, col, "empty");
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
        if (nanPolicy === "fail") failFeature(display, b, r, col, shownNumber(b, ci, r, out[r]));
        if (valid[r]) bad++;
        valid[r] = 0;
      }
    }
    numeric.set(col, out);
  }
  return { numeric, strings, valid, bad };
}

/** One message for every feature value a model cannot take: empty, null, NaN, not a number, ±Infinity. */
function failFeature(display: string, b: Batch, r: number, col: string, shown: string): never {
  throw new DataError(
    display,
    rowPlace(b, r),
    `feature "${col}" is not a finite number (${shown}); fix the data, or set spec.evaluation.nanPolicy: count to skip and count such rows`,
  );
}

/** Classification: each row's label code (every row needs a label); regression: each row's finite target. */
function labelValues(
  b: Batch,
  spec: Pick<EvaluationSpec, "task" | "label">,
  codes: Codes,
  display: string,
): Int32Array | Float64Array {
  const n = b.length;
  const labelCells = b.data[b.columns.indexOf(spec.label.column)];
  if (spec.task !== "regression") {
    const labels = new Int32Array(n);
    for (let r = 0; r < n; r++) {
      const c = labelCells[r];
      const known = typeof c === "string" ? codes.labelOf.get(c) : undefined;
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
      labels[r] = codes.labels.code(k);
      if (typeof c === "string" && codes.labelOf.size < 10000) codes.labelOf.set(c, labels[r]);
    }
    return labels;
  }
  const labels = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const c = labelCells[r];
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
  return labels;
}

/** Each slice's code per row: the value's key, or its bucket between the slice's edges; "(null)" for none. */
function sliceCodes(b: Batch, slices: EvaluationSpec["slices"], dicts: Dict[]): Int32Array[] {
  return slices.map((s, j) => {
    const at = b.columns.indexOf(s.column);
    const cells = b.data[at];
    const nums = b.numeric?.[at];
    const codes = new Int32Array(b.length);
    for (let r = 0; r < b.length; r++) {
      const c: Cell = nums ? (Number.isNaN(nums[r]) ? null : nums[r]) : cells[r];
      let key: string;
      if (s.buckets) {
        const v = cellToNumber(c);
        key = v === null || Number.isNaN(v) ? "(null)" : bucketKey(v, s.buckets);
      } else key = keyOf(c) ?? "(null)";
      codes[r] = dicts[j].code(key);
    }
    return codes;
  });
}

/** One model's part of the collected rows: its predictions, what is known of them, and (unless off) its latency. */
async function collectedModel(
  spec: EvaluationSpec,
  source: ModelSource,
  r: ModelRunner,
  m: number,
  preds: Grow<Float32Array> | Grow<Float64Array> | undefined,
  firstRow: FeatureBatch | undefined,
): Promise<CollectedModel> {
  let latency: CollectedModel["latency"];
  if (spec.latency !== false && firstRow) latency = { ...(await r.latency(firstRow)), runs: 200 };
  return {
    role: m === 0 ? "candidate" : "baseline",
    source: source.source,
    version: source.version,
    sha256: sha256Bytes(source.bytes),
    output: r.output,
    classLabels: r.classLabels,
    notes: r.notes,
    preds: preds?.view() ?? new Float32Array(0),
    latency,
    inferMs: r.inferMs,
    inferRows: r.inferRows,
    threads: r.threads,
    features: r.columns,
  };
}

/** A numeric cell for a message: "empty", its text when it is not a number, or the value (NaN, Infinity). */
export function shownNumber(b: Batch, c: number, r: number, v: number): string {
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
