import * as crypto from "node:crypto";
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import type { Column, Dataset } from "../manifest/schema.ts";
import { contentName, parseLocation } from "../storage/location.ts";
import { type CounterSnapshot, type ProfileCounter, Reservoir } from "./profile.ts";
import {
  type Batch,
  type Cell,
  cellToNumber,
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
  /** Row hashes over `hashColumns`, for leakage checks. */
  rowHashes?: Set<string>;
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
}

const DISTINCT_CAP = 1000;

function note(p: Problem | undefined, row: number, example: string, line?: number): Problem {
  const out = p ?? { count: 0, firstRow: row, ...(line ? { firstLine: line } : {}), examples: [] };
  out.count++;
  if (out.examples.length < 3 && !out.examples.includes(example)) out.examples.push(example);
  return out;
}

/** One column's values counted into several counters. */
function fanOut(counters: ProfileCounter[]): Pick<ProfileCounter, "addNumber" | "addValue"> {
  return {
    addNumber: (name, v) => {
      for (const k of counters) k.addNumber(name, v);
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
 * A typed value, or undefined when the cell does not have the declared type; null for a null cell. Numbers follow
 * the readers' one rule (parseNumberText): "nan" and empty are null; a float must be finite (±Infinity is refused
 * here as evaluate refuses it).
 */
export function typedValue(col: Column, cell: Cell): number | string | boolean | null | undefined {
  if (cell === null) return null;
  switch (col.type) {
    case "float": {
      const n = typeof cell === "string" ? parseNumberText(cell) : cellToNumber(cell);
      if (n === null || n === undefined) return n;
      if (Number.isNaN(n)) return typeof cell === "string" || typeof cell === "number" ? null : undefined;
      return Number.isFinite(n) ? n : undefined;
    }
    case "integer": {
      const n = typeof cell === "string" ? parseNumberText(cell) : cellToNumber(cell);
      if (n === null) return null;
      return n !== undefined && Number.isInteger(n) ? n : undefined;
    }
    case "boolean": {
      if (typeof cell === "boolean") return cell;
      const s = cellToString(cell)?.trim().toLowerCase();
      if (s === "true" || s === "1") return true;
      if (s === "false" || s === "0") return false;
      return undefined;
    }
    default:
      return cellToString(cell);
  }
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
 * Scans of local files kept for the rest of the process (issue #25: in the demo, validate read the same files again
 * for each version), by the file's identity (device, inode, size, modification and change times in nanoseconds,
 * stated before and after the read), the Dataset's spec, the options and each counter's state before the scan. A hit
 * gives copies: the result, the counters' counts, the sha256 to `verify.onDigest`. Not kept: remote files and
 * digests checked against a pin (their reader checks them), samples, and files over KEPT_MAX_BYTES.
 */
const kept = new Map<string, { result: ScanResult; counters: CounterSnapshot[]; sha256?: string }>();
const KEPT_MAX = 32;
let keptHits = 0;

/** How many scans were answered from what this process kept (tests). */
export function keptScanHits(): number {
  return keptHits;
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

/** Reads a data file once and collects everything the Dataset manifest's checks need. */
export async function scanDataset(path: string, dataset: Dataset, opts: ScanOptions = {}): Promise<ScanResult> {
  const counters = [...(opts.counter ? [opts.counter] : []), ...(opts.counters ?? [])];
  const keepable =
    !opts.sampleColumns && !opts.verify?.sha256 && !opts.verify?.arrival && parseLocation(path).kind === "file";
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
  for (const c of declared)
    stats.set(c.name, { nulls: 0, distinct: new Set(), counts: new Map(), distinctOverflow: false });
  const seenUnique = new Map<string, Set<string>>();
  for (const c of declared) if (c.unique) seenUnique.set(c.name, new Set());
  const uniqueBy = spec.checks?.uniqueBy;
  const seenBy = new Set<string>();
  const samples = new Map<string, Reservoir>();
  for (const name of opts.sampleColumns ?? []) samples.set(name, new Reservoir());
  const rowHashes = opts.hashColumns ? new Set<string>() : undefined;
  const counters = [...(opts.counter ? [opts.counter] : []), ...(opts.counters ?? [])];
  const countOnly = opts.countOnly === true && counters.length > 0;
  const result: ScanResult = {
    rows: 0,
    header: [],
    stats,
    rowHashes,
    samples: opts.sampleColumns ? samples : undefined,
  };

  // float columns come as numbers (no string per cell); integers as text, so that IDs beyond 2^53 keep their digits
  const numeric = declared.filter((c) => c.type === "float").map((c) => c.name);
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
  for await (const batch of readBatches(path, { ...read, columns, numeric: only ?? numeric, verify: opts.verify })) {
    if (result.header.length === 0 && !countOnly) result.header = batch.columns;
    const idx = new Map(batch.columns.map((n, i) => [n, i]));
    const bad = (batch.notNumbers ?? []).map((x) => (x ? new Map(x.rows.map((r, i) => [r, x.texts[i]])) : undefined));
    for (const col of declared) {
      const ci = idx.get(col.name);
      if (ci === undefined) continue;
      if (countOnly && !counters.some((k) => k.has(col.name))) continue;
      const s = stats.get(col.name)!;
      const uniq = seenUnique.get(col.name);
      const sample = samples.get(col.name);
      const allowed = col.values ? new Set(col.values.map(String)) : undefined;
      const counting = counters.filter((k) => k.has(col.name));
      const expectedMin = col.expected?.min;
      const expectedMax = col.expected?.max;
      const counter = counting.length <= 1 ? counting[0] : fanOut(counting);
      const numericType = col.type === "float" || col.type === "integer";
      const { min, max } = col;
      for (let r = 0; r < batch.length; r++) {
        const cell = cellAt(batch, ci, r, bad);
        const v = typedValue(col, cell);
        if (v === undefined) {
          s.typeErrors = note(s.typeErrors, batch.offset + r + 1, String(cellToString(cell)), batch.lines?.[r]);
          continue;
        }
        if (v === null) {
          s.nulls++;
          if (numericType) counter?.addNumber(col.name, null);
          else counter?.addValue(col.name, null);
          continue;
        }
        if (typeof v === "number") {
          counter?.addNumber(col.name, v);
          if (countOnly) continue;
          if (min !== undefined && v < min) s.belowMin = noteAt(s.belowMin, batch, r, keyOf(v, cell));
          if (max !== undefined && v > max) s.aboveMax = noteAt(s.aboveMax, batch, r, keyOf(v, cell));
          if (expectedMin !== undefined && v < expectedMin)
            s.belowExpected = noteAt(s.belowExpected, batch, r, keyOf(v, cell));
          if (expectedMax !== undefined && v > expectedMax)
            s.aboveExpected = noteAt(s.aboveExpected, batch, r, keyOf(v, cell));
          sample?.add(v);
          // a number's key (its text) is made only when a check needs it
          if (!allowed && !uniq && s.distinctOverflow) continue;
        } else if (countOnly) {
          counter?.addValue(col.name, keyOf(v, cell));
          continue;
        }
        const key = keyOf(v, cell);
        if (typeof v !== "number") counter?.addValue(col.name, key);
        if (allowed && !allowed.has(key)) s.notAllowed = noteAt(s.notAllowed, batch, r, key);
        if (uniq) {
          if (uniq.has(key)) s.duplicates = noteAt(s.duplicates, batch, r, key);
          else uniq.add(key);
        }
        if (!s.distinctOverflow) {
          s.distinct.add(key);
          s.counts.set(key, (s.counts.get(key) ?? 0) + 1);
          if (s.distinct.size > DISTINCT_CAP) s.distinctOverflow = true;
        }
      }
    }
    if (!countOnly && (uniqueBy || rowHashes)) {
      const byIdx = uniqueBy?.map((n) => idx.get(n)).filter((i): i is number => i !== undefined);
      const hashIdx = opts.hashColumns?.map((n) => idx.get(n) ?? -1);
      for (let r = 0; r < batch.length; r++) {
        if (byIdx && byIdx.length === uniqueBy!.length) {
          const key = JSON.stringify(byIdx.map((i) => cellToString(cellAt(batch, i, r, bad))));
          if (seenBy.has(key))
            result.uniqueByDuplicates = note(result.uniqueByDuplicates, batch.offset + r + 1, key, batch.lines?.[r]);
          else seenBy.add(key);
        }
        if (rowHashes && hashIdx) {
          let text = "";
          for (const i of hashIdx) text += i < 0 ? "\u0000" : `${normalizeForHash(cellAt(batch, i, r, bad))}\u0001`;
          rowHashes.add(sha1Hex(text).slice(0, 20));
        }
      }
    }
    result.rows += batch.length;
    opts.onRows?.(batch.length);
  }
  // a file with a header and no rows has no batch
  if (result.header.length === 0) result.header = await readColumns(path, read);
  return result;
}

/** The hex SHA-1 of a row's text: one call (crypto.hash, Node ≥ 20.12) rather than a Hash object per row. */
const sha1Hex: (text: string) => string =
  typeof crypto.hash === "function"
    ? (text) => crypto.hash("sha1", text, "hex")
    : (text) => crypto.createHash("sha1").update(text).digest("hex");

/** "1", "1.0" and 1 hash alike, so that a row copied between CSV and JSONL files is still found. */
function normalizeForHash(cell: Cell): string {
  if (cell === null) return "";
  const n = typeof cell === "string" ? parseNumberText(cell) : typeof cell === "number" ? cell : undefined;
  if (typeof n === "number" && !Number.isNaN(n)) return String(n);
  return String(cellToString(cell));
}
