import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  PARALLEL_MIN_BYTES,
  readThreads
} from "./chunk-OOQO5JDE.js";
import {
  sha256File
} from "./chunk-EW3JDDCC.js";
import {
  dropTap,
  tapDigest
} from "./chunk-FEFSD2JC.js";
import {
  UserError
} from "./chunk-VPZGVLTG.js";

// src/data/read.ts
import { statSync } from "node:fs";
import { extname } from "node:path";
function formatOf(path, declared) {
  if (declared) return declared;
  const ext = extname(path).toLowerCase();
  if (ext === ".csv") return "csv";
  if (ext === ".jsonl" || ext === ".ndjson") return "jsonl";
  if (ext === ".parquet" || ext === ".pq") return "parquet";
  throw new UserError(
    `cannot tell the format of ${path} from its extension; use .csv, .jsonl or .parquet, or declare spec.format`
  );
}
var DigestMismatch = class extends UserError {
  constructor(file, actual, expected) {
    super(
      `sha256 of ${file} is ${actual}, not the ${expected} the manifest records; if the new data is intended, run \`modelgate lock\``
    );
    this.file = file;
    this.actual = actual;
    this.expected = expected;
    this.name = "DigestMismatch";
  }
  file;
  actual;
  expected;
};
async function* readBatches(path, opts = {}) {
  const format = formatOf(path, opts.format);
  const { verify, ...rest } = opts;
  const o = { ...rest, batchSize: opts.batchSize ?? 8192, displayName: opts.displayName ?? path };
  if (!verify) {
    yield* formatReader(path, format, o);
    return;
  }
  yield* verifiedRead(path, o.displayName, verify, () => formatReader(path, format, o), inOrder(path, format, o));
}
async function* verifiedRead(path, displayName, verify, read, inOrder2 = true) {
  const finish = verify.arrival ? void 0 : startDigest(path, inOrder2);
  let arrivalError;
  verify.arrival?.catch((err) => {
    arrivalError = err;
  });
  let done = false;
  try {
    yield* read();
    done = true;
  } catch (err) {
    if (verify.arrival && !arrivalError) await verify.arrival.catch(() => void 0);
    if (arrivalError) throw arrivalError;
    throw err;
  } finally {
    if (!done) dropTap(path);
  }
  const sha256 = verify.arrival ? await verify.arrival : await finish();
  verify.onDigest?.(sha256);
  if (verify.sha256 && sha256 !== verify.sha256) throw new DigestMismatch(displayName, sha256, verify.sha256);
}
function formatReader(path, format, o) {
  if (o.part && format === "jsonl") throw new Error("a JSONL file is not read in parts");
  return (async function* () {
    if (format === "csv") yield* (await import("./csv-27V4S6K7.js")).readCsv(path, o);
    else if (format === "jsonl") yield* (await import("./jsonl-W4LY6SGN.js")).readJsonl(path, o);
    else yield* (await import("./parquet-4URN4HY4.js")).readParquet(path, o);
  })();
}
function inOrder(path, format, o) {
  const threads = o.parallel?.threads ?? readThreads();
  const parallel = threads > 0 && (o.parallel !== void 0 || statSync(path).size >= PARALLEL_MIN_BYTES);
  return !(format === "parquet" || parallel || o.part);
}
function startDigest(path, inOrder2) {
  if (!inOrder2) {
    const p = sha256File(path);
    p.catch(() => void 0);
    return () => p;
  }
  const tap = tapDigest(path);
  return () => tap.finish();
}
async function readColumns(path, opts = {}) {
  const format = formatOf(path, opts.format);
  const o = {
    ...opts,
    batchSize: 1,
    displayName: opts.displayName ?? path,
    columns: void 0,
    numeric: void 0
  };
  if (format === "csv") return (await import("./csv-27V4S6K7.js")).readCsvHeader(path, o);
  if (format === "parquet") return (await import("./parquet-4URN4HY4.js")).readParquetColumns(path, o);
  for await (const b of readBatches(path, o)) return b.columns;
  return [];
}

export {
  formatOf,
  readBatches,
  verifiedRead,
  readColumns
};
