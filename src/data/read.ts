import { statSync } from "node:fs";
import { extname } from "node:path";
import { sha256File } from "./hash.ts";
import { UserError } from "../errors.ts";
import { PARALLEL_MIN_BYTES, readThreads } from "./assemble.ts";
import type { Batch, Format, ReadOptions, Resolved } from "./batch.ts";
import { dropTap, tapDigest } from "./read-source.ts";

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

/**
 * What the bytes of a file must be, checked by the reader as it reads them (`readBatches`' `verify`): the file is
 * hashed while it is parsed (read-source.ts), and the digest is known — and checked — only once the last byte was
 * read, after the last batch and before the reader returns. A caller therefore keeps nothing it computed from the
 * batches (records, caches) until the loop over them has ended without an error.
 */
export interface Verify {
  /** The sha256 the bytes must have; another one throws DigestMismatch (naming both) after the last batch. */
  sha256?: string;
  /** Told the sha256 of all the bytes, once they were all read (and before any mismatch is thrown). */
  onDigest?: (sha256: string) => void;
  /**
   * Bytes still arriving (a remote object being downloaded into the cache, storage/fetch.ts): settles with their
   * sha256 once the whole object arrived and matched its pin, or with the download's refusal, which is then the
   * reader's error (a cut connection surfaces in the parser as an early end: the download's own error is reported).
   */
  arrival?: Promise<string>;
  /**
   * Stops the arrival: for the caller that gives up before the reader has read it all (the reader itself waits for
   * the arrival, whose refusal, if any, is the error to tell).
   */
  abort?: () => void;
}

/** The bytes read are not the pinned ones: both digests, for the caller's own refusal. */
export class DigestMismatch extends UserError {
  constructor(
    readonly file: string,
    readonly actual: string,
    readonly expected: string,
  ) {
    super(
      `sha256 of ${file} is ${actual}, not the ${expected} the manifest records; if the new data is intended, run \`modelgate lock\``,
    );
    this.name = "DigestMismatch";
  }
}

/** Streams a data file in batches; with `verify`, hashes the bytes as it reads them and checks them at the end. */
export async function* readBatches(path: string, opts: ReadOptions & { verify?: Verify } = {}): AsyncGenerator<Batch> {
  const format = formatOf(path, opts.format);
  const { verify, ...rest } = opts;
  const o: Resolved = { ...rest, batchSize: opts.batchSize ?? 8192, displayName: opts.displayName ?? path };
  if (!verify) {
    yield* formatReader(path, format, o);
    return;
  }
  yield* verifiedRead(path, o.displayName, verify, () => formatReader(path, format, o), inOrder(path, format, o));
}

/**
 * Runs `read`, a reader of `path` that opens it with `openData` (read-source.ts), and checks its bytes as `verify`
 * asks after its last item: hashed from the reads themselves when `inOrder` (the reader goes through the file front
 * to back in this thread), else by a pass of its own beside the reader. The one place the digest of what a reader
 * read is judged: readBatches, and the evaluation's CSV cutter (csv-cut.ts) whose batches are parsed in workers.
 */
export async function* verifiedRead<T>(
  path: string,
  displayName: string,
  verify: Verify,
  read: () => AsyncIterable<T>,
  inOrder = true,
): AsyncGenerator<T> {
  const finish = verify.arrival ? undefined : startDigest(path, inOrder);
  let arrivalError: unknown;
  verify.arrival?.catch((err) => {
    arrivalError = err;
  });
  let done = false;
  try {
    yield* read();
    done = true;
  } catch (err) {
    // Bytes still arriving: a download that failed ends the parse early, and bytes that are not the pinned ones may
    // not parse — either way the download's refusal is the error to tell, so the arrival is awaited first.
    if (verify.arrival && !arrivalError) await verify.arrival.catch(() => undefined);
    if (arrivalError) throw arrivalError;
    throw err;
  } finally {
    if (!done) dropTap(path); // failed, or the caller stopped early: no digest
  }
  const sha256 = verify.arrival ? await verify.arrival : await finish!();
  verify.onDigest?.(sha256);
  if (verify.sha256 && sha256 !== verify.sha256) throw new DigestMismatch(displayName, sha256, verify.sha256);
}

function formatReader(path: string, format: Format, o: Resolved): AsyncGenerator<Batch> {
  if (o.part && format === "jsonl") throw new Error("a JSONL file is not read in parts");
  return (async function* () {
    if (format === "csv") yield* (await import("./csv.ts")).readCsv(path, o);
    else if (format === "jsonl") yield* (await import("./jsonl.ts")).readJsonl(path, o);
    else yield* (await import("./parquet.ts")).readParquet(path, o);
  })();
}

/**
 * Whether a reader of this file goes through it front to back in this thread (CSV and JSONL without reader threads,
 * the default), so that its reads can be hashed; Parquet reads only the chunks of the wanted columns, reader threads
 * read blocks out of order, and a part (a shard's) is read from the middle.
 */
function inOrder(path: string, format: Format, o: Resolved): boolean {
  const threads = o.parallel?.threads ?? readThreads();
  const parallel = threads > 0 && (o.parallel !== undefined || statSync(path).size >= PARALLEL_MIN_BYTES);
  return !(format === "parquet" || parallel || o.part);
}

/**
 * The digest of a file being read: taken from the reads themselves when the reader goes through it in order, else by
 * a pass of its own beside the parse, which then meets the bytes in the page cache.
 */
function startDigest(path: string, inOrder: boolean): () => Promise<string> {
  if (!inOrder) {
    const p = sha256File(path);
    p.catch(() => undefined);
    return () => p;
  }
  const tap = tapDigest(path);
  // called after the reader has returned: what it did not read in order is hashed then
  return () => tap.finish();
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
