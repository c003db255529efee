import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  UserError
} from "./chunk-VPZGVLTG.js";

// src/data/read.ts
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
async function* readBatches(path, opts = {}) {
  const format = formatOf(path, opts.format);
  const o = { ...opts, batchSize: opts.batchSize ?? 8192, displayName: opts.displayName ?? path };
  if (format === "csv") yield* (await import("./csv-BN5BMTDO.js")).readCsv(path, o);
  else if (format === "jsonl") yield* (await import("./jsonl-6YBQDU2U.js")).readJsonl(path, o);
  else yield* (await import("./parquet-43IZXMNU.js")).readParquet(path, o);
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
  if (format === "csv") return (await import("./csv-BN5BMTDO.js")).readCsvHeader(path, o);
  if (format === "parquet") return (await import("./parquet-43IZXMNU.js")).readParquetColumns(path, o);
  for await (const b of readBatches(path, o)) return b.columns;
  return [];
}

export {
  formatOf,
  readBatches,
  readColumns
};
