import { createHash } from "node:crypto";
import type { Column, Dataset } from "../manifest/schema.ts";
import { type ProfileCounter, Reservoir } from "./profile.ts";
import { type Cell, cellToNumber, cellToString, type Format, readBatches } from "./read.ts";

/** Counts of one kind of problem in a column, with the first row and a few example values. */
export interface Problem {
  count: number;
  /** 1-based data row of the first occurrence (the header is not a row). */
  firstRow: number;
  examples: string[];
}

export interface ColumnStats {
  nulls: number;
  typeErrors?: Problem;
  belowMin?: Problem;
  aboveMax?: Problem;
  notAllowed?: Problem;
  duplicates?: Problem;
  /** Distinct non-null values, up to DISTINCT_CAP (for labels and slices). */
  distinct: Set<string>;
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
  onRows?: (n: number) => void;
}

const DISTINCT_CAP = 1000;

function note(p: Problem | undefined, row: number, example: string): Problem {
  const out = p ?? { count: 0, firstRow: row, examples: [] };
  out.count++;
  if (out.examples.length < 3 && !out.examples.includes(example)) out.examples.push(example);
  return out;
}

/** A typed value, or undefined when the cell does not have the declared type; null for a null cell. */
export function typedValue(col: Column, cell: Cell): number | string | boolean | null | undefined {
  if (cell === null) return null;
  switch (col.type) {
    case "float": {
      if (typeof cell === "string" && /^\s*nan\s*$/i.test(cell)) return null;
      const n = cellToNumber(cell);
      if (n === null) return null;
      return Number.isNaN(n) ? (typeof cell === "number" ? null : undefined) : n;
    }
    case "integer": {
      const n = cellToNumber(cell);
      if (n === null) return null;
      return Number.isInteger(n) ? n : undefined;
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

/** Reads a data file once and collects everything the Dataset manifest's checks need. */
export async function scanDataset(path: string, dataset: Dataset, opts: ScanOptions = {}): Promise<ScanResult> {
  const spec = dataset.spec;
  const declared = spec.columns;
  const stats = new Map<string, ColumnStats>();
  for (const c of declared) stats.set(c.name, { nulls: 0, distinct: new Set(), distinctOverflow: false });
  const seenUnique = new Map<string, Set<string>>();
  for (const c of declared) if (c.unique) seenUnique.set(c.name, new Set());
  const uniqueBy = spec.checks?.uniqueBy;
  const seenBy = new Set<string>();
  const samples = new Map<string, Reservoir>();
  for (const name of opts.sampleColumns ?? []) samples.set(name, new Reservoir());
  const rowHashes = opts.hashColumns ? new Set<string>() : undefined;
  const result: ScanResult = {
    rows: 0,
    header: [],
    stats,
    rowHashes,
    samples: opts.sampleColumns ? samples : undefined,
  };

  for await (const batch of readBatches(path, { format: spec.format, displayName: opts.displayName })) {
    if (result.header.length === 0) result.header = batch.columns;
    const idx = new Map(batch.columns.map((n, i) => [n, i]));
    for (const col of declared) {
      const ci = idx.get(col.name);
      if (ci === undefined) continue;
      const s = stats.get(col.name)!;
      const cells = batch.data[ci];
      const uniq = seenUnique.get(col.name);
      const sample = samples.get(col.name);
      const allowed = col.values ? new Set(col.values.map(String)) : undefined;
      const profiled = opts.counter?.has(col.name);
      for (let r = 0; r < batch.length; r++) {
        const row = batch.offset + r + 1;
        const cell = cells[r];
        const v = typedValue(col, cell);
        if (v === undefined) {
          s.typeErrors = note(s.typeErrors, row, String(cellToString(cell)));
          continue;
        }
        if (v === null) {
          s.nulls++;
          if (profiled)
            col.type === "float" || col.type === "integer"
              ? opts.counter!.addNumber(col.name, null)
              : opts.counter!.addValue(col.name, null);
          continue;
        }
        const key = String(v);
        if (typeof v === "number") {
          if (col.min !== undefined && v < col.min) s.belowMin = note(s.belowMin, row, key);
          if (col.max !== undefined && v > col.max) s.aboveMax = note(s.aboveMax, row, key);
          sample?.add(v);
          if (profiled) opts.counter!.addNumber(col.name, v);
        } else if (profiled) opts.counter!.addValue(col.name, key);
        if (allowed && !allowed.has(key)) s.notAllowed = note(s.notAllowed, row, key);
        if (uniq) {
          if (uniq.has(key)) s.duplicates = note(s.duplicates, row, key);
          else uniq.add(key);
        }
        if (!s.distinctOverflow) {
          s.distinct.add(key);
          if (s.distinct.size > DISTINCT_CAP) s.distinctOverflow = true;
        }
      }
    }
    if (uniqueBy || rowHashes) {
      const byIdx = uniqueBy?.map((n) => idx.get(n)).filter((i): i is number => i !== undefined);
      const hashIdx = opts.hashColumns?.map((n) => idx.get(n) ?? -1);
      for (let r = 0; r < batch.length; r++) {
        if (byIdx && byIdx.length === uniqueBy!.length) {
          const key = JSON.stringify(byIdx.map((i) => cellToString(batch.data[i][r])));
          if (seenBy.has(key)) result.uniqueByDuplicates = note(result.uniqueByDuplicates, batch.offset + r + 1, key);
          else seenBy.add(key);
        }
        if (rowHashes && hashIdx) {
          const h = createHash("sha1");
          for (const i of hashIdx) h.update(i < 0 ? "\u0000" : `${normalizeForHash(batch.data[i][r])}\u0001`);
          rowHashes.add(h.digest("hex").slice(0, 20));
        }
      }
    }
    result.rows += batch.length;
    opts.onRows?.(batch.length);
  }
  return result;
}

/** "1", "1.0" and 1 hash alike, so that a row copied between CSV and JSONL files is still found. */
function normalizeForHash(cell: Cell): string {
  if (cell === null) return "";
  const n =
    typeof cell === "string" && cell.trim() !== "" ? Number(cell) : typeof cell === "number" ? cell : Number.NaN;
  if (!Number.isNaN(n)) return String(n);
  return String(cellToString(cell));
}
