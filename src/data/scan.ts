import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import type { Column, Dataset } from "../manifest/schema.ts";
import { contentName, parseLocation } from "../storage/location.ts";
import { type CounterSnapshot, type ProfileCounter, Reservoir } from "./profile.ts";
import { type LaneKernel, laneKernel } from "./row-lanes-wasm.ts";
import { newRowHashes, type RowHashes, reserveRowHashes } from "./row-hashes.ts";
import { typedValue } from "./typed-value.ts";
import {
  type Batch,
  type Cell,
  cellToString,
  type Format,
  formatOf,
  parseNumberText,
  readBatches,
  readColumns,
  type Verify,
} from "./read.ts";

/** Counts of one kind of problem in a column, with the first row and a few example values. */
export interface Problem {
  count: number;
  /** 1-based data row of the first occurrence (the header is not a row). */
  firstRow: number;
  /** The line of the file it is on (CSV, JSONL). */
  firstLine?: number;
  examples: string[];
}

export interface ColumnStats {
  nulls: number;
  typeErrors?: Problem;
  belowMin?: Problem;
  aboveMax?: Problem;
  /** Values outside the column's expected range (a warning, where min and max are errors). */
  belowExpected?: Problem;
  aboveExpected?: Problem;
  notAllowed?: Problem;
  duplicates?: Problem;
  /** Distinct non-null values, up to DISTINCT_CAP (for labels and slices). */
  distinct: Set<string>;
  /** Rows per distinct value (complete unless distinctOverflow). */
  counts: Map<string, number>;
  distinctOverflow: boolean;
}

export interface ScanResult {
  rows: number;
  header: string[];
  stats: Map<string, ColumnStats>;
  uniqueByDuplicates?: Problem;
  /** Distinct row hashes over `hashColumns` (64 bits each), for leakage checks. */
  rowHashes?: RowHashes;
  /** Samples of numeric profiled columns, for profile bin edges. */
  samples?: Map<string, Reservoir>;
}

export interface ScanOptions {
  format?: Format;
  displayName?: string;
  hashColumns?: string[];
  /** Collect reservoir samples of these numeric columns. */
  sampleColumns?: string[];
  /** Count values into this profile counter (columns it was set up for). */
  counter?: ProfileCounter;
  /** More counters to count into in the same read (each its own columns): drift against several profiles. */
  counters?: ProfileCounter[];
  onRows?: (n: number) => void;
  /**
   * Only count the counter's columns into it (drift against a profile): no stats, samples, uniqueness or row hashes
   * (a type error still leaves the value out of the counts, as in a full scan).
   */
  countOnly?: boolean;
  /** Hash the bytes while reading them (read.ts `Verify`): the scan is the one read of the file. */
  verify?: Verify;
  /**
   * Only these columns' distinct values and counts are kept in their stats (`distinct`, `counts`; validate needs the
   * labels' only); the others' stay empty. Default: every column's.
   */
  distinct?: string[];
}

const DISTINCT_CAP = 1000;

function note(p: Problem | undefined, row: number, example: string, line?: number): Problem {
  const out = p ?? { count: 0, firstRow: row, ...(line ? { firstLine: line } : {}), examples: [] };
  out.count++;
  if (out.examples.length < 3 && !out.examples.includes(example)) out.examples.push(example);
  return out;
}

/** One column's values counted into several counters. */
function fanOut(counters: ProfileCounter[]): Pick<ProfileCounter, "addNumber" | "addNumbers" | "addValue"> {
  return {
    addNumber: (name, v) => {
      for (const k of counters) k.addNumber(name, v);
    },
    addNumbers: (name, values, n) => {
      for (const k of counters) k.addNumbers(name, values, n);
    },
    addValue: (name, v) => {
      for (const k of counters) k.addValue(name, v);
    },
  };
}

/** note() at row r of a batch, with the row's line when the format has lines. */
function noteAt(p: Problem | undefined, b: Batch, r: number, example: string): Problem {
  return note(p, b.offset + r + 1, example, b.lines?.[r]);
}

/**
 * The key of a value for uniqueness and distinct counts: integers beyond 2^53 by their exact digits (two IDs that
 * round to the same double are still two IDs), other values by their typed value.
 */
function keyOf(v: number | string | boolean, cell: Cell): string {
  if (typeof v !== "number" || Number.isSafeInteger(v) || !Number.isInteger(v)) return String(v);
  if (typeof cell === "bigint") return cell.toString();
  if (typeof cell === "string") {
    const m = /^\s*([+-]?\d+)(?:\.0*)?\s*$/.exec(cell);
    if (m) return BigInt(m[1]).toString();
  }
  return String(v);
}

/** Cell r of column c: the cell, or for a column read as numbers its number (null for NaN) or its text. */
function cellAt(b: Batch, c: number, r: number, bad: (Map<number, string> | undefined)[]): Cell {
  const nums = b.numeric?.[c];
  if (!nums) return b.data[c][r];
  const v = nums[r];
  if (!Number.isNaN(v)) return v;
  return bad[c]?.get(r) ?? null;
}

/**
 * Scans of local files kept for the rest of the process once keepScans() is called (issue #25: in the demo, validate
 * read the same files again for each version), by the file's identity (device, inode, size, modification and change
 * times in nanoseconds, stated before and after the read), the Dataset's spec, the options and each counter's state
 * before the scan. A hit gives copies: the result, the counters' counts, the sha256 to `verify.onDigest`. Not kept:
 * remote files and digests checked against a pin (their reader checks them), samples, and files over KEPT_MAX_BYTES.
 */
const kept = new Map<string, { result: ScanResult; counters: CounterSnapshot[]; sha256?: string }>();
const KEPT_MAX = 32;
let keptHits = 0;

/** How many scans were answered from what this process kept (tests). */
export function keptScanHits(): number {
  return keptHits;
}

let keeping = false;

/**
 * From now on, keep scans for the rest of the process (see `kept`), or no longer (`false`, which forgets those kept):
 * for a process that scans the same files again, as the demo does; returns the setting before. A command scans each
 * file once and keeps nothing: the copies, the files' stat calls and the keys cost `modelgate validate` 2.5 ms on the
 * bundled example (41 rounds in turns, the build with them against the build without).
 */
export function keepScans(on = true): boolean {
  const was = keeping;
  keeping = on;
  if (!on) kept.clear();
  return was;
}
const KEPT_MAX_BYTES = 64 << 20;

/** The file's identity, or undefined when it cannot be stated (the scan then says why, as before). */
async function identity(path: string): Promise<string | undefined> {
  try {
    const st = await stat(path, { bigint: true });
    if (!st.isFile() || st.size > KEPT_MAX_BYTES) return undefined;
    return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
  } catch {
    return undefined;
  }
}

/** JSON that tells Maps, Sets and ±Infinity apart (a counter's state). */
function stateJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v instanceof Map
      ? { map: [...v] }
      : v instanceof Set
        ? { set: [...v] }
        : typeof v === "number" && !Number.isFinite(v)
          ? String(v)
          : v,
  );
}

/** What a scan keeps of one declared column across batches. */
interface ColumnScan {
  col: Column;
  s: ColumnStats;
  /** Keys of a unique column: numbers whose key is their text (String(v)), and the other keys as text. */
  uniqNum?: Set<number>;
  uniq?: Set<string>;
  /** The allowed values as text, and those of them that are a number's text as numbers. */
  allowed?: Set<string>;
  allowedNum?: Set<number>;
  sample?: Reservoir;
  counter?: Pick<ProfileCounter, "addNumber" | "addNumbers" | "addValue">;
  counted: boolean;
  numericType: boolean;
  /** Distinct values are kept (ScanOptions.distinct). */
  distinct: boolean;
  /**
   * Counts per distinct value while every key so far was a number's text, by the number (no string per cell); turned
   * into `s.counts` (same keys as text, same order) at the end, or as soon as a key that is not a number's text comes.
   */
  numCounts?: Map<number, number>;
}

/** Reads a data file once and collects everything the Dataset manifest's checks need. */
export async function scanDataset(path: string, dataset: Dataset, opts: ScanOptions = {}): Promise<ScanResult> {
  const counters = [...(opts.counter ? [opts.counter] : []), ...(opts.counters ?? [])];
  const keepable =
    keeping &&
    !opts.sampleColumns &&
    !opts.verify?.sha256 &&
    !opts.verify?.arrival &&
    parseLocation(path).kind === "file";
  const before = keepable ? await identity(path) : undefined;
  if (!before) return scanFile(path, dataset, opts);
  const { verify: _v, onRows: _r, counter: _c, counters: _cs, ...rest } = opts;
  const key = stateJson([resolve(path), before, dataset.spec, rest, counters.map((k) => k.snapshot())]);
  const hit = kept.get(key);
  if (hit && (hit.sha256 || !opts.verify?.onDigest)) {
    keptHits++;
    for (const [i, k] of counters.entries()) k.restore(hit.counters[i]);
    if (hit.sha256) opts.verify?.onDigest?.(hit.sha256);
    opts.onRows?.(hit.result.rows);
    return structuredClone(hit.result);
  }
  let sha256: string | undefined;
  const verify = opts.verify && {
    ...opts.verify,
    onDigest: (d: string) => {
      sha256 = d;
      opts.verify?.onDigest?.(d);
    },
  };
  const result = await scanFile(path, dataset, { ...opts, verify });
  if ((await identity(path)) === before) {
    if (kept.size >= KEPT_MAX) kept.delete(kept.keys().next().value!);
    kept.set(key, { result: structuredClone(result), counters: counters.map((k) => k.snapshot()), sha256 });
  }
  return result;
}

async function scanFile(path: string, dataset: Dataset, opts: ScanOptions): Promise<ScanResult> {
  const spec = dataset.spec;
  const declared = spec.columns;
  const stats = new Map<string, ColumnStats>();
  const counters = [...(opts.counter ? [opts.counter] : []), ...(opts.counters ?? [])];
  const countOnly = opts.countOnly === true && counters.length > 0;
  const samples = new Map<string, Reservoir>();
  for (const name of opts.sampleColumns ?? []) samples.set(name, new Reservoir());
  const keepDistinct = opts.distinct ? new Set(opts.distinct) : undefined;
  const scans: ColumnScan[] = declared.map((col) => {
    const s: ColumnStats = { nulls: 0, distinct: new Set(), counts: new Map(), distinctOverflow: false };
    stats.set(col.name, s);
    const counting = counters.filter((k) => k.has(col.name));
    const allowed = col.values ? new Set(col.values.map(String)) : undefined;
    const numericType = col.type === "float" || col.type === "integer";
    const distinct = !keepDistinct || keepDistinct.has(col.name);
    return {
      col,
      s,
      ...(col.unique ? { uniqNum: new Set<number>(), uniq: new Set<string>() } : {}),
      allowed,
      allowedNum: allowed && new Set([...allowed].filter((a) => String(Number(a)) === a).map(Number)),
      sample: samples.get(col.name),
      counter: counting.length <= 1 ? counting[0] : fanOut(counting),
      counted: counting.length > 0,
      numericType,
      distinct,
      numCounts: distinct && numericType ? new Map() : undefined,
    };
  });
  const uniqueBy = spec.checks?.uniqueBy;
  const seenBy = new Set<string | null>();
  // one uniqueBy column's numbers, by number: a number's key is its text, String(n), made only for a finding
  const seenByNum = new Set<number>();
  const rowHashes = opts.hashColumns ? newRowHashes() : undefined;
  const result: ScanResult = {
    rows: 0,
    header: [],
    stats,
    rowHashes,
    samples: opts.sampleColumns ? samples : undefined,
  };

  // float columns come as numbers (no string per cell); from CSV, integers too when their text is an integer's
  // canonical text (String(n) gives it back), else as that text, so that IDs beyond 2^53 keep their digits
  const numeric = declared.filter((c) => c.type === "float").map((c) => c.name);
  const integers = declared.filter((c) => c.type === "integer").map((c) => c.name);
  // a remote file is read from the cache, whose names have no extension: its format comes from the manifest's path
  const format =
    spec.format ?? (parseLocation(spec.path).kind !== "file" ? formatOf(contentName(spec.path)) : undefined);
  const read = { format, displayName: opts.displayName, delimiter: spec.csv?.delimiter };
  // counting only: the counted columns are the ones parsed
  let columns: string[] | undefined;
  if (countOnly) {
    result.header = await readColumns(path, read);
    const inFile = new Set(result.header);
    columns = declared.filter((c) => counters.some((k) => k.has(c.name)) && inFile.has(c.name)).map((c) => c.name);
  }
  const only = columns && numeric.filter((n) => columns.includes(n));
  const onlyIntegers = columns && integers.filter((n) => columns.includes(n));
  const lanes = new RowLanes();
  const reading = { ...read, columns, numeric: only ?? numeric, integers: onlyIntegers ?? integers };
  for await (const batch of readBatches(path, { ...reading, verify: opts.verify })) {
    if (result.header.length === 0 && !countOnly) result.header = batch.columns;
    const idx = new Map(batch.columns.map((n, i) => [n, i]));
    const bad = (batch.notNumbers ?? []).map((x) => (x ? new Map(x.rows.map((r, i) => [r, x.texts[i]])) : undefined));
    for (const cs of scans) {
      const ci = idx.get(cs.col.name);
      if (ci === undefined) continue;
      if (countOnly && !cs.counted) continue;
      scanColumn(cs, batch, ci, bad, countOnly);
    }
    if (!countOnly && (uniqueBy || rowHashes)) {
      const byIdx = uniqueBy?.map((n) => idx.get(n)).filter((i): i is number => i !== undefined);
      // one column: its text is the key (JSON.stringify of a one-element list tells the same texts apart)
      if (byIdx?.length === 1 && uniqueBy!.length === 1)
        uniqueByColumn(result, seenBy, seenByNum, batch, byIdx[0], bad);
      else if (byIdx && byIdx.length === uniqueBy!.length) {
        for (let r = 0; r < batch.length; r++) {
          // several columns: the JSON list of their texts is the key
          const key = JSON.stringify(byIdx.map((i) => cellToString(cellAt(batch, i, r, bad))));
          if (seenBy.has(key)) {
            result.uniqueByDuplicates = note(result.uniqueByDuplicates, batch.offset + r + 1, key, batch.lines?.[r]);
          } else seenBy.add(key);
        }
      }
      if (rowHashes && opts.hashColumns) {
        lanes.start(batch.length);
        for (const name of opts.hashColumns) {
          const i = idx.get(name);
          if (i === undefined) lanes.missing();
          else lanes.column(batch, i, bad);
        }
        lanes.finish(rowHashes);
      }
    }
    result.rows += batch.length;
    opts.onRows?.(batch.length);
  }
  for (const cs of scans) {
    countsAsText(cs);
    for (const k of cs.s.counts.keys()) cs.s.distinct.add(k);
  }
  // a file with a header and no rows has no batch
  if (result.header.length === 0) result.header = await readColumns(path, read);
  return result;
}

/**
 * uniqueByOne over column c of a batch, each duplicate noted: a column read as numbers has its numbers checked in the
 * loop (uniqueByOne's number case, written out: no call per row while the code runs cold), any other cell through
 * uniqueByOne.
 */
function uniqueByColumn(
  result: ScanResult,
  texts: Set<string | null>,
  nums: Set<number>,
  b: Batch,
  c: number,
  bad: (Map<number, string> | undefined)[],
): void {
  const values = b.numeric?.[c];
  for (let r = 0; r < b.length; r++) {
    const x = values ? values[r] : Number.NaN;
    let dup: string | null | undefined;
    if (!Number.isNaN(x)) {
      // the cell is the number (cellAt)
      if (!nums.has(x) && (texts.size === 0 || !texts.has(String(x)))) {
        nums.add(x);
        continue;
      }
      dup = String(x);
    } else {
      dup = uniqueByOne(texts, nums, cellAt(b, c, r, bad));
      if (dup === undefined) continue;
    }
    result.uniqueByDuplicates = note(result.uniqueByDuplicates, b.offset + r + 1, JSON.stringify([dup]), b.lines?.[r]);
  }
}

/**
 * One more value of a single uniqueBy column, whose key is its text (cellToString): a number is kept in `nums` (its
 * key String(n): two numbers have the same text exactly when the Set finds them equal), any other value by its text
 * in `texts`. Returns the key when it was seen before (a duplicate), else undefined.
 */
function uniqueByOne(texts: Set<string | null>, nums: Set<number>, cell: Cell): string | null | undefined {
  if (typeof cell === "number") {
    if (nums.has(cell) || (texts.size > 0 && texts.has(String(cell)))) return String(cell);
    nums.add(cell);
    return undefined;
  }
  const key = cellToString(cell);
  if (texts.has(key)) return key;
  if (key !== null && nums.size > 0) {
    const n = Number(key);
    if (String(n) === key && nums.has(n)) return key;
  }
  texts.add(key);
  return undefined;
}

/** A column's cells of one batch checked and counted. */
function scanColumn(
  cs: ColumnScan,
  batch: Batch,
  ci: number,
  bad: (Map<number, string> | undefined)[],
  countOnly: boolean,
): void {
  const { col, s, uniq, uniqNum, sample, allowed, allowedNum, numericType } = cs;
  const name = col.name;
  const expectedMin = col.expected?.min;
  const expectedMax = col.expected?.max;
  const { min, max } = col;
  // a float column's numbers, and an integer column's read as numbers (ReadOptions.integers): a finite one is its own
  // typed value (typedValue), without a cell
  const integer = col.type === "integer";
  const nums = col.type === "float" || integer ? batch.numeric?.[ci] : undefined;
  const cells = batch.data[ci];
  // a column of numbers and nulls only (no cell that is not a number's text) is counted in one call, in row order as
  // one call per value would count it; any other is counted value by value
  let counter = cs.counter;
  if (counter && nums && bad[ci] === undefined) {
    counter.addNumbers(name, nums, batch.length);
    counter = undefined;
  }
  for (let r = 0; r < batch.length; r++) {
    let cell: Cell;
    let v: number | string | boolean | null | undefined;
    const x = nums ? nums[r] : Number.NaN;
    if (x - x === 0) {
      cell = x;
      v = x;
    } else {
      cell = nums ? cellAt(batch, ci, r, bad) : cells[r];
      const n = integer && typeof cell === "string" ? plainInteger(cell) : undefined;
      v = n !== undefined ? n : typedValue(col, cell);
    }
    if (v === undefined) {
      s.typeErrors = note(s.typeErrors, batch.offset + r + 1, String(cellToString(cell)), batch.lines?.[r]);
      continue;
    }
    if (v === null) {
      s.nulls++;
      if (numericType) counter?.addNumber(name, null);
      else counter?.addValue(name, null);
      continue;
    }
    if (typeof v === "number") {
      counter?.addNumber(name, v);
      if (countOnly) continue;
      if (min !== undefined && v < min) s.belowMin = noteAt(s.belowMin, batch, r, keyOf(v, cell));
      if (max !== undefined && v > max) s.aboveMax = noteAt(s.aboveMax, batch, r, keyOf(v, cell));
      if (expectedMin !== undefined && v < expectedMin)
        s.belowExpected = noteAt(s.belowExpected, batch, r, keyOf(v, cell));
      if (expectedMax !== undefined && v > expectedMax)
        s.aboveExpected = noteAt(s.aboveExpected, batch, r, keyOf(v, cell));
      sample?.add(v);
      if (Number.isSafeInteger(v) || !Number.isInteger(v)) {
        // the key is the number's text (keyOf): kept as the number, made into text only for a finding
        if (allowedNum && !allowedNum.has(v)) s.notAllowed = noteAt(s.notAllowed, batch, r, String(v));
        if (uniqNum) {
          if (uniqNum.has(v)) s.duplicates = noteAt(s.duplicates, batch, r, String(v));
          else uniqNum.add(v);
        }
        if (!cs.distinct || s.distinctOverflow) continue;
        const counts = cs.numCounts;
        if (counts) {
          counts.set(v, (counts.get(v) ?? 0) + 1);
          if (counts.size > DISTINCT_CAP) s.distinctOverflow = true;
        } else countText(cs, String(v));
        continue;
      }
      if (!allowed && !uniq && (!cs.distinct || s.distinctOverflow)) continue;
    } else if (countOnly) {
      counter?.addValue(name, keyOf(v, cell));
      continue;
    }
    // a key that is not kept as a number: an integer beyond 2^53 (by its digits), a string, a boolean
    const key = keyOf(v, cell);
    if (typeof v !== "number") counter?.addValue(name, key);
    if (allowed && !allowed.has(key)) s.notAllowed = noteAt(s.notAllowed, batch, r, key);
    if (uniq) {
      if (uniq.has(key)) s.duplicates = noteAt(s.duplicates, batch, r, key);
      else uniq.add(key);
    }
    if (cs.distinct && !s.distinctOverflow) countText(cs, key);
  }
}

/** One more row of a distinct value, by its text. */
function countText(cs: ColumnScan, key: string): void {
  const s = cs.s;
  countsAsText(cs);
  s.counts.set(key, (s.counts.get(key) ?? 0) + 1);
  if (s.counts.size > DISTINCT_CAP) s.distinctOverflow = true;
}

/**
 * The value of a cell of plain digits (an optional minus, at most 15 digits: exact as a double), as parseNumberText
 * reads it, summed digit by digit; undefined for any other text (then parseNumberText decides).
 */
function plainInteger(text: string): number | undefined {
  const len = text.length;
  const neg = len > 0 && text.charCodeAt(0) === 45;
  let i = neg ? 1 : 0;
  if (i === len || len - i > 15) return undefined;
  let n = 0;
  for (; i < len; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    n = n * 10 + d;
  }
  return neg ? -n : n;
}

/** The counts kept by number moved into the stats' counts by text (same keys as keyOf's, same order). */
function countsAsText(cs: ColumnScan): void {
  const numCounts = cs.numCounts;
  if (!numCounts) return;
  for (const [v, n] of numCounts) cs.s.counts.set(String(v), n);
  cs.numCounts = undefined;
}

// Row hashes for the leakage check: 64 bits per row, two 32-bit lanes (murmur3's mixing, different seeds and word
// scrambles) over the row's values, column by column. Values hash as their text did before ("1", "1.0" and 1 alike):
// a value whose text is a finite number's (String(n)) as that number's 8 bytes, any other as its text; a null as "".
const TAG_NUMBER = 0x4e;
const TAG_TEXT = 0x54;
const TAG_MISSING = 0x4d;
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/**
 * The words a value hashes as (see above): a finite number as TAG_NUMBER and its 8 bytes, any other value as
 * TAG_TEXT, its length and its text two UTF-16 code units a word. Made once per distinct text of a column (RowLanes).
 */
function wordsOf(cell: Cell): Int32Array {
  if (typeof cell === "number") return cell - cell === 0 ? numberWords(cell) : textWords(String(cell));
  if (typeof cell === "string") {
    const n = plainInteger(cell) ?? parseNumberText(cell);
    if (typeof n !== "number" || Number.isNaN(n)) return textWords(cell);
    return n - n === 0 ? numberWords(n) : textWords(String(n));
  }
  const t = cell === null ? "" : String(cellToString(cell));
  // another kind's text (a bigint's digits, a boolean) that is a number's text hashes as that number
  const n = Number(t);
  return t !== "" && n - n === 0 && String(n) === t ? numberWords(n) : textWords(t);
}

function numberWords(v: number): Int32Array {
  f64[0] = v + 0; // -0 is 0 ("0" both)
  return Int32Array.of(TAG_NUMBER, u32[0], u32[1]);
}

function textWords(t: string): Int32Array {
  const len = t.length;
  const out = new Int32Array(2 + ((len + 1) >> 1));
  out[0] = TAG_TEXT;
  out[1] = len;
  let i = 0;
  let w = 2;
  for (; i + 1 < len; i += 2) out[w++] = t.charCodeAt(i) | (t.charCodeAt(i + 1) << 16);
  if (i < len) out[w] = t.charCodeAt(i);
  return out;
}

/** Distinct texts of one column whose words are kept (a column of ids has as many as rows: they are not all kept). */
const WORDS_KEPT = 4096;

/**
 * The two lanes of each row of a batch, filled column by column. Each lane takes a value's words through murmur3's
 * mixing (mixA, mixB), written out in the loops: one loop per column with no call per value, so that it runs fast
 * before the JIT has optimized it (validate reads a few small files once).
 */
export class RowLanes {
  private a = new Int32Array(0);
  private b = new Int32Array(0);
  private n = 0;
  private readonly words = new Map<Cell, Int32Array>();
  /** The WebAssembly kernel of this batch (row-lanes-wasm.ts), or null; with it, a, b and x are views of its memory. */
  private kernel: LaneKernel | null = null;
  private x = new Float64Array(0);

  /**
   * `wasm`: mix numbers in the WebAssembly kernel where it runs (the lanes are then views of its memory, and a
   * column's numbers are copied into `x` to be mixed there); else, or without, the loops below do it all.
   */
  constructor(private readonly wasm = true) {}

  start(n: number): void {
    // the kernel's memory: lanes A and B (4 bytes a row each, rounded up to 8), then the numbers (8 bytes a row);
    // views made again for each batch: another RowLanes of this thread may have had a new kernel since
    const room = (n + 1) & ~1;
    const had = this.kernel;
    const k = this.wasm ? laneKernel(room * 16) : null;
    this.kernel = k;
    if (k) {
      this.a = new Int32Array(k.memory.buffer, 0, n);
      this.b = new Int32Array(k.memory.buffer, room * 4, n);
      this.x = new Float64Array(k.memory.buffer, room * 8, n);
    } else if (had || this.a.length < n) {
      this.a = new Int32Array(n);
      this.b = new Int32Array(n);
    }
    this.a.fill(0x5bd1e995, 0, n);
    this.b.fill(0x27d4eb2f, 0, n);
    this.n = n;
  }

  /** Mixes `words` into row r's lanes. */
  private mix(r: number, words: Int32Array): void {
    let ha = this.a[r];
    let hb = this.b[r];
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      let k = Math.imul(w, 0xcc9e2d51);
      k = (k << 15) | (k >>> 17);
      ha ^= Math.imul(k, 0x1b873593);
      ha = (ha << 13) | (ha >>> 19);
      ha = (Math.imul(ha, 5) + 0xe6546b64) | 0;
      k = Math.imul(w ^ 0x9e3779b9, 0x85ebca77);
      k = (k << 17) | (k >>> 15);
      hb ^= Math.imul(k, 0xc2b2ae3d);
      hb = (hb << 11) | (hb >>> 21);
      hb = (Math.imul(hb, 9) + 0x165667b1) | 0;
    }
    this.a[r] = ha;
    this.b[r] = hb;
  }

  /** A cell that is not a finite number read as one: its words, kept per distinct text. */
  private cellWords(cell: Cell): Int32Array {
    if (typeof cell !== "string" && cell !== null) return wordsOf(cell);
    let w = this.words.get(cell);
    if (w === undefined) {
      if (this.words.size >= WORDS_KEPT) this.words.clear();
      w = wordsOf(cell);
      this.words.set(cell, w);
    }
    return w;
  }

  column(b: Batch, c: number, bad: (Map<number, string> | undefined)[]): void {
    // the texts kept are the last column's: forgotten before the loops, not after them (code after a loop that has not
    // run when V8 optimizes the loop while it runs is compiled as a deoptimization, taken at each column's end)
    this.words.clear();
    const nums = b.numeric?.[c];
    const cells = b.data[c];
    const la = this.a;
    const lb = this.b;
    const n = this.n;
    if (!nums) {
      for (let r = 0; r < n; r++) this.mix(r, this.cellWords(cells[r]));
      return;
    }
    const k = this.kernel;
    if (k) {
      // the finite numbers mixed by the kernel; the other cells (nulls, texts that were not numbers) here
      const x = this.x;
      x.set(nums.subarray(0, n));
      if (k.numbers(la.byteOffset, lb.byteOffset, x.byteOffset, n) === 0) return;
      for (let r = 0; r < n; r++) if (x[r] - x[r] !== 0) this.mix(r, this.cellWords(cellAt(b, c, r, bad)));
      return;
    }
    for (let r = 0; r < n; r++) {
      const x = nums[r];
      if (x - x !== 0) {
        this.mix(r, this.cellWords(cellAt(b, c, r, bad)));
        continue;
      }
      // TAG_NUMBER and the number's 8 bytes (-0 as 0), mixed as mix() does, written out again on purpose: with the two
      // lanes as small functions called from both loops, validate on the example took 387 against 373 ms (one run
      // in turns, load 2): its scans run mostly before the JIT has optimized them, where a call is not inlined
      f64[0] = x + 0;
      let ha = la[r];
      let hb = lb[r];
      for (let i = 0; i < 3; i++) {
        const w = i === 0 ? TAG_NUMBER : u32[i - 1];
        let k = Math.imul(w, 0xcc9e2d51);
        k = (k << 15) | (k >>> 17);
        ha ^= Math.imul(k, 0x1b873593);
        ha = (ha << 13) | (ha >>> 19);
        ha = (Math.imul(ha, 5) + 0xe6546b64) | 0;
        k = Math.imul(w ^ 0x9e3779b9, 0x85ebca77);
        k = (k << 17) | (k >>> 15);
        hb ^= Math.imul(k, 0xc2b2ae3d);
        hb = (hb << 11) | (hb >>> 21);
        hb = (Math.imul(hb, 9) + 0x165667b1) | 0;
      }
      la[r] = ha;
      lb[r] = hb;
    }
  }

  /** A hashed column the file does not have. */
  missing(): void {
    const tag = Int32Array.of(TAG_MISSING);
    for (let r = 0; r < this.n; r++) this.mix(r, tag);
  }

  /** Each row's hash (its lanes' fmix) into the set. */
  finish(into: RowHashes): void {
    const la = this.a;
    const lb = this.b;
    const n = this.n;
    const k = this.kernel;
    if (k) {
      k.fmix(la.byteOffset, n);
      k.fmix(lb.byteOffset, n);
    } else {
      fmixAll(la, n);
      fmixAll(lb, n);
    }
    reserveRowHashes(into, n);
    const { hi: his, lo: los, used } = into;
    const mask = used.length - 1;
    let size = into.size;
    for (let r = 0; r < n; r++) {
      const hi = la[r];
      const lo = lb[r];
      // added as row-hashes.ts adds, written out: no call per row while the code runs cold
      let i = lo & mask;
      while (used[i] === 1 && (his[i] !== hi || los[i] !== lo)) i = (i + 1) & mask;
      if (used[i] === 0) {
        used[i] = 1;
        his[i] = hi;
        los[i] = lo;
        size++;
      }
    }
    into.size = size;
  }
}

/** murmur3's fmix of each of the first n words, in place (where the kernel does not run: row-lanes-wasm.ts fmix). */
function fmixAll(lanes: Int32Array, n: number): void {
  for (let r = 0; r < n; r++) {
    let h = lanes[r];
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    lanes[r] = h ^ (h >>> 16);
  }
}
