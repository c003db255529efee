import { statSync } from "node:fs";
import { CheckFailed, UserError } from "../errors.ts";
import {
  type CsvDelimiter,
  type Format,
  formatOf,
  type ReadOptions,
  readBatches,
  type Verify,
  verifiedRead,
} from "../data/read.ts";
import { isServed, openData } from "../data/read-source.ts";
import { sha256Bytes } from "../data/hash.ts";
import type { Io } from "../util/io.ts";
import { Progress } from "../util/progress.ts";
import { Grow } from "./grow.ts";
import type { Task } from "./metrics.ts";
import { withExternalData } from "../onnx/external.ts";
import { cutCsv } from "../data/csv-cut.ts";
import type { ParquetScoredBatch } from "./parquet-batch.ts";
import type { CsvScored, Measured, ParquetScored, ScoringPool } from "./pool.ts";
import type { ParquetUnit } from "../data/parquet.ts";
import { type Codes, newCodes, type PassColumns, type PrepareSpec, prepareBatch } from "./prepare.ts";
import { type FeatureBatch, type ModelIo, ModelRunner, SCORING_THREADS, type Threads } from "./runner.ts";
import { fromWireRow } from "./score-models.ts";

export type { Label, PrepareSpec } from "./prepare.ts";

export {
  bucketKey,
  type Codes,
  Dict,
  keyOf,
  newCodes,
  type PassColumns,
  type PreparedBatch,
  prepareBatch,
  shownNumber,
} from "./prepare.ts";

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
  label: PrepareSpec["label"];
  threshold: number;
  slices: PrepareSpec["slices"];
  minSliceSupport: number;
  nanPolicy: PrepareSpec["nanPolicy"];
  bootstrap: { resamples: number; seed: number };
  /** Metrics whose spread across slices is reported (besides recall and positive_rate for binary tasks). */
  fairnessMetrics?: string[];
  candidate: ModelSource;
  baseline?: ModelSource;
  /**
   * The data is a remote object still being downloaded into the cache (storage/fetch.ts `downloadStreaming`): the pass
   * reads it as it arrives, and `arrival` settles with its checked sha256 or its refusal.
   */
  arriving?: { arrival: Promise<string>; abort: () => void };
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
  /** onnxruntime-node's version, as the scoring workers told it (not kept in a shard's state). */
  onnxruntime?: string;
}

/** Rows of the data file estimated from its size and the first megabyte (for progress on CSV/JSONL). */
async function estimateRows(path: string, format: Format): Promise<number> {
  if (format === "parquet") {
    try {
      // the footer the quick look just read for the columns is not parsed again
      return await (await import("../data/parquet.ts")).parquetRowCount(path);
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

/** Streams the data once through every model. Memory: the predictions and labels, never the feature rows. */
export async function collect(spec: EvaluationSpec, io?: Io): Promise<Collected> {
  const { collected, closed } = await collectRows(spec, io);
  await closed;
  return collected;
}

/**
 * collect, returning as soon as the rows are in: the scoring workers and sessions are still being closed (`closed`
 * settles when they are), so that the caller's metrics run meanwhile. When it throws, they are closed already.
 */
export async function collectRows(
  spec: EvaluationSpec,
  io?: Io,
): Promise<{ collected: Collected; closed: Promise<void> }> {
  const started = performance.now();
  const display = spec.data.display ?? spec.data.path;
  const format = spec.data.format ?? formatOf(spec.data.path);
  const batchSize = spec.batchSize ?? 8192;
  let size = 0;
  try {
    size = statSync(spec.data.path).size;
  } catch {
    throw new UserError(`data file ${display} does not exist; check the path`);
  }
  const sources = [spec.candidate, ...(spec.baseline ? [spec.baseline] : [])];
  // What onnxruntime runs: the bytes, with a trusted file's external data read from its own folder into them (the
  // record's digests stay the files' own).
  const runnable = sources.map((s) => withExternalData(s.bytes, s.source, s.dir));
  const runners: ModelRunner[] = [];
  let pool: ScoringPool | undefined;
  // a file large enough for worker threads: the pool's module (what each worker loads) is loaded while the rows are
  // estimated, and the workers start (their code, onnxruntime, the models) before this thread goes on to load
  // onnxruntime for its own sessions, which blocks it
  const poolModule = spec.workers !== 0 && size >= 1 << 20 ? import("./pool.ts") : undefined;
  const est = await estimateRows(spec.data.path, format);
  let done = false;
  const starting = startScoringPool(spec, sources, runnable, est / batchSize / (spec.shard?.count ?? 1), poolModule);
  const settled = () => undefined;
  await Promise.race([starting.then(settled, settled), ...(poolModule ? [poolModule.then(settled, settled)] : [])]);
  try {
    // the models checked and planned; their sessions are opened here only if this thread scores (below)
    for (const [i, s] of sources.entries()) {
      runners.push(ModelRunner.planned(runnable[i], s.source, spec.task, s.io, SCORING_THREADS));
    }
    const columns = passColumns(spec, runners);
    const progress = io ? new Progress(io, `evaluate ${spec.name}`, 0) : undefined;
    // a shard of a CSV or Parquet file reads its part only (below); of JSONL, every batch
    const byPart = spec.shard && format !== "jsonl";
    progress?.setTotal(byPart ? Math.round(est / spec.shard!.count) : est);
    const up = await starting;
    pool = up.pool;
    // without workers this thread scores: its sessions open first (a model onnxruntime cannot load fails here); with
    // them it needs none (the workers measure the latency and tell onnxruntime's version), nor onnxruntime
    if (!pool) for (const r of runners) await r.start();
    if (up.error) {
      io?.err(
        `warning: scoring worker threads could not start; batches are scored in the main thread (same predictions, slower): ${up.error}\n`,
      );
    }
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
    let onnxruntime: string | undefined;
    for (let m = 0; m < runners.length; m++) {
      const measured = pool?.measure(m, spec.latency !== false ? pass.firstRow : undefined);
      measured?.catch(() => undefined); // thrown where it is awaited (not at all for a model without latency)
      onnxruntime ??= (await measured)?.onnxruntime;
      models.push(await collectedModel(spec, sources[m], runners[m], m, pass.preds[m], pass.firstRow, measured));
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
    const collected: Collected = {
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
      ...(onnxruntime ? { onnxruntime } : {}),
    };
    done = true;
    return { collected, closed: close() };
  } finally {
    spec.arriving?.abort(); // a download the pass did not finish (a model that failed to load) stops
    if (!done) await close();
  }

  async function close(): Promise<void> {
    pool ??= (await starting).pool; // started, though this thread failed before it took them
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
 * spec.workers says); none to score in this thread, or why they could not start. Same predictions either way.
 */
async function startScoringPool(
  spec: EvaluationSpec,
  sources: ModelSource[],
  runnable: Uint8Array[],
  ownBatches: number,
  poolModule?: Promise<typeof import("./pool.ts")>,
): Promise<{ pool?: ScoringPool; error?: string }> {
  if (spec.workers === 0 || (spec.workers === undefined && ownBatches <= 4)) return {};
  // loaded apart from this module: its bundle chunk is what each worker thread loads, and then holds only the
  // modules a worker runs (parsing, preparing, onnxruntime), not the manifest schemas, YAML and storage of the CLI
  const { ScoringPool, defaultScoringWorkers } = await (poolModule ?? import("./pool.ts"));
  const workers = spec.workers ?? defaultScoringWorkers();
  if (workers === 0) return {};
  return ScoringPool.start(
    sources.map((s, i) => ({ bytes: runnable[i], file: s.source, io: s.io })),
    spec.task,
    workers,
  );
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
  // a whole CSV file is cut here and parsed in the workers; a shard's byte range is parsed here (csv.ts readCsvPart)
  if (pool && p.format === "csv" && !p.part) {
    await csvInWorkers({ ...p, pool }, pass);
    return pass;
  }
  // a whole Parquet file whose batches do not cross row groups is decoded in the workers, unit by unit
  if (pool && p.format === "parquet" && !p.part && (await parquetInWorkers({ ...p, pool }, pass))) return pass;
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
  const read = {
    format: p.format,
    batchSize: p.batchSize,
    columns: p.columns.all,
    numeric: p.columns.features.filter((c) => !p.columns.strings.has(c)),
    displayName: p.display,
    delimiter: spec.data.delimiter,
    verify: p.verify,
    part: p.part,
  };
  for await (const b of readBatches(spec.data.path, read)) {
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

/**
 * The CSV pass with worker threads: this thread reads the file and cuts it into batches of records (csv-cut.ts); each
 * batch is parsed, prepared and scored in a worker, with label and slice codes of its own, which are mapped here onto
 * the pass's codes in batch order — the same codes, rows, predictions and errors as parsing here, on every CPU.
 */
async function csvInWorkers(p: Parameters<typeof scorePass>[0] & { pool: ScoringPool }, pass: Pass): Promise<void> {
  const { spec, runners, pool, progress } = p;
  const inflight: Promise<CsvScored>[] = [];
  const maxInflight = pool.size * 3;
  // the batches' byte buffers, back from the workers: reused rather than allocated (and paged in) again
  const spares: ArrayBuffer[] = [];
  const alloc = (size: number) => {
    const i = spares.findIndex((a) => a.byteLength >= size);
    return i >= 0 ? new Uint8Array(spares.splice(i, 1)[0]) : new Uint8Array(Math.ceil(size * 1.25));
  };
  let batchFailed = false;
  const drain = async () => {
    const s = await inflight.shift()!.catch((err) => {
      batchFailed = true;
      throw err;
    });
    spares.push(s.spare);
    progress?.add(s.read);
    if (!s.prepared) return; // another shard's batch, parsed only
    const b = s.prepared;
    addScoredBatch(pass, runners, b, workerCodes(pass, b.labelKeys, b.sliceKeys));
    if (!pass.firstRow && b.firstRow) {
      pass.firstRow = fromWireRow(b.firstRow);
    }
  };
  let batchIndex = 0;
  let started = false;
  try {
    await cutInto();
  } catch (err) {
    // the cut failed (a record too long, a missing column) past the batches still being scored: one of them may
    // have failed first, and its error is the one to tell
    if (!batchFailed) while (inflight.length > 0) await drain();
    throw err;
  }
  while (inflight.length > 0) await drain();
  pass.batches = batchIndex;

  async function cutInto() {
    for await (const { layout, raw } of verifiedRead(spec.data.path, p.display, p.verify, () =>
      cutCsv(
        spec.data.path,
        {
          batchSize: p.batchSize,
          columns: p.columns.all,
          numeric: p.columns.features.filter((c) => !p.columns.strings.has(c)),
          displayName: p.display,
          delimiter: spec.data.delimiter,
        },
        alloc,
      ),
    )) {
      if (!started) {
        pool.startCsv({
          layout,
          spec: { task: spec.task, label: spec.label, slices: spec.slices, nanPolicy: spec.nanPolicy },
          columns: { features: p.columns.features, strings: p.columns.strings },
          display: p.display,
        });
        started = true;
      }
      const g = batchIndex++;
      const other = spec.shard !== undefined && g % spec.shard.count !== spec.shard.index - 1;
      while (inflight.length >= maxInflight) await drain();
      const job = pool.runCsv(raw, other);
      job.catch(() => undefined); // thrown where it is drained, in batch order
      inflight.push(job);
    }
  }
}

/**
 * The Parquet pass with worker threads: this thread reads each row group's wanted column chunks (parquet.ts
 * `readParquetUnits`, hashed as read) into shared memory; each unit (a row group, or a piece of a large one) is
 * decoded, prepared and scored in a worker, with label and slice codes of its own, mapped here onto the pass's codes
 * in file order — the same codes, rows, predictions and errors as reading here. False (nothing read) when the file
 * is not laid out for it (a batch would cross a row group, a nested column): the caller reads it here.
 */
async function parquetInWorkers(
  p: Parameters<typeof scorePass>[0] & { pool: ScoringPool },
  pass: Pass,
): Promise<boolean> {
  const { spec, runners, pool, progress } = p;
  const { parquetLayout, readParquetUnits } = await import("../data/parquet.ts");
  const numeric = p.columns.features.filter((c) => !p.columns.strings.has(c));
  const layout = await parquetLayout(spec.data.path, {
    batchSize: p.batchSize,
    columns: p.columns.all,
    numeric,
    displayName: p.display,
  });
  if (!layout) return false;
  pool.startParquet({
    layout,
    spec: { task: spec.task, label: spec.label, slices: spec.slices, nanPolicy: spec.nanPolicy },
    columns: { features: p.columns.features, strings: p.columns.strings },
    display: p.display,
  });
  const inflight: { job: Promise<ParquetScored>; unit: ParquetUnit }[] = [];
  // a unit is sent as soon as it is read (the workers take units in turn as they are free), and the next one is read
  // while fewer than this many are out: a unit waits for each worker, and as many row groups are in memory as before
  // (when a unit was sent once fewer than pool.size + 1 were out)
  const maxInflight = pool.size + 2;
  // the row groups' shared memory, reused once the last unit of a group is done with (no worker reads it then)
  const spares: SharedArrayBuffer[] = [];
  const alloc = (size: number) => {
    const i = spares.findIndex((a) => a.byteLength >= size);
    return new Uint8Array(i >= 0 ? spares.splice(i, 1)[0] : new SharedArrayBuffer(Math.ceil(size * 1.1)));
  };
  let unitFailed = false;
  const drain = async () => {
    const { job, unit } = inflight.shift()!;
    const s = await job.catch((err) => {
      unitFailed = true;
      throw err;
    });
    if (unit.last) for (const sp of unit.spans) spares.push(sp.bytes.buffer as SharedArrayBuffer);
    progress?.add(s.read);
    pass.batches += s.batches.length;
    const codes = workerCodes(pass, s.labelKeys, s.sliceKeys);
    for (const b of s.batches) addScoredBatch(pass, runners, b, codes);
    if (!pass.firstRow && s.firstRow) {
      pass.firstRow = fromWireRow(s.firstRow);
    }
  };
  try {
    for await (const unit of verifiedRead(spec.data.path, p.display, p.verify, () =>
      readParquetUnits(spec.data.path, layout, alloc),
    )) {
      const job = pool.runParquet(unit);
      job.catch(() => undefined); // thrown where it is drained, in file order
      inflight.push({ job, unit });
      while (inflight.length >= maxInflight) await drain();
    }
  } catch (err) {
    // the read failed past the units still being scored: one of them may have failed first, and its error is the one
    if (!unitFailed) while (inflight.length > 0) await drain();
    throw err;
  }
  while (inflight.length > 0) await drain();
  return true;
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

/** One model's part of the collected rows: its predictions, what is known of them, and (unless off) its latency. */
async function collectedModel(
  spec: EvaluationSpec,
  source: ModelSource,
  r: ModelRunner,
  m: number,
  preds: Grow<Float32Array> | Grow<Float64Array> | undefined,
  firstRow: FeatureBatch | undefined,
  /** The latency as a scoring worker measured it (pool.ts `measure`), when workers scored. */
  measured?: Promise<Measured>,
): Promise<CollectedModel> {
  let latency: CollectedModel["latency"];
  if (spec.latency !== false && firstRow) {
    const l = measured ? (await measured).latency! : await r.latency(firstRow);
    latency = { ...l, runs: 200 };
  }
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

/**
 * A worker's label and slice codes (its own, in order of first appearance) mapped to the pass's; no label map for
 * regression, whose labels are targets.
 */
function workerCodes(
  pass: Pass,
  labelKeys: string[] | undefined,
  sliceKeys: string[][],
): { label?: number[]; slices: number[][] } {
  return {
    label: labelKeys?.map((k) => pass.codes.labels.code(k)),
    slices: sliceKeys.map((keys, j) => keys.map((k) => pass.codes.slices[j].code(k))),
  };
}

/** A batch a worker prepared and scored, into the pass: its labels and slices recoded, its predictions appended. */
function addScoredBatch(
  pass: Pass,
  runners: ModelRunner[],
  b: ParquetScoredBatch,
  codes: { label?: number[]; slices: number[][] },
): void {
  pass.nanRows += b.skipped;
  pass.rows += b.kept;
  pass.blocks.push({ offset: b.offset, rows: b.kept });
  if (codes.label) {
    const code = codes.label;
    const labels = b.labels as Int32Array;
    for (let r = 0; r < labels.length; r++) labels[r] = code[labels[r]];
    pass.labelCodes.append(labels);
  } else pass.target.append(b.labels as Float64Array);
  b.slices.forEach((c, j) => {
    const code = codes.slices[j];
    for (let r = 0; r < c.length; r++) c[r] = code[c[r]];
    pass.sliceCodes[j].append(c);
  });
  b.outs?.forEach((o, m) => {
    pass.preds[m] ??= o instanceof Float64Array ? new Grow(Float64Array) : new Grow(Float32Array);
    pass.preds[m].append(o);
    runners[m].inferMs += b.ms![m];
    runners[m].inferRows += b.kept;
  });
}

function sliceRow(fb: FeatureBatch, r: number): FeatureBatch {
  return {
    length: 1,
    numeric: new Map([...fb.numeric].map(([k, v]) => [k, v.slice(r, r + 1)])),
    strings: new Map([...fb.strings].map(([k, v]) => [k, v.slice(r, r + 1)])),
  };
}
