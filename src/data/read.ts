import { createReadStream } from "node:fs";
import { extname } from "node:path";
import { UserError } from "../errors.ts";

export type Format = "csv" | "jsonl" | "parquet";
/** A cell as the file holds it: CSV gives strings (null for an empty unquoted field), JSONL/Parquet their values. */
export type Cell = string | number | boolean | bigint | null | Date | object;

/** Rows in column-major order: data[c][r] is column `columns[c]`, row r of this batch. */
export interface Batch {
  columns: string[];
  length: number;
  data: Cell[][];
  /** Index of this batch's first row in the file (0-based, data rows only). */
  offset: number;
}

export interface ReadOptions {
  format?: Format;
  batchSize?: number;
  /** Only these columns, in this order (a missing one is a UserError naming it). */
  columns?: string[];
  /** The file name used in messages (default: the path). */
  displayName?: string;
}

export function formatOf(path: string, declared?: Format): Format {
  if (declared) return declared;
  const ext = extname(path).toLowerCase();
  if (ext === ".csv") return "csv";
  if (ext === ".jsonl" || ext === ".ndjson") return "jsonl";
  if (ext === ".parquet" || ext === ".pq") return "parquet";
  throw new UserError(
    `cannot tell the format of ${path} from its extension; use .csv, .jsonl or .parquet, or declare spec.format`,
  );
}

/** Streams a data file in batches. */
export function readBatches(path: string, opts: ReadOptions = {}): AsyncGenerator<Batch> {
  const format = formatOf(path, opts.format);
  const o = { batchSize: 8192, displayName: path, ...opts };
  if (format === "csv") return readCsv(path, o);
  if (format === "jsonl") return readJsonl(path, o);
  return readParquet(path, o);
}

/** The header (column names) of a data file, without reading it all. */
export async function readColumns(path: string, opts: ReadOptions = {}): Promise<string[]> {
  for await (const b of readBatches(path, { ...opts, columns: undefined, batchSize: 1 })) return b.columns;
  return [];
}

function selector(all: string[], wanted: string[] | undefined, file: string): number[] {
  if (!wanted) return all.map((_, i) => i);
  return wanted.map((name) => {
    const i = all.indexOf(name);
    if (i < 0) throw new UserError(`column "${name}" is not in ${file} (it has: ${all.join(", ")})`);
    return i;
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// CSV (RFC 4180): fields separated by commas, records by CRLF or LF; quoted fields may hold commas, quotes ("")
// and line breaks. An empty unquoted field is null; a quoted empty field is the empty string.

async function* readCsv(path: string, o: Required<Pick<ReadOptions, "batchSize" | "displayName">> & ReadOptions) {
  let header: string[] | undefined;
  let sel: number[] = [];
  let cols: Cell[][] = [];
  let n = 0;
  let offset = 0;
  let line = 1; // the physical line the current record starts on, for messages
  let recordLine = 1;
  let field = "";
  let quoted = false; // the current field started with a quote
  let inQuotes = false;
  let afterQuote = false;
  let record: (string | null)[] = [];
  let pending = ""; // a partial unquoted run kept across chunks
  const out: Batch[] = [];

  const endRecord = () => {
    if (!header) {
      header = record.map((h) => (h ?? "").trim());
      if (header.length > 0) header[0] = header[0].replace(/^\uFEFF/, "");
      sel = selector(header, o.columns, o.displayName);
      cols = sel.map(() => []);
    } else if (!(record.length === 1 && record[0] === null)) {
      if (record.length !== header.length) {
        throw new UserError(
          `${o.displayName}:${recordLine}: row has ${record.length} fields but the header has ${header.length}; quote fields that contain commas`,
        );
      }
      for (let c = 0; c < sel.length; c++) cols[c].push(record[sel[c]]);
      n++;
      if (n === o.batchSize) {
        out.push({ columns: sel.map((i) => header![i]), length: n, data: cols, offset });
        offset += n;
        n = 0;
        cols = sel.map(() => []);
      }
    }
    record = [];
  };
  const endField = () => {
    record.push(quoted ? field : field === "" ? null : field);
    field = "";
    quoted = false;
    afterQuote = false;
  };

  const stream = createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 });
  let startOfRecord = true;
  for await (const chunk of stream as AsyncIterable<string>) {
    const s = pending + chunk;
    pending = "";
    let i = 0;
    const len = s.length;
    while (i < len) {
      if (startOfRecord) {
        recordLine = line;
        startOfRecord = false;
      }
      if (inQuotes) {
        const q = s.indexOf('"', i);
        if (q < 0) {
          field += s.slice(i);
          for (let k = i; k < len; k++) if (s.charCodeAt(k) === 10) line++;
          i = len;
          break;
        }
        if (q + 1 >= len) {
          // cannot tell yet whether this quote is doubled; keep it for the next chunk
          field += s.slice(i, q);
          for (let k = i; k < q; k++) if (s.charCodeAt(k) === 10) line++;
          pending = '"';
          i = len;
          break;
        }
        for (let k = i; k < q; k++) if (s.charCodeAt(k) === 10) line++;
        field += s.slice(i, q);
        if (s.charCodeAt(q + 1) === 34) {
          field += '"';
          i = q + 2;
        } else {
          inQuotes = false;
          afterQuote = true;
          i = q + 1;
        }
        continue;
      }
      const ch = s.charCodeAt(i);
      if (ch === 34 && field === "" && !afterQuote && !quoted) {
        inQuotes = true;
        quoted = true;
        i++;
        continue;
      }
      if (ch === 44) {
        endField();
        i++;
        continue;
      }
      if (ch === 10 || ch === 13) {
        if (ch === 13) {
          if (i + 1 >= len) {
            pending = "\r";
            i = len;
            break;
          }
          if (s.charCodeAt(i + 1) === 10) i++;
        }
        endField();
        endRecord();
        line++;
        startOfRecord = true;
        i++;
        // a batch of complete records may be handed out here
        continue;
      }
      if (afterQuote) {
        throw new UserError(
          `${o.displayName}:${line}: unexpected character after a closing quote; double quotes inside a quoted field ("")`,
        );
      }
      // an unquoted run up to the next separator
      let j = i;
      while (j < len) {
        const c = s.charCodeAt(j);
        if (c === 44 || c === 10 || c === 13) break;
        j++;
      }
      if (j === len) {
        pending = s.slice(i);
        i = len;
        break;
      }
      field += s.slice(i, j);
      i = j;
    }
    while (out.length) yield out.shift()!;
  }
  if (inQuotes)
    throw new UserError(`${o.displayName}:${recordLine}: a quoted field is not closed before the end of the file`);
  if (pending === "\r") pending = "";
  field += pending;
  if (field !== "" || quoted || record.length > 0) {
    endField();
    endRecord();
  }
  while (out.length) yield out.shift()!;
  if (!header) throw new UserError(`${o.displayName} is empty; a CSV file needs a header row`);
  if (n > 0) yield { columns: sel.map((i) => header![i]), length: n, data: cols, offset };
}

// ---------------------------------------------------------------------------------------------------------------------
// JSONL: one JSON object per line; the columns are the first object's keys (a missing key in a later row is null).

async function* readJsonl(path: string, o: Required<Pick<ReadOptions, "batchSize" | "displayName">> & ReadOptions) {
  let names: string[] | undefined;
  let cols: Cell[][] = [];
  let n = 0;
  let offset = 0;
  let lineNo = 0;
  let rest = "";
  const stream = createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 });
  const take = function* (text: string): Generator<Batch> {
    lineNo++;
    if (text.trim() === "") return;
    let obj: unknown;
    try {
      obj = JSON.parse(text);
    } catch (err) {
      throw new UserError(`${o.displayName}:${lineNo}: not valid JSON (${(err as Error).message})`);
    }
    if (!obj || typeof obj !== "object" || Array.isArray(obj)) {
      throw new UserError(`${o.displayName}:${lineNo}: each line must be a JSON object`);
    }
    if (!names) {
      const all = Object.keys(obj);
      names = o.columns ? (selector(all, o.columns, o.displayName), o.columns) : all;
      cols = names.map(() => []);
    }
    const rec = obj as Record<string, Cell>;
    for (let c = 0; c < names.length; c++) cols[c].push(rec[names[c]] ?? null);
    if (++n === o.batchSize) {
      yield { columns: names, length: n, data: cols, offset };
      offset += n;
      n = 0;
      cols = names.map(() => []);
    }
  };
  for await (const chunk of stream as AsyncIterable<string>) {
    const s = rest + chunk;
    let start = 0;
    for (let nl = s.indexOf("\n"); nl >= 0; nl = s.indexOf("\n", start)) {
      yield* take(s.slice(start, nl).replace(/\r$/, ""));
      start = nl + 1;
    }
    rest = s.slice(start);
  }
  if (rest.trim() !== "") yield* take(rest);
  if (!names) throw new UserError(`${o.displayName} has no rows; a JSONL file needs one JSON object per line`);
  if (n > 0) yield { columns: names, length: n, data: cols, offset };
}

// ---------------------------------------------------------------------------------------------------------------------
// Parquet through hyparquet, one row group (or a slice of it) at a time, column by column.

async function* readParquet(path: string, o: Required<Pick<ReadOptions, "batchSize" | "displayName">> & ReadOptions) {
  const { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema } = await import("hyparquet");
  let file: Awaited<ReturnType<typeof asyncBufferFromFile>>;
  let metadata: Awaited<ReturnType<typeof parquetMetadataAsync>>;
  try {
    file = await asyncBufferFromFile(path);
    metadata = await parquetMetadataAsync(file);
  } catch (err) {
    throw new UserError(`${o.displayName} is not a readable Parquet file (${(err as Error).message})`);
  }
  const all = parquetSchema(metadata).children.map((c) => c.element.name);
  const names = o.columns ?? all;
  selector(all, o.columns, o.displayName);
  // Large steps: one parquetRead per row group (or per `step` rows within one), handed out in batchSize pieces.
  const step = Math.max(o.batchSize, 65536);
  let groupStart = 0;
  for (const rg of metadata.row_groups) {
    const groupEnd = groupStart + Number(rg.num_rows);
    for (let start = groupStart; start < groupEnd; start += step) {
      const end = Math.min(start + step, groupEnd);
      const cols: Cell[][] = names.map(() => new Array(end - start));
      await parquetRead({
        file,
        metadata,
        columns: names,
        rowStart: start,
        rowEnd: end,
        onChunk: (chunk) => {
          const c = names.indexOf(chunk.columnName);
          if (c < 0) return;
          const data = chunk.columnData as ArrayLike<Cell>;
          const from = Math.max(start, chunk.rowStart);
          const to = Math.min(end, chunk.rowEnd);
          for (let r = from; r < to; r++) cols[c][r - start] = normalizeParquet(data[r - chunk.rowStart]);
        },
      });
      for (let b = start; b < end; b += o.batchSize) {
        const e = Math.min(b + o.batchSize, end);
        yield {
          columns: names,
          length: e - b,
          data: cols.map((col) => col.slice(b - start, e - start)),
          offset: b,
        };
      }
    }
    groupStart = groupEnd;
  }
}

function normalizeParquet(v: unknown): Cell {
  if (v === undefined) return null;
  return v as Cell;
}

// ---------------------------------------------------------------------------------------------------------------------
// Cells to values

/** A cell as a number, or null (empty/null), or NaN when it is not numeric. */
export function cellToNumber(v: Cell): number | null {
  if (v === null) return null;
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    if (v.trim() === "") return null;
    const n = Number(v);
    return n;
  }
  if (v instanceof Date) return v.getTime();
  return Number.NaN;
}

/** A cell as a string key (for categorical values, hashing and allowed-value checks); null stays null. */
export function cellToString(v: Cell): string | null {
  if (v === null) return null;
  if (typeof v === "string") return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}
