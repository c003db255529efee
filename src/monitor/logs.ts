import { open, readdir, stat } from "node:fs/promises";
import { extname, join, relative, resolve } from "node:path";
import { UserError } from "../errors.ts";
import {
  type Batch,
  type Cell,
  cellToNumber,
  cellToString,
  DataError,
  readBatches,
  readColumns,
  rowPlace,
  type Verify,
} from "../data/read.ts";
import {
  type CloudEvent,
  EVENT_KEYS,
  EventJoiner,
  type LoggedRow,
  type PayloadSpec,
  PayloadProblem,
  parseTimestamp,
} from "./events.ts";

/**
 * Reading what production logged, through the one data reader (src/data/read.ts): tables (CSV, JSONL, Parquet) with a
 * `timestamp` column, and KServe's CloudEvents as JSON lines (joined by ./events.ts). Both come out as the same
 * column-wise batches of rows. A file that cannot be read as either is a usage error naming the file and line.
 */

export type LogKind = "table" | "cloudevents";

const DATA_EXTENSIONS = new Set([".csv", ".jsonl", ".ndjson", ".parquet", ".pq", ".json"]);

/** The files behind --logs / --labels: files as given, folders searched (sorted) for data files. */
export async function expandPaths(cwd: string, paths: string[], flag: string, allowEmpty = false): Promise<string[]> {
  const out: string[] = [];
  const walk = async (abs: string): Promise<void> => {
    const entries = (await readdir(abs, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      if (e.name.startsWith(".")) continue;
      const p = join(abs, e.name);
      if (e.isDirectory()) await walk(p);
      else if (DATA_EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(p);
    }
  };
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let s: Awaited<ReturnType<typeof stat>>;
    try {
      s = await stat(abs);
    } catch {
      throw new UserError(`${flag} ${p}: no such file or folder`);
    }
    if (s.isDirectory()) {
      const before = out.length;
      await walk(abs);
      if (out.length === before && !allowEmpty)
        throw new UserError(`${flag} ${p}: the folder holds no .csv, .jsonl, .ndjson, .json or .parquet file`);
    } else out.push(abs);
  }
  return [...new Set(out)];
}

/** A file's place in messages: relative to the folder the command runs in. */
export const shown = (cwd: string, abs: string) => relative(cwd, abs) || abs;

/** CloudEvents or a table: a JSON-lines file whose first object has `specversion` or a KServe event type. */
export async function logKind(file: string): Promise<LogKind> {
  const ext = extname(file).toLowerCase();
  if (ext !== ".jsonl" && ext !== ".ndjson" && ext !== ".json") return "table";
  const fh = await open(file, "r");
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const line = buf
      .subarray(0, bytesRead)
      .toString("utf8")
      .split("\n")
      .find((l) => l.trim() !== "");
    if (!line) return "table";
    let first: unknown;
    try {
      first = JSON.parse(line);
    } catch {
      // a first line longer than 64 KiB, or not JSON: let the reader say what is wrong
      return /"specversion"\s*:/.test(line) ? "cloudevents" : "table";
    }
    const o = first as Record<string, unknown>;
    return o && typeof o === "object" && ("specversion" in o || String(o.type ?? "").startsWith("org.kubeflow.serving"))
      ? "cloudevents"
      : "table";
  } finally {
    await fh.close();
  }
}

/** Logged rows, by column: what the window needs of them. */
export interface LogBatch {
  length: number;
  /** ms since the epoch (NaN: none). */
  time: Float64Array;
  /** The row's place (file:line), for messages. */
  where: (r: number) => string;
  /** The row's id (the Dataset's id column, or the event's id); null when the table has none. Made on demand. */
  id: (r: number) => string | null;
  /** Columns read as numbers (NaN: null or not a number). */
  numeric: Map<string, Float64Array>;
  /** Other columns, as cells. */
  cells: Map<string, Cell[]>;
  /** The model's logged output per row (undefined: not logged); a table's single `prediction` is in `predicted`. */
  prediction?: (number[] | undefined)[];
  /** A table's logged prediction column (NaN: none). */
  predicted?: Float64Array;
  latencyMs?: Float64Array;
  /** 1: an error response, 0: a response, -1: none logged. */
  error?: Int8Array;
}

export interface TableColumns {
  /** Wanted columns read as numbers, and the others; absent ones are left out. */
  numeric: string[];
  other: string[];
  idColumn?: string;
}

/** The names of the optional columns of a logged table. */
export const TIMESTAMP = "timestamp";
export const PREDICTION = "prediction";
export const LATENCY = "latency_ms";
export const ERROR = "error";

/** The columns a logged table is read with: `timestamp` (required), the wanted ones it has, and the optional ones. */
export interface TableRead {
  /** Every column read, `timestamp` first. */
  columns: string[];
  numeric: string[];
  other: string[];
  /** Wanted columns the file lacks. */
  missing: string[];
  /**
   * The columns the reader parses as numbers: `numeric`, and in a CSV file `timestamp` too (epoch seconds are read as
   * numbers, with no string per cell; an RFC 3339 cell comes back as text, ./logs.ts fromTable).
   */
  readNumeric: string[];
}

/** How a logged table is read (its header says which columns it has); a table without `timestamp` is refused. */
export async function tableRead(file: string, display: string, want: TableColumns): Promise<TableRead> {
  const header = await readColumns(file, { displayName: display });
  const has = new Set(header);
  if (!has.has(TIMESTAMP)) {
    throw new UserError(
      `${display}: a logged table needs a "${TIMESTAMP}" column (RFC 3339 or epoch seconds); it has ${header.slice(0, 20).join(", ")}`,
    );
  }
  const numeric = [
    ...new Set([...want.numeric, ...(has.has(PREDICTION) ? [PREDICTION] : []), ...(has.has(LATENCY) ? [LATENCY] : [])]),
  ].filter((c) => has.has(c));
  const other = [
    ...new Set([...want.other, ...(want.idColumn ? [want.idColumn] : []), ...(has.has(ERROR) ? [ERROR] : [])]),
  ].filter((c) => has.has(c) && !numeric.includes(c));
  const missing = [...want.numeric, ...want.other].filter((c) => !has.has(c));
  const csv = extname(file).toLowerCase() === ".csv";
  return {
    columns: [TIMESTAMP, ...numeric, ...other],
    numeric,
    other,
    missing,
    readNumeric: csv ? [TIMESTAMP, ...numeric] : numeric,
  };
}

/**
 * A table's batches: `timestamp` required, the wanted columns the file has, `prediction`, `latency_ms`, `error`.
 * With `verify`, the file is hashed as it is read (`verify.onDigest`, after the last batch).
 */
export async function* tableBatches(
  file: string,
  display: string,
  want: TableColumns,
  verify?: Verify,
  batchSize?: number,
): AsyncGenerator<{ batch: LogBatch; missing: string[] }> {
  const { columns, numeric, other, missing, readNumeric } = await tableRead(file, display, want);
  const o = {
    columns,
    numeric: readNumeric,
    displayName: display,
    ...(verify ? { verify } : {}),
    ...(batchSize ? { batchSize } : {}),
  };
  try {
    for await (const b of readBatches(file, o)) {
      yield { batch: fromTable(b, display, numeric, other, want.idColumn), missing };
    }
  } catch (err) {
    throw asUsage(err);
  }
}

/** A table's batch as logged rows: times parsed (a row without one is refused, naming its line), columns split. */
export function fromTable(b: Batch, display: string, numeric: string[], other: string[], idColumn?: string): LogBatch {
  const col = (name: string) => b.columns.indexOf(name);
  const n = b.length;
  const time = new Float64Array(n);
  const at = col(TIMESTAMP);
  const where = (r: number) => {
    const p = rowPlace(b, r);
    return `${display}:${p.line ?? `row ${p.row}`}`;
  };
  // read as numbers (a CSV file, TableRead.readNumeric): epoch seconds as parsed, the other cells as their text
  const secs = b.numeric?.[at];
  const texts = secs ? b.notNumbers?.[at] : undefined;
  const cell = (r: number): Cell => {
    if (!secs) return b.data[at][r];
    const k = texts ? texts.rows.indexOf(r) : -1;
    return k >= 0 ? texts!.texts[k] : Number.isNaN(secs[r]) ? null : secs[r];
  };
  if (secs) {
    // epoch seconds as the text's rule reads them (digits, a point: never below 0)
    // parseTimestamp of a number, inline: a finite one's milliseconds (+Infinity is no time)
    for (let r = 0; r < n; r++) {
      const t = secs[r];
      time[r] = t >= 0 && t !== Number.POSITIVE_INFINITY ? t * 1000 : Number.NaN;
    }
    if (texts) for (let k = 0; k < texts.rows.length; k++) time[texts.rows[k]] = parseTimestamp(texts.texts[k]);
  } else for (let r = 0; r < n; r++) time[r] = parseTimestamp(b.data[at][r]);
  for (let r = 0; r < n; r++) {
    if (!Number.isFinite(time[r])) {
      throw new UserError(
        `${where(r)}: timestamp ${JSON.stringify(cellToString(cell(r)))} is not a time; write RFC 3339 with a zone (2024-05-01T10:00:00Z) or epoch seconds`,
      );
    }
  }
  const nums = new Map<string, Float64Array>();
  for (const c of numeric)
    if (c !== PREDICTION && c !== LATENCY) nums.set(c, b.numeric?.[col(c)] ?? new Float64Array(n).fill(Number.NaN));
  const cells = new Map<string, Cell[]>();
  for (const c of other) if (c !== ERROR) cells.set(c, b.data[col(c)]);
  const pred = numeric.includes(PREDICTION) ? b.numeric?.[col(PREDICTION)] : undefined;
  const lat = numeric.includes(LATENCY) ? b.numeric?.[col(LATENCY)] : undefined;
  const err = other.includes(ERROR) ? b.data[col(ERROR)] : undefined;
  const ids = idColumn && cells.has(idColumn) ? cells.get(idColumn)! : undefined;
  return {
    length: n,
    time,
    where,
    id: (r) => (ids ? idKey(ids[r]) : null),
    numeric: nums,
    cells,
    ...(pred ? { predicted: pred } : {}),
    ...(lat ? { latencyMs: lat } : {}),
    ...(err
      ? {
          error: Int8Array.from(err, (c) => {
            if (c === null || c === "" || c === false || c === 0 || c === "0" || c === "false") return 0;
            return 1;
          }),
        }
      : {}),
  };
}

/** An id as a key: numbers in one spelling (5000000, "5000000" and 5000000.0 are one id). */
export function idKey(c: Cell | undefined): string | null {
  if (c === null || c === undefined) return null;
  if (typeof c === "number" || typeof c === "bigint") return String(c);
  const s = cellToString(c);
  if (s === null) return null;
  const t = s.trim();
  return /^[-+]?\d+(\.0*)?$/.test(t) ? String(BigInt(t.replace(/\.0*$/, ""))) : t;
}

/** Batches of rows from a CloudEvents file: requests joined with their responses (across the file). */
export async function* eventBatches(
  file: string,
  display: string,
  spec: PayloadSpec,
  numeric: Set<string>,
  batchSize = 4096,
  /** Hashes the file as it is read (`verify.onDigest`, after the last batch). */
  verify?: Verify,
): AsyncGenerator<{ batch: LogBatch; joiner: EventJoiner }> {
  const joiner = new EventJoiner(spec);
  let rows: LoggedRow[] = [];
  try {
    for await (const b of readBatches(file, {
      format: "jsonl",
      columns: [...EVENT_KEYS],
      anyKeys: true,
      displayName: display,
      ...(verify ? { verify } : {}),
    })) {
      const at = (k: string) => b.data[b.columns.indexOf(k)];
      const id = at("id");
      const type = at("type");
      const time = at("time");
      const dct = at("datacontenttype");
      const data = at("data");
      const b64 = at("data_base64");
      for (let r = 0; r < b.length; r++) {
        const e: CloudEvent = {
          id: id[r],
          type: type[r],
          time: time[r],
          datacontenttype: dct[r],
          data: data[r],
          data_base64: b64[r],
          where: `${display}:${b.lines?.[r] ?? b.offset + r + 1}`,
        };
        rows.push(...joiner.add(e));
      }
      if (rows.length >= batchSize) {
        yield { batch: fromEvents(rows, numeric), joiner };
        rows = [];
      }
    }
    rows.push(...joiner.finish());
  } catch (err) {
    throw asUsage(err);
  }
  if (rows.length) yield { batch: fromEvents(rows, numeric), joiner };
}

function fromEvents(rows: LoggedRow[], numeric: Set<string>): LogBatch {
  const n = rows.length;
  const names = new Set<string>();
  for (const r of rows) for (const k of r.values.keys()) names.add(k);
  const nums = new Map<string, Float64Array>();
  const cells = new Map<string, Cell[]>();
  for (const k of names) {
    if (numeric.has(k)) {
      const a = new Float64Array(n);
      rows.forEach((r, i) => {
        const v = r.values.get(k);
        const x = v === undefined ? null : cellToNumber(v);
        a[i] = x === null ? Number.NaN : x;
      });
      nums.set(k, a);
    } else
      cells.set(
        k,
        rows.map((r) => r.values.get(k) ?? null),
      );
  }
  return {
    length: n,
    time: Float64Array.from(rows, (r) => r.time),
    where: (i) => rows[i].where,
    id: (i) => rows[i].id,
    numeric: nums,
    cells,
    prediction: rows.map((r) => r.prediction),
    latencyMs: Float64Array.from(rows, (r) => r.latencyMs ?? Number.NaN),
    error: Int8Array.from(rows, (r) => (r.error === undefined ? -1 : r.error ? 1 : 0)),
  };
}

/** A problem inside a log file is the user's to fix: exit 2, naming the file and line. */
export function asUsage(err: unknown): unknown {
  if (err instanceof PayloadProblem) return new UserError(`${err.message}; fix the log or leave the file out`);
  if (err instanceof DataError) return new UserError(`${err.message}`);
  return err;
}

/**
 * Labels that arrived after the predictions (chargebacks): a table of id and label (a timestamp column may be there
 * and is not needed), named as the Dataset names its id and label columns, or `id` and `label`. A later file's label
 * for an id replaces an earlier one's.
 */
export async function readLabels(
  file: string,
  display: string,
  names: { id?: string; label: string },
  into: Map<string, string>,
  keyOfLabel: (c: Cell) => string | null,
): Promise<number> {
  const header = await readColumns(file, { displayName: display });
  const pick = (options: (string | undefined)[], what: string) => {
    const found = options.find((o) => o && header.includes(o));
    if (!found)
      throw new UserError(
        `${display}: a labels table needs ${what} column (${options.filter(Boolean).join(" or ")}); it has ${header.slice(0, 20).join(", ")}`,
      );
    return found;
  };
  const idCol = pick([names.id, "id"], "an id");
  const labelCol = pick([names.label, "label"], "a label");
  let rows = 0;
  try {
    for await (const b of readBatches(file, { columns: [idCol, labelCol], displayName: display })) {
      const ids = b.data[0];
      const labels = b.data[1];
      for (let r = 0; r < b.length; r++) {
        const id = idKey(ids[r]);
        const label = keyOfLabel(labels[r]);
        if (id === null) throw new UserError(`${display}:${b.lines?.[r] ?? r + 1}: no id in "${idCol}"`);
        if (label === null) continue;
        into.set(id, label);
        rows++;
      }
    }
  } catch (err) {
    throw asUsage(err);
  }
  return rows;
}
