import { extname } from "node:path";
import { UserError } from "../errors.ts";
import type { Batch, Format, ReadOptions, Resolved } from "./batch.ts";

/**
 * The one way modelgate reads a data file (validate, lock, evaluate and init alike): one streaming reader per
 * format (csv.ts, jsonl.ts, parquet.ts) behind `readBatches`, one set of limits, one error class naming the file and
 * the line (or, for Parquet, the row), and one rule for what counts as a number (`parseNumberText`); the pieces the
 * readers share are in batch.ts.
 */

export {
  type Batch,
  batchRows,
  type Cell,
  cellToNumber,
  cellToString,
  CSV_DELIMITERS,
  type CsvDelimiter,
  DataError,
  type Format,
  MAX_RECORD_BYTES,
  type NotNumbers,
  parseNumberText,
  putNumber,
  type ReadOptions,
  type Resolved,
  rowPlace,
  selectColumns,
} from "./batch.ts";

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
export async function* readBatches(path: string, opts: ReadOptions = {}): AsyncGenerator<Batch> {
  const format = formatOf(path, opts.format);
  const o: Resolved = { ...opts, batchSize: opts.batchSize ?? 8192, displayName: opts.displayName ?? path };
  if (format === "csv") yield* (await import("./csv.ts")).readCsv(path, o);
  else if (format === "jsonl") yield* (await import("./jsonl.ts")).readJsonl(path, o);
  else yield* (await import("./parquet.ts")).readParquet(path, o);
}

/** The header (column names) of a data file, without reading it all. */
export async function readColumns(path: string, opts: ReadOptions = {}): Promise<string[]> {
  const format = formatOf(path, opts.format);
  const o: Resolved = {
    ...opts,
    batchSize: 1,
    displayName: opts.displayName ?? path,
    columns: undefined,
    numeric: undefined,
  };
  if (format === "csv") return (await import("./csv.ts")).readCsvHeader(path, o);
  if (format === "parquet") return (await import("./parquet.ts")).readParquetColumns(path, o);
  for await (const b of readBatches(path, o)) return b.columns;
  return [];
}
