import type { ColumnCounts, ColumnReference } from "./drift.ts";
import { type BinCounter, binCounter, SIMD_MAX_EDGES } from "./bin-simd.ts";
import { FEW } from "./drift.ts";

/**
 * What a monitoring window accumulates as its rows stream by, in memory bounded by the window (never by the files):
 * per watched column, counts in the reference's bins (numeric) or per value (categorical); the prediction's counts
 * likewise; for the performance, each row's score and version, and for the labelled rows their label, prediction and
 * slice; latency and errors. Pure: batches of values in, a summary out.
 */

export interface WindowColumn {
  name: string;
  ref: ColumnReference;
}

export interface WindowSpec {
  /** The columns whose drift is judged (those with a reference). */
  columns: WindowColumn[];
  /** The prediction's reference: bins of the reference's scores or values, or its classes. */
  prediction?: ColumnReference;
  /** Values per row in `preds`: 1 (a binary score, a regression value) or the number of classes. */
  width: number;
  /** Multiclass: the class key of each prediction column (the predicted class is the largest). */
  classes?: string[];
  slices: string[];
  versions: number;
}

/** A batch of logged rows, by column. */
export interface WindowRows {
  length: number;
  /** The version (index of the window's segments) that served each row. */
  version: Int32Array;
  /** Numeric watched columns (NaN: null). */
  numeric: Map<string, Float64Array>;
  /** Categorical watched columns and slice columns, as keys (null: missing). */
  text: Map<string, (string | null)[]>;
  /** length × width predictions (NaN: none). */
  preds: Float64Array;
  /** 1 where monitor scored the row (the logs had no prediction). */
  scored: Uint8Array;
  /** The label's key, or null while none has arrived. */
  label: (string | null)[];
  latencyMs?: Float64Array;
  /** 1: the response was an error, 0: it was not, -1: no response logged. */
  error?: Int8Array;
  /**
   * Rows fed in another thread than the labels (FeedSpec.labelIds): the id of each row whose own label is missing
   * (null: it has one, or no id), for the labels to be looked up where they are held.
   */
  ids?: (string | null)[];
}

/**
 * A typed array built in parts: the window's per-row values without a JS array of numbers, and without the copies of
 * growing by doubling. An appended array is kept as it is (its owner must not change it afterwards); pushed values
 * fill parts of PART values; `view()` joins the parts once.
 */
class Grow<T extends Float64Array | Int32Array> {
  n = 0;
  private parts: T[] = [];
  private cur?: T;
  private used = 0;
  constructor(
    private readonly make: (length: number) => T,
    private readonly makeShared: (length: number) => T,
  ) {}
  private seal(): void {
    if (this.cur && this.used > 0) this.parts.push(this.cur.subarray(0, this.used) as T);
    this.cur = undefined;
    this.used = 0;
  }
  push(v: number): void {
    if (!this.cur || this.used === this.cur.length) {
      this.seal();
      this.cur = this.make(PART);
    }
    this.cur[this.used++] = v;
    this.n++;
  }
  /** Appends values without copying them. */
  append(vs: T): void {
    if (vs.length === 0) return;
    this.seal();
    this.parts.push(vs);
    this.n += vs.length;
  }
  /** The values as one array; `shared`: in memory another thread can read (a SharedArrayBuffer), not a copy of it. */
  view(shared = false): T {
    this.seal();
    if (this.parts.length === 1 && (!shared || this.parts[0].buffer instanceof SharedArrayBuffer)) return this.parts[0];
    const out = shared ? this.makeShared(this.n) : this.make(this.n);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    this.parts = [out];
    return out;
  }
}
const PART = 65536;
const floats = () =>
  new Grow<Float64Array<ArrayBufferLike>>(
    (n) => new Float64Array(n),
    (n) => new Float64Array(new SharedArrayBuffer(n * 8)),
  );
const ints = () =>
  new Grow<Int32Array<ArrayBufferLike>>(
    (n) => new Int32Array(n),
    (n) => new Int32Array(new SharedArrayBuffer(n * 4)),
  );

interface NumericCounter {
  kind: "numeric";
  edges: Float64Array;
  /** The bins by a table lookup (binTable), for ascending edges over a range. */
  table?: BinTable;
  /** The bins by WebAssembly SIMD (./bin-simd.ts), for a few finite ascending edges where the runtime has it. */
  simd?: BinCounter;
  counts: Float64Array;
  seen: number[];
  nulls: number;
}
interface CategoricalCounter {
  kind: "categorical";
  counts: Map<string, number>;
  nulls: number;
}
type Counter = NumericCounter | CategoricalCounter;

/**
 * Bins found by a lookup instead of a walk of the edges: the range from a little below the first edge to a little
 * above the last is cut into CELLS equal cells, and a cell with no edge in it or in its two neighbours holds the bin
 * of every value that falls in it (a value's computed cell is off by at most one from its exact one, and no edge
 * lies in those three cells). A value outside the range or in a cell near an edge is binned by the walk. Same bins,
 * about 3× faster than the walk on deciles.
 */
interface BinTable {
  lo: number;
  scale: number;
  /** The bin of each cell; -1: walk. */
  bins: Int16Array;
}

const CELLS = 2048;

function binTable(e: Float64Array): BinTable | undefined {
  const k = e.length;
  if (k < 2 || k > 30_000) return undefined;
  for (let i = 1; i < k; i++) if (!(e[i - 1] <= e[i])) return undefined;
  const span = e[k - 1] - e[0];
  const lo = e[0] - span / 8;
  const scale = CELLS / (span * 1.25);
  if (!(span > 0) || !Number.isFinite(scale) || !Number.isFinite(lo)) return undefined;
  const bins = new Int16Array(CELLS);
  let i = 0;
  for (let c = 0; c < CELLS; c++) {
    const a = lo + (c - 1) / scale;
    const b = lo + (c + 2) / scale;
    while (i < k && e[i] < a) i++;
    // an edge in [a, b]: values in this cell are walked
    if (i < k && e[i] <= b) bins[c] = -1;
    else bins[c] = i;
  }
  return { lo, scale, bins };
}

/** A numeric reference's bins, made once per window: its edges as numbers and their lookup table. */
interface Bins {
  edges: Float64Array;
  table?: BinTable;
  simd?: BinCounter;
}

function binsOf(ref: ColumnReference | undefined): Bins | undefined {
  if (ref?.kind !== "numeric") return undefined;
  const edges = Float64Array.from(ref.edges);
  const table = binTable(edges);
  let ascending = edges.length >= 1 && edges.length <= SIMD_MAX_EDGES;
  for (let i = 0; ascending && i < edges.length; i++)
    ascending = Number.isFinite(edges[i]) && (i === 0 || edges[i - 1] <= edges[i]);
  const simd = ascending ? binCounter() : undefined;
  return { edges, ...(table ? { table } : {}), ...(simd ? { simd } : {}) };
}

function counterFor(ref: ColumnReference, bins?: Bins, counts?: Float64Array): Counter {
  if (ref.kind !== "numeric") return { kind: "categorical", counts: new Map(), nulls: 0 };
  const b = bins ?? binsOf(ref)!;
  return {
    kind: "numeric",
    edges: b.edges,
    ...(b.table ? { table: b.table } : {}),
    ...(b.simd ? { simd: b.simd } : {}),
    counts: counts ?? new Float64Array(ref.edges.length + 1),
    seen: [],
    nulls: 0,
  };
}

function countNumber(c: NumericCounter, v: number): void {
  if (!Number.isFinite(v)) {
    c.nulls++;
    return;
  }
  const e = c.edges;
  let j = 0;
  while (j < e.length && v > e[j]) j++;
  c.counts[j]++;
  if (c.seen.length <= FEW && !c.seen.includes(v)) c.seen.push(v);
}

/**
 * A batch of one numeric column counted into the reference's bins: the bin by the lookup table where it holds one,
 * else by a linear walk of the few edges (deciles: 9); nulls and ±Infinity counted apart; distinct values up to
 * FEW + 1 (./drift.ts needs no more than whether a column has more than FEW).
 */
function binNumbers(c: NumericCounter, xs: Float64Array, n: number): void {
  const e = c.edges;
  const counts = c.counts;
  const k = e.length;
  let nulls = 0;
  const table = c.table;
  if (c.simd) nulls = c.simd(xs, n, e, counts);
  else if (table) {
    const lo = table.lo;
    const scale = table.scale;
    const bins = table.bins;
    for (let r = 0; r < n; r++) {
      const v = xs[r];
      // NaN (null) and ±Infinity fall outside the table's range (a NaN compares false): the walk's branch sees them
      const x = (v - lo) * scale;
      let j = x >= 0 && x < CELLS ? bins[x | 0] : -1;
      if (j < 0) {
        // NaN (null) and ±Infinity: v - v is not 0
        if (v - v !== 0) {
          nulls++;
          continue;
        }
        j = 0;
        while (j < k && v > e[j]) j++;
      }
      counts[j]++;
    }
  } else
    for (let r = 0; r < n; r++) {
      const v = xs[r];
      if (v - v !== 0) {
        nulls++;
        continue;
      }
      let j = 0;
      while (j < k && v > e[j]) j++;
      counts[j]++;
    }
  c.nulls += nulls;
  // the first FEW + 1 distinct finite values (a column of many values stops after a few rows)
  const seen = c.seen;
  for (let r = 0; r < n && seen.length <= FEW; r++) {
    const v = xs[r];
    if (v - v === 0 && !seen.includes(v)) seen.push(v);
  }
}

function countKey(c: CategoricalCounter, k: string | null): void {
  if (k === null) c.nulls++;
  else c.counts.set(k, (c.counts.get(k) ?? 0) + 1);
}

/** One batch's counter added to the window's: sums of counts are exact, so any cut into batches gives the same. */
function mergeCounter(into: Counter, c: Counter): void {
  into.nulls += c.nulls;
  if (into.kind === "numeric" && c.kind === "numeric") {
    for (let j = 0; j < into.counts.length; j++) into.counts[j] += c.counts[j];
    // distinct values up to FEW + 1: the union of each batch's (each holds its own up to FEW + 1) is that of all rows
    for (const v of c.seen) if (into.seen.length <= FEW && !into.seen.includes(v)) into.seen.push(v);
  } else if (into.kind === "categorical" && c.kind === "categorical")
    // in the batch's first-seen order: the window's keys keep the order of one pass over every row
    for (const [k, n] of c.counts) into.counts.set(k, (into.counts.get(k) ?? 0) + n);
}

function countsOf(c: Counter): ColumnCounts {
  return c.kind === "numeric"
    ? { kind: "numeric", counts: Array.from(c.counts), distinct: c.seen.length }
    : { kind: "categorical", counts: new Map(c.counts) };
}

/** A column's counts in one batch, as they travel between threads (a numeric counter without its edges). */
export type ColumnTally =
  | { kind: "numeric"; counts: Float64Array; seen: number[]; nulls: number; present: boolean }
  | { kind: "categorical"; counts: Map<string, number>; nulls: number; present: boolean };

/**
 * A batch of rows counted: all the window keeps of it, in compact arrays (no numeric column, no per-row object).
 * Computed where the batch is fed (this thread, or a worker thread, ./workers.ts) by `tallyRows`, merged in batch
 * order by `WindowAccumulator.merge`: the same window whichever thread counted which batch.
 */
export interface BatchTally {
  length: number;
  /** Per version: rows served and rows scored (2 numbers a version). */
  perVersion: Int32Array;
  /** The numeric columns' counts, together (their `counts` are views of it). */
  bins: Float64Array;
  /** Each watched column's counts (by column index). */
  columns: ColumnTally[];
  prediction?: ColumnTally;
  version: Int32Array;
  /** length × width predictions. */
  preds: Float64Array;
  /** The labels of the batch, in first-seen order, and each row's code into them (-1: none). */
  labelKeys: string[];
  labelCodes: Int32Array;
  /** Rows whose label is looked up by id where the labels are held (WindowRows.ids). */
  ids?: (string | null)[];
  /** Each slice column's keys per row (undefined: the batch lacks the column). */
  slices: ((string | null)[] | undefined)[];
  /** The finite latencies, in row order. */
  latencies?: Float64Array;
  requests: number;
  errors: number;
}

/** The buffers of a tally, to be moved (not copied) to another thread. */
export function tallyBuffers(t: BatchTally): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const add = (a: ArrayBufferView | undefined) => {
    if (a && a.byteOffset === 0 && a.byteLength === a.buffer.byteLength) out.add(a.buffer as ArrayBuffer);
  };
  for (const a of [t.perVersion, t.bins, t.version, t.preds, t.labelCodes, t.latencies]) add(a);
  if (t.prediction?.kind === "numeric") add(t.prediction.counts);
  return [...out];
}

/** Counts batches of rows (WindowRows) into tallies, for one window spec: its bins' lookup tables made once. */
export class Tallier {
  private readonly tables: (Bins | undefined)[];
  private readonly predictionTable?: Bins;
  /** The numeric columns' bins, together. */
  private readonly bins: number;

  constructor(private readonly spec: WindowSpec) {
    this.tables = spec.columns.map((c) => binsOf(c.ref));
    this.bins = spec.columns.reduce((a, c) => a + (c.ref.kind === "numeric" ? c.ref.edges.length + 1 : 0), 0);
    this.predictionTable = binsOf(spec.prediction);
  }

  tally(b: WindowRows): BatchTally {
    const spec = this.spec;
    const n = b.length;
    const w = spec.width;
    const perVersion = new Int32Array(spec.versions * 2);
    for (let r = 0; r < n; r++) {
      const v = b.version[r] * 2;
      perVersion[v]++;
      if (b.scored[r]) perVersion[v + 1]++;
    }
    // every numeric column's counts in one array (one buffer to move to another thread)
    const bins = new Float64Array(this.bins);
    let at = 0;
    const columns = spec.columns.map((col, i): ColumnTally => {
      const size = col.ref.kind === "numeric" ? col.ref.edges.length + 1 : 0;
      const c = counterFor(col.ref, this.tables[i], bins.subarray(at, (at += size)));
      const present = b.numeric.has(col.name) || b.text.has(col.name);
      if (c.kind === "numeric") {
        const xs = b.numeric.get(col.name);
        if (xs) binNumbers(c, xs, n);
        else c.nulls += n;
        return { kind: "numeric", counts: c.counts, seen: c.seen, nulls: c.nulls, present };
      }
      const ks = b.text.get(col.name);
      if (ks) for (let r = 0; r < n; r++) countKey(c, ks[r]);
      else c.nulls += n;
      return { kind: "categorical", counts: c.counts, nulls: c.nulls, present };
    });
    const preds = b.preds.length === n * w ? b.preds : b.preds.slice(0, n * w);
    const labelKeys = new Map<string, number>();
    const labelCodes = new Int32Array(n);
    // the codes of the last two labels met, reused while the labels repeat (no lookup)
    let last: string | null = null;
    let lastCode = -1;
    let prev: string | null = null;
    let prevCode = -1;
    const label = b.label;
    // the code of each one-character ASCII label met in the batch (-1: not yet)
    const charCodes = new Int32Array(128).fill(-1);
    for (let r = 0; r < n; r++) {
      const l = label[r];
      if (l === null) labelCodes[r] = -1;
      else if (l.length === 1 && l.charCodeAt(0) < 128) {
        // a one-character label ("0", "1"): its code by its character (no comparison a random order mispredicts)
        let c = charCodes[l.charCodeAt(0)];
        if (c < 0) {
          c = labelKeys.get(l) ?? labelKeys.size;
          labelKeys.set(l, c);
          charCodes[l.charCodeAt(0)] = c;
        }
        labelCodes[r] = c;
      } else if (l === last) labelCodes[r] = lastCode;
      else {
        let c: number | undefined;
        if (l === prev) c = prevCode;
        else {
          c = labelKeys.get(l);
          if (c === undefined) labelKeys.set(l, (c = labelKeys.size));
        }
        prev = last;
        prevCode = lastCode;
        labelCodes[r] = lastCode = c;
        last = l;
      }
    }
    let requests = 0;
    let errors = 0;
    if (b.error)
      for (let r = 0; r < n; r++) {
        if (b.error[r] >= 0) requests++;
        if (b.error[r] === 1) errors++;
      }
    let latencies: Float64Array | undefined;
    if (b.latencyMs) {
      let k = 0;
      for (let r = 0; r < n; r++) if (Number.isFinite(b.latencyMs[r])) k++;
      latencies = new Float64Array(k);
      k = 0;
      for (let r = 0; r < n; r++) if (Number.isFinite(b.latencyMs[r])) latencies[k++] = b.latencyMs[r];
    }
    const prediction = this.predictions(preds, n);
    return {
      length: n,
      perVersion,
      bins,
      columns,
      ...(prediction ? { prediction } : {}),
      version: b.version.length === n ? b.version : b.version.slice(0, n),
      preds,
      labelKeys: [...labelKeys.keys()],
      labelCodes,
      ...(b.ids ? { ids: b.ids } : {}),
      slices: spec.slices.map((s) => b.text.get(s)),
      ...(latencies ? { latencies } : {}),
      requests,
      errors,
    };
  }

  /** The prediction's counts: a score's or value's bin, or the predicted (largest) class. */
  private predictions(preds: Float64Array, n: number): ColumnTally | undefined {
    const spec = this.spec;
    if (!spec.prediction) return undefined;
    const c = countPredictions(spec.prediction, this.predictionTable, preds, n, spec.width, spec.classes);
    return c.kind === "numeric"
      ? { kind: "numeric", counts: c.counts, seen: c.seen, nulls: c.nulls, present: true }
      : { kind: "categorical", counts: c.counts, nulls: c.nulls, present: true };
  }
}

/**
 * The first n rows' predictions (n × width) counted against the prediction's reference: a score's or value's bin, or
 * the predicted (largest) class. Counts are sums and the distinct values and keys are taken in row order, so counting
 * a window's rows at once gives what counting its batches one after the other and merging them gives.
 */
function countPredictions(
  ref: ColumnReference,
  bins: Bins | undefined,
  preds: Float64Array,
  n: number,
  w: number,
  classes: string[] | undefined,
): Counter {
  const c = counterFor(ref, bins);
  if (c.kind === "numeric") {
    if (w === 1) binNumbers(c, preds, n);
    else for (let r = 0; r < n; r++) countNumber(c, preds[r * w]);
    return c;
  }
  for (let r = 0; r < n; r++) {
    let best = -1;
    let bestV = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < w; j++) {
      const v = preds[r * w + j];
      if (v > bestV) {
        bestV = v;
        best = j;
      }
    }
    countKey(c, best >= 0 && classes ? classes[best] : null);
  }
  return c;
}

/** Whether each of the first n codes is a label's (none is -1). */
function everyCode(codes: Int32Array, n: number): boolean {
  for (let r = 0; r < n; r++) if (codes[r] < 0) return false;
  return true;
}

export interface WindowSummary {
  rows: number;
  labeled: number;
  perVersion: { rows: number; scored: number }[];
  columns: { name: string; ref: ColumnReference; cur: ColumnCounts; nulls: number; present: boolean }[];
  prediction?: { ref: ColumnReference; cur: ColumnCounts };
  /** Every row's prediction (rows × width) and version, for the estimate. */
  preds: Float64Array;
  versions: Int32Array;
  /** The labelled rows: labels (as codes into `keys`, in the order first seen), predictions (× width), slice keys. */
  labeledRows: {
    keys: string[];
    codes: Int32Array;
    preds: Float64Array;
    versions: Int32Array;
    slices: { column: string; keys: (string | null)[] }[];
  };
  operations: { requests: number; errors: number; latencies: Float64Array };
}

export class WindowAccumulator {
  private rows = 0;
  private readonly perVersion: { rows: number; scored: number }[];
  private readonly counters: Counter[];
  private readonly present: boolean[];
  private readonly prediction?: Counter;
  private readonly preds = floats();
  private readonly versions = ints();
  /** The labels seen, in first-seen order, and each labelled row's code and place in the window. */
  private readonly labelKeys: string[] = [];
  private readonly labelCode = new Map<string, number>();
  private readonly labelCodes = ints();
  /** Each labelled row's place, kept once a row without a label has been met (until then: every row, in order). */
  private readonly labeledAt = ints();
  private everyRowLabelled = true;
  private readonly sliceKeys: (string | null)[][];
  private readonly latencies = floats();
  private requests = 0;
  private errors = 0;
  private tallier?: Tallier;

  constructor(readonly spec: WindowSpec) {
    this.perVersion = Array.from({ length: spec.versions }, () => ({ rows: 0, scored: 0 }));
    this.counters = spec.columns.map((c) => counterFor(c.ref));
    this.present = spec.columns.map(() => false);
    if (spec.prediction) this.prediction = counterFor(spec.prediction);
    this.sliceKeys = spec.slices.map(() => []);
  }

  /** A batch of rows, counted here. */
  add(b: WindowRows): void {
    this.tallier ??= new Tallier(this.spec);
    this.merge(this.tallier.tally(b));
  }

  /**
   * A batch counted (here or in another thread), in batch order; `labels`: the labels by id, for the rows that
   * carry their id instead of a label (BatchTally.ids).
   */
  merge(t: BatchTally, labels?: Map<string, string>): void {
    const n = t.length;
    const w = this.spec.width;
    this.rows += n;
    this.perVersion.forEach((v, i) => {
      v.rows += t.perVersion[i * 2];
      v.scored += t.perVersion[i * 2 + 1];
    });
    for (let i = 0; i < this.counters.length; i++) {
      const c = t.columns[i];
      mergeCounter(this.counters[i], c as Counter);
      if (c.present) this.present[i] = true;
    }
    if (this.prediction && t.prediction) mergeCounter(this.prediction, t.prediction as Counter);
    const first = this.rows - n;
    // one version served the window: every row's is 0, made at the summary (untouched zeros), not kept per row
    if (this.spec.versions > 1) this.versions.append(t.version);
    this.preds.append(t.preds.subarray(0, n * w));
    // the batch's label codes as the window's (assigned in the order labels are first met, row by row)
    const global = new Int32Array(t.labelKeys.length).fill(-1);
    const slices = t.slices;
    if (this.everyRowLabelled && slices.length === 0 && everyCode(t.labelCodes, n)) {
      // every row labelled by its own column (the usual case once labels arrive): a batch's codes are numbered in
      // the order its labels are first met, so the window's are assigned in that order too; no row by row push
      let same = true;
      for (let c = 0; c < global.length; c++) same = (global[c] = this.codeOf(t.labelKeys[c])) === c && same;
      const codes = t.labelCodes.subarray(0, n);
      this.labelCodes.append(same ? codes : codes.map((c) => global[c]));
    } else this.mergeLabels(t, first, global, labels);
    if (t.latencies) this.latencies.append(t.latencies);
    this.requests += t.requests;
    this.errors += t.errors;
  }

  /** The batch's labelled rows, row by row: their codes, places (once a row lacks a label) and slice keys. */
  private mergeLabels(t: BatchTally, first: number, global: Int32Array, labels?: Map<string, string>): void {
    const n = t.length;
    const slices = t.slices;
    for (let r = 0; r < n; r++) {
      const c = t.labelCodes[r];
      let code: number;
      if (c >= 0) {
        code = global[c];
        if (code < 0) code = global[c] = this.codeOf(t.labelKeys[c]);
      } else {
        const id = t.ids?.[r];
        const label = id != null ? labels?.get(id) : undefined;
        if (label === undefined) {
          if (this.everyRowLabelled) {
            // the first row without a label: the rows before it were all labelled
            for (let k = 0; k < first + r; k++) this.labeledAt.push(k);
            this.everyRowLabelled = false;
          }
          continue;
        }
        code = this.codeOf(label);
      }
      this.labelCodes.push(code);
      if (!this.everyRowLabelled) this.labeledAt.push(first + r);
      for (let j = 0; j < slices.length; j++) this.sliceKeys[j].push(slices[j]?.[r] ?? null);
    }
  }

  private codeOf(label: string): number {
    let code = this.labelCode.get(label);
    if (code === undefined) {
      code = this.labelKeys.length;
      this.labelCode.set(label, code);
      this.labelKeys.push(label);
    }
    return code;
  }

  /**
   * The window's counts and rows; `shared`: its predictions and versions in shared memory, for another thread to
   * estimate from while this one computes the realized metrics (./estimate-worker.ts); `prediction`: the prediction's
   * reference when the spec had none (its reference was scored while the rows came): the window's predictions are
   * counted against it here, all at once.
   */
  summary(o: { shared?: boolean; prediction?: ColumnReference } = {}): WindowSummary {
    const w = this.spec.width;
    const preds = this.preds.view(o.shared);
    const predictionRef = this.spec.prediction ?? o.prediction;
    const prediction =
      this.prediction ??
      (predictionRef
        ? countPredictions(predictionRef, binsOf(predictionRef), preds, this.rows, w, this.spec.classes)
        : undefined);
    const versions =
      this.spec.versions > 1
        ? this.versions.view(o.shared)
        : o.shared
          ? new Int32Array(new SharedArrayBuffer(this.rows * 4))
          : new Int32Array(this.rows);
    // every row labelled (the usual case once labels arrive): the window's own arrays, not copies
    const all = this.everyRowLabelled;
    const at = all ? new Int32Array(0) : this.labeledAt.view();
    const labeledPreds = all ? preds : new Float64Array(at.length * w);
    const labeledVersions = all ? versions : new Int32Array(at.length);
    if (!all)
      for (let i = 0; i < at.length; i++) {
        labeledVersions[i] = versions[at[i]];
        for (let j = 0; j < w; j++) labeledPreds[i * w + j] = preds[at[i] * w + j];
      }
    return {
      rows: this.rows,
      labeled: all ? this.rows : at.length,
      perVersion: this.perVersion.map((v) => ({ ...v })),
      columns: this.spec.columns.map((c, i) => ({
        name: c.name,
        ref: c.ref,
        cur: countsOf(this.counters[i]),
        nulls: this.counters[i].nulls,
        present: this.present[i],
      })),
      ...(prediction && predictionRef ? { prediction: { ref: predictionRef, cur: countsOf(prediction) } } : {}),
      preds,
      versions,
      labeledRows: {
        keys: this.labelKeys,
        codes: this.labelCodes.view(),
        preds: labeledPreds,
        versions: labeledVersions,
        slices: this.spec.slices.map((column, j) => ({ column, keys: this.sliceKeys[j] })),
      },
      operations: { requests: this.requests, errors: this.errors, latencies: this.latencies.view() },
    };
  }
}
