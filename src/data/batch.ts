import { CheckFailed } from "../errors.ts";
import { didYouMean } from "../manifest/findings.ts";

/**
 * What every data reader (csv.ts, jsonl.ts, parquet.ts) and every consumer of their batches share: the batch shape,
 * the limits, the error that names the file and the line, column selection, and the one rule for what counts as a
 * number (`parseNumberText`). The readers import this file and read.ts imports the readers, so nothing runs in a
 * circle.
 */

export type Format = "csv" | "jsonl" | "parquet";
/** A cell as the file holds it: CSV gives strings (null for an empty unquoted field), JSONL/Parquet their values. */
export type Cell = string | number | boolean | bigint | null | Date | object;

/** Rows in column-major order: data[c][r] is column `columns[c]`, row r of this batch. */
export interface Batch {
  columns: string[];
  length: number;
  /** The cells of each column; empty for the columns delivered in `numeric`. */
  data: Cell[][];
  /** Index of this batch's first row in the file (0-based, data rows only). */
  offset: number;
  /** CSV and JSONL: the 1-based line of the file on which each row starts (a quoted field may span lines). */
  lines?: Int32Array;
  /**
   * With ReadOptions.numeric: numeric[c] holds column c's values as numbers and data[c] is left empty. A null or
   * empty cell (or a NaN in the file, or the text "nan") is NaN; ±Infinity stays infinite; a cell that is not a
   * number is NaN and listed in `notNumbers`. Undefined for the other columns.
   */
  numeric?: (Float64Array | undefined)[];
  /** Per numeric column, the rows (of this batch) whose cell is not a number, with the cell as text. */
  notNumbers?: (NotNumbers | undefined)[];
}

export interface NotNumbers {
  rows: number[];
  texts: string[];
}

/** The field separators a CSV file may use (spec.csv.delimiter). */
export const CSV_DELIMITERS = [",", ";", "\t", "|"] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export interface ReadOptions {
  format?: Format;
  batchSize?: number;
  /** Only these columns, in this order (a missing one is a DataError naming it). */
  columns?: string[];
  /** The file name used in messages (default: the path). */
  displayName?: string;
  /** CSV: the field separator (default ","), from the Dataset manifest's spec.csv.delimiter. */
  delimiter?: CsvDelimiter;
  /**
   * Columns (among `columns`) to deliver as Float64Array in `Batch.numeric` instead of cells: no string or boxed
   * number per cell. CSV parses them straight from the bytes, Parquet decodes its pages straight into them.
   */
  numeric?: string[];
  /**
   * CSV only: columns (among `columns`, not in `numeric`) whose cells that are an integer's canonical text (an
   * optional minus and at most 15 digits, no leading zero, not "-0": String(n) gives the text back) come as numbers
   * in `Batch.numeric`; any other cell comes as its text in `notNumbers` (an empty unquoted one as NaN: null), so
   * nothing of the text is lost. The other readers deliver these columns as cells.
   */
  integers?: string[];
  /**
   * JSONL only: read `columns` from every line that has them (null where a line lacks one) and ignore other keys,
   * instead of taking the first line's keys as the file's columns. For event logs (CloudEvents), whose optional
   * attributes differ from line to line.
   */
  anyKeys?: boolean;
  /**
   * Worker threads reading the file (default: readThreads(), for files of 32 MiB and more) and, for CSV, the
   * block size (default 8 MiB). The batches do not depend on it; tests set it to run the threaded path on small files.
   */
  /**
   * Read part `index` (1-based) of `count` only, for a shard job (read.ts): CSV the records that start in that
   * `count`-th of the data's bytes (a part after the first starts after the first line break in it), through the
   * one that crosses its end; Parquet that `count`-th of the row groups. `onPart` is told the bytes read (CSV: from
   * the first record's start to the end of the last), for the merge to check that the parts meet. Batch offsets
   * are rows from the part's start (CSV) or from the file's (Parquet). Not for JSONL.
   */
  part?: { index: number; count: number; onPart?: (bytes: { start: number; end: number }) => void };
  parallel?: {
    threads: number;
    blockBytes: number;
    /** CSV: hand every block to the workers, not only those after the one being parsed when a worker is up. */
    workersOnly?: boolean;
  };
}

export type Resolved = Required<Pick<ReadOptions, "batchSize" | "displayName">> & ReadOptions;

/**
 * Rows per batch for `width` columns: the asked batch size, fewer for very wide files so that a batch holds at most
 * 4Mi cells (32 MiB) — a 50,000-column file reads in batches of 83 rows, not 8,192.
 */
export function batchRows(batchSize: number, width: number): number {
  return Math.max(1, Math.min(batchSize, Math.floor((1 << 22) / Math.max(1, width))));
}

/**
 * The longest CSV record (a line, with the line breaks inside its quoted fields) or JSONL line modelgate reads:
 * 16 MiB. Longer is refused with a DataError naming the line where it starts — usually a quote left open, or a
 * file without line breaks — so that memory stays bounded and a broken file fails fast.
 */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;

/**
 * Something wrong inside a data file: what, where (file:line, or file and row for Parquet) and what to do. It is a
 * failed data check (exit 1), the same verdict `validate` gives for a bad value, whichever command read the file.
 */
export class DataError extends CheckFailed {
  readonly line?: number;
  readonly row?: number;
  constructor(
    readonly file: string,
    where: { line?: number; row?: number },
    readonly detail: string,
  ) {
    super(
      `${file}${where.line ? `:${where.line}` : ""}: ${where.row !== undefined ? `row ${where.row}: ` : ""}${detail}`,
    );
    this.name = "DataError";
    this.line = where.line;
    this.row = where.row;
  }
}

/** Where row r of a batch is: its 1-based data row and, for CSV and JSONL, the line it starts on. */
export function rowPlace(b: Batch, r: number): { line?: number; row: number } {
  return { line: b.lines?.[r], row: b.offset + r + 1 };
}

/** Indexes of the wanted columns in the file's columns; a missing one is a DataError with a did-you-mean. */
export function selectColumns(all: string[], wanted: string[] | undefined, file: string, line?: number): number[] {
  if (!wanted) return all.map((_, i) => i);
  const at = new Map<string, number>();
  all.forEach((name, i) => {
    if (!at.has(name)) at.set(name, i);
  });
  return wanted.map((name) => {
    const i = at.get(name);
    if (i === undefined) {
      const near = didYouMean(name, all.length > 5000 ? all.slice(0, 5000) : all);
      const shown = all.length > 20 ? `${all.slice(0, 20).join(", ")}, … (${all.length} in all)` : all.join(", ");
      throw new DataError(
        file,
        { line },
        `there is no column "${name}"${near ? `; did you mean "${near}"?` : ""} (the file has: ${shown}); fix the column name in the file or in the manifest`,
      );
    }
    return i;
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// Numbers: one rule for every format and every command.

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A text cell as a number: a decimal number (`12`, `-0.5`, `1e-7`, `.5`, surrounding spaces allowed) is its value,
 * `inf`/`infinity` (any case, signed) is ±Infinity, empty is null, `nan` (any case) is NaN — a missing value, as
 * pandas reads it. Anything else (`12kg`, `0x10`, `249.40"x`) is undefined: not a number.
 */
export function parseNumberText(text: string): number | null | undefined {
  if (isPlainDigits(text)) return Number(text);
  const t = text.trim();
  if (t === "") return null;
  if (DECIMAL.test(t)) return Number(t);
  const l = t.toLowerCase();
  const unsigned = l[0] === "+" || l[0] === "-" ? l.slice(1) : l;
  if (unsigned === "inf" || unsigned === "infinity") return l[0] === "-" ? -Infinity : Infinity;
  if (unsigned === "nan") return Number.NaN;
  return undefined;
}

/**
 * Digits only, optionally after a minus, at most 15 of them (exact as a double): the common integer cell, whose value
 * is Number(text) as by the DECIMAL rule, without the regular expression.
 */
function isPlainDigits(text: string): boolean {
  const n = text.length;
  let i = n > 0 && text.charCodeAt(0) === 45 ? 1 : 0;
  if (i === n || n - i > 15) return false;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** A cell as a number, or null (empty/null), or NaN when it is not numeric (see parseNumberText for text). */
export function cellToNumber(v: Cell): number | null {
  if (v === null) return null;
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    const n = parseNumberText(v);
    return n === undefined ? Number.NaN : n;
  }
  if (v instanceof Date) return v.getTime();
  return Number.NaN;
}

/** A cell as a string key (for categorical values, hashing and allowed-value checks); null stays null. */
export function cellToString(v: Cell): string | null {
  if (v === null) return null;
  if (typeof v === "string") return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "object") return JSON.stringify(v, (_, x) => (typeof x === "bigint" ? x.toString() : x));
  return String(v);
}

/**
 * Puts a cell into a numeric column (JSONL, and Parquet columns of rich types) at `at`: its number, or NaN for null
 * and for a cell that is not a number, which is listed in `bad` with its text.
 */
export function putNumber(v: Cell | undefined, out: Float64Array, at: number, bad: NotNumbers): void {
  if (typeof v === "number") {
    out[at] = v;
    return;
  }
  const n = v === undefined ? null : cellToNumber(v);
  if (n === null) out[at] = Number.NaN;
  else if (Number.isNaN(n) && !(typeof v === "string" && parseNumberText(v) !== undefined)) {
    out[at] = Number.NaN;
    bad.rows.push(at);
    bad.texts.push(String(cellToString(v as Cell)));
  } else out[at] = n;
}
