import type { FileHandle } from "node:fs/promises";
import { openData } from "./read-source.ts";
import {
  type Batch,
  type Cell,
  DataError,
  type NotNumbers,
  parseNumberText,
  batchRows,
  type Resolved,
  selectColumns,
} from "./batch.ts";
import { Source, tooLong } from "./source.ts";
import { Assembler, OrderedJobs, PARALLEL_MIN_BYTES, readThreads, serveJobs } from "./assemble.ts";

// CSV (RFC 4180), read as bytes in one pass: fields separated by commas, records by LF, CRLF or CR; a field that
// starts with a quote is quoted and may hold commas, doubled quotes ("") and line breaks; a quote inside an unquoted
// field is an ordinary character (as pandas and Python's csv module read it). An empty unquoted field is null, a
// quoted empty one the empty string. Blank lines are skipped. Numeric columns are parsed from the bytes into
// Float64Array without making a string per cell; other wanted columns become strings; the rest are only skipped.
//
// A record that does not fit in the buffer is re-read from its start after the buffer is refilled (and doubled,
// up to MAX_RECORD_BYTES), so a long record costs at most about twice its length: linear, never quadratic.

const COMMA = 44;
const LF = 10;
const CR = 13;
const QUOTE = 34;

/** 10^k for k ≤ 22: exact doubles, so that mantissa × or ÷ 10^k is one correctly rounded operation. */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** One-character strings, made once: a label or flag column of 0/1 makes no string per row. */
const ASCII = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));

/**
 * The texts of short fields (2 to SHORT_TEXT bytes) read before, by their bytes (textAt): a column of categories
 * ("online", "apac") makes one string per distinct value, not one per row (validate on the bundled example: 40,000
 * cells of two such columns, 2-11 bytes). By the first three bytes and the length, then by the other three. At most
 * SHORT_TEXTS_KEPT of them, for the thread's life.
 */
const SHORT_TEXT = 6;
const SHORT_TEXTS_KEPT = 4096;
const shortTexts = new Map<number, Map<number, string>>();
let shortTextsKept = 0;

/** The text of the unquoted field b[s..e) (not empty), the string made before for the same bytes if it is short. */
function textAt(b: Buffer, s: number, e: number): string {
  const len = e - s;
  // the encoding left undefined: toString goes straight to the UTF-8 decoder
  if (len > SHORT_TEXT) return b.toString(undefined, s, e);
  // the bytes themselves, three in each key (the first with the length): equal keys are equal bytes
  const head = (len << 24) | (b[s] << 16) | (len > 1 ? b[s + 1] << 8 : 0) | (len > 2 ? b[s + 2] : 0);
  const tail = len > 3 ? (b[s + 3] << 16) | (len > 4 ? b[s + 4] << 8 : 0) | (len > 5 ? b[s + 5] : 0) : 0;
  let byTail = shortTexts.get(head);
  const kept = byTail?.get(tail);
  if (kept !== undefined) return kept;
  const text = b.toString(undefined, s, e);
  if (shortTextsKept < SHORT_TEXTS_KEPT) {
    if (byTail === undefined) {
      byTail = new Map();
      shortTexts.set(head, byTail);
    }
    byTail.set(tail, text);
    shortTextsKept++;
  }
  return text;
}

const NEED_MORE = 0;
const FULL = 1;
const DONE = 2;

/** Column roles, per header column: 0 skipped, or one of these. */
const NUMBER = 1;
const TEXT = 2;
/** An integer column (ReadOptions.integers): canonical integers as numbers, any other cell as its text. */
const INTEGER = 3;

/** The parser's state between calls of parseRows: the buffer, where it is, and the batch being filled. */
interface State {
  file: string;
  /** The field separator's byte (a comma unless the Dataset manifest says spec.csv.delimiter). */
  sep: number;
  buf: Buffer;
  end: number;
  eof: boolean;
  pos: number;
  /** Parse no record that starts at or after this index of buf (a block's end; Infinity for the whole file). */
  stop: number;
  line: number;
  width: number;
  role: Uint8Array;
  slot: Int32Array;
  batchSize: number;
  /** Data rows before this batch. */
  offset: number;
  n: number;
  nums: (Float64Array | undefined)[];
  cells: Cell[][];
  bad: (NotNumbers | undefined)[];
  lines: Int32Array;
  /** Also write the numbers into this row-major tensor (CsvTensor), and whether one was not finite. */
  into?: CsvTensor;
}

/** The separators a CSV file may use (spec.csv.delimiter), by byte: their names in messages, as YAML. */
const SEPARATORS: ReadonlyMap<number, { name: string; yaml: string }> = new Map([
  [44, { name: "commas", yaml: '","' }],
  [59, { name: "semicolons", yaml: '";"' }],
  [9, { name: "tabs", yaml: '"\\t"' }],
  [124, { name: "vertical bars", yaml: '"|"' }],
]);

/** The separator byte the options ask for: a comma unless spec.csv.delimiter says otherwise. */
function separatorOf(o: Resolved): number {
  return (o.delimiter ?? ",").charCodeAt(0);
}

/**
 * A header line (from `pos` to its line break) that holds none of the expected separator but another one: the file
 * is separated by that one, which is said at once with the fix, rather than as a missing column per name.
 */
function checkSeparator(b: Buffer, pos: number, end: number, sep: number, file: string, line: number): void {
  const counts = new Map<number, number>();
  let quoted = false;
  let i = pos;
  for (; i < end && (quoted || (b[i] !== LF && b[i] !== CR)); i++) {
    const c = b[i];
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && SEPARATORS.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  if (counts.has(sep)) return;
  let best = -1;
  for (const [c, n] of counts) if (best < 0 || n > (counts.get(best) ?? 0)) best = c;
  if (best < 0) return;
  const found = SEPARATORS.get(best)!;
  const expected = SEPARATORS.get(sep) ?? { name: JSON.stringify(String.fromCharCode(sep)), yaml: "" };
  const header = b.toString("utf8", pos, Math.min(i, pos + 80)) + (i > pos + 80 ? "…" : "");
  const fix =
    best === 44
      ? "Remove spec.csv.delimiter from the Dataset manifest (commas are the default)"
      : `Set spec.csv.delimiter: ${found.yaml} in the Dataset manifest`;
  throw new DataError(
    file,
    { line },
    `the header ${JSON.stringify(header)} has ${counts.get(best)} ${found.name} and no ${expected.name}: the file is separated by ${found.name}, and it is read as separated by ${expected.name}. ${fix}, or save the file with ${expected.name}`,
  );
}

/** The header: the first non-blank record, as trimmed names; the line it is on; where the data starts. */
export async function readHeader(
  src: Source,
  file: string,
  sep = COMMA,
): Promise<{ names: string[]; line: number; pos: number; nextLine: number }> {
  await src.refill(0);
  let line = 1;
  let pos = 0;
  for (;;) {
    const b = src.buf;
    // blank lines before the header
    while (pos < src.end && (b[pos] === LF || b[pos] === CR)) {
      if (b[pos] === CR && pos + 1 < src.end && b[pos + 1] === LF) pos++;
      pos++;
      line++;
    }
    if (pos < src.end) checkSeparator(b, pos, src.end, sep, file, line);
    const rec = pos < src.end ? scanRecord(b, pos, src.end, src.eof, file, line, sep) : undefined;
    if (rec) {
      const names = rec.fields.map((f) => f.trim());
      names[0] = names[0].replace(/^\uFEFF/, "");
      return { names, line, pos: rec.next, nextLine: line + 1 + rec.extra };
    }
    if (src.eof) throw new DataError(file, {}, "is empty; a CSV file needs a header row with the column names");
    if (!(await src.refill(pos))) throw tooLong(file, line);
    pos = 0;
  }
}

/** The column names of a CSV file (its header), reading no further. */
export async function readCsvHeader(path: string, o: Resolved): Promise<string[]> {
  const fh = await openData(path);
  try {
    return (await readHeader(new Source(fh), o.displayName, separatorOf(o))).names;
  } finally {
    await fh.close();
  }
}

/** Which header columns are read, and how: the same in this thread and in the workers. */
export interface Layout {
  file: string;
  /** The field separator's byte. */
  sep: number;
  width: number;
  role: Uint8Array;
  slot: Int32Array;
  names: string[];
  isNum: boolean[];
  /** Some columns are read as numbers (the batches carry `numeric`). */
  numeric: boolean;
}

function newState(
  layout: Layout,
  src: Source,
  pos: number,
  line: number,
  stop: number,
  batchSize: number,
  scratch?: CsvScratch,
): State {
  const st: State = {
    file: layout.file,
    sep: layout.sep,
    buf: src.buf,
    end: src.end,
    eof: src.eof,
    pos,
    stop,
    line,
    width: layout.width,
    role: layout.role,
    slot: layout.slot,
    batchSize,
    offset: 0,
    n: 0,
    nums: [],
    cells: [],
    bad: [],
    lines: new Int32Array(0),
  };
  freshBatch(st, layout, scratch);
  return st;
}

function freshBatch(st: State, layout: Layout, scratch?: CsvScratch): void {
  const bs = st.batchSize;
  st.n = 0;
  if (scratch) {
    // the numeric columns and lines in memory the caller reuses batch after batch (no allocation, no page faults)
    const k = layout.isNum.filter(Boolean).length;
    if (!scratch.nums || scratch.nums.length < bs * k) scratch.nums = new Float64Array(bs * k);
    if (!scratch.lines || scratch.lines.length < bs) scratch.lines = new Int32Array(bs);
    let c = 0;
    const all = scratch.nums;
    st.nums = layout.isNum.map((num) => (num ? all.subarray(c * bs, ++c * bs) : undefined));
    st.lines = scratch.lines.subarray(0, bs);
  } else {
    st.nums = layout.isNum.map((num) => (num ? new Float64Array(bs) : undefined));
    st.lines = new Int32Array(bs);
  }
  st.cells = layout.names.map(() => []);
  st.bad = layout.isNum.map((num) => (num ? { rows: [], texts: [] } : undefined));
}

/** After a refill: the state follows the source's buffer, whose start moved `from` bytes on. */
function follow(st: State, src: Source, from: number): void {
  st.buf = src.buf;
  st.end = src.end;
  st.eof = src.eof;
  st.pos = 0;
  st.stop -= from;
}

function toBatch(st: State, layout: Layout, numeric: boolean): Batch {
  const n = st.n;
  const whole = n === st.batchSize;
  return {
    columns: layout.names,
    length: n,
    data: st.cells,
    offset: st.offset,
    lines: whole ? st.lines : st.lines.subarray(0, n),
    ...(numeric
      ? {
          numeric: st.nums.map((a) => (a && !whole ? a.subarray(0, n) : a)),
          notNumbers: st.bad.map((x) => (x && x.rows.length > 0 ? x : undefined)),
        }
      : {}),
  };
}

/** Which header columns are read, and how, for these options (the wanted columns; which of them as numbers). */
export function csvLayout(header: string[], headerLine: number, o: Resolved): Layout {
  const file = o.displayName;
  const width = header.length;
  const sel = selectColumns(header, o.columns, file, headerLine);
  const names = sel.map((h) => header[h]);
  const numeric = new Set(o.numeric ?? []);
  const integers = new Set((o.integers ?? []).filter((n) => !numeric.has(n)));
  const role = new Uint8Array(width);
  const slot = new Int32Array(width).fill(-1);
  sel.forEach((h, c) => {
    if (slot[h] >= 0) return; // a column asked for twice is filled once
    slot[h] = c;
    role[h] = numeric.has(names[c]) ? NUMBER : integers.has(names[c]) ? INTEGER : TEXT;
  });
  return {
    file,
    sep: separatorOf(o),
    width,
    role,
    slot,
    names,
    isNum: names.map((n) => numeric.has(n) || integers.has(n)),
    numeric: numeric.size > 0 || integers.size > 0,
  };
}

/**
 * Records of a CSV file as bytes, cut by csv-cut.ts: exactly `rows` records (blank lines before them included), the
 * first of them on `firstLine`, data row `offset` (0-based) of the file.
 */
export interface RawCsvBatch {
  bytes: Uint8Array;
  rows: number;
  offset: number;
  firstLine: number;
}

/**
 * The batch readCsv yields for these records — the same columns, numbers, cells, lines and errors (a DataError names
 * the file's line and row) — parsed wherever it runs: the evaluation parses batches in its scoring worker threads.
 */
export function parseCsvBatch(layout: Layout, raw: RawCsvBatch, scratch?: CsvScratch, into?: CsvTensor): Batch {
  const buf = Buffer.from(raw.bytes.buffer, raw.bytes.byteOffset, raw.bytes.byteLength);
  const src = { buf, end: buf.length, eof: true } as Source;
  const bs = Math.max(1, raw.rows);
  const st = newState(layout, src, 0, raw.firstLine, Number.POSITIVE_INFINITY, bs, scratch);
  st.offset = raw.offset;
  st.into = into;
  parseRows(st);
  if (st.n !== raw.rows || st.pos !== buf.length) {
    throw new Error(
      `CSV batch at row ${raw.offset + 1}: cut as ${raw.rows} records of ${buf.length} bytes, parsed as ${st.n} records of ${st.pos} bytes`,
    );
  }
  return toBatch(st, layout, layout.numeric);
}

/**
 * A model's input tensor filled as the numbers are parsed (row-major, `width` values per row): header column h's
 * number goes to position tpos[h] of its row (-1: not an input). `nonFinite` is set when a number column held a
 * value that is not a finite number (empty, NaN, ±Infinity, not a number) in any row.
 */
export interface CsvTensor {
  tpos: Int32Array;
  width: number;
  data: Float32Array | Float64Array;
  nonFinite?: boolean;
}

/** Memory parseCsvBatch may reuse for the numbers and lines of a batch: its batch is valid until the next call. */
export interface CsvScratch {
  nums?: Float64Array;
  lines?: Int32Array;
}

/** What a part reads first for the header (more, in steps, when the header is longer). */
const PART_HEADER_BYTES = 4 * 1024;

/** CSV blocks for the worker threads: the records that start in about this many bytes. */
const BLOCK_BYTES = 8 * 1024 * 1024;

export async function* readCsv(path: string, o: Resolved): AsyncGenerator<Batch> {
  const fh = await openData(path);
  try {
    const src = new Source(fh);
    // a part reads the header and its own bytes only (a remote file's blocks are fetched as they are read)
    if (o.part) src.limit = PART_HEADER_BYTES;
    const file = o.displayName;
    const sep = separatorOf(o);
    const header = await readHeader(src, file, sep);
    const layout = csvLayout(header.names, header.line, o);
    const names = layout.names;
    const bs = batchRows(o.batchSize, names.length);
    const size = (await fh.stat()).size;
    const threads = o.parallel?.threads ?? readThreads();
    const blockBytes = o.parallel?.blockBytes ?? BLOCK_BYTES;
    const minBytes = o.parallel ? 0 : PARALLEL_MIN_BYTES;
    if (o.part) {
      yield* readCsvPart(fh, layout, src.origin + header.pos, size, bs, layout.numeric, o.part);
      return;
    }
    if (threads > 0 && size - header.pos >= minBytes && size - header.pos > blockBytes) {
      yield* readParallel(path, fh, layout, header.pos, header.nextLine, size, bs, layout.numeric, {
        threads,
        blockBytes,
        workersOnly: o.parallel?.workersOnly ?? false,
      });
      return;
    }
    const st = newState(layout, src, header.pos, header.nextLine, Number.POSITIVE_INFINITY, bs);
    for (;;) {
      const status = parseRows(st);
      if (status === FULL) {
        yield toBatch(st, layout, layout.numeric);
        st.offset += st.n;
        freshBatch(st, layout);
        continue;
      }
      if (status === DONE) break;
      // NEED_MORE: the record at st.pos is not complete in the buffer
      const from = st.pos;
      if (!(await src.refill(from))) throw tooLong(file, st.line);
      follow(st, src, from);
    }
    if (st.n > 0) yield toBatch(st, layout, layout.numeric);
  } finally {
    await fh.close();
  }
}

/**
 * One part of the data (a shard's): the records that start in bytes [a, b) of it, found as a worker finds a block's
 * (after the first line break at or after a, unless a is the data's start), read through the one that crosses b.
 * Lines in messages count from the part's first line, which the message says.
 */
async function* readCsvPart(
  fh: FileHandle,
  layout: Layout,
  dataStart: number,
  size: number,
  bs: number,
  numeric: boolean,
  part: NonNullable<Resolved["part"]>,
): AsyncGenerator<Batch> {
  const span = size - dataStart;
  const a = dataStart + Math.floor((span * (part.index - 1)) / part.count);
  const b = part.index === part.count ? size : dataStart + Math.floor((span * part.index) / part.count);
  const src = new Source(fh, a === dataStart ? a : a - 1);
  // read to b, then on only as far as the record that crosses it
  src.limit = b;
  await src.refill(0);
  let pos = 0;
  if (a !== dataStart) {
    for (;;) {
      let i = pos;
      const buf = src.buf;
      while (i < src.end && buf[i] !== LF && buf[i] !== CR) i++;
      if (i < src.end && (buf[i] === LF || i + 1 < src.end || src.eof)) {
        pos = buf[i] === CR && i + 1 < src.end && buf[i + 1] === LF ? i + 2 : i + 1;
        break;
      }
      if (src.eof) {
        pos = src.end;
        break;
      }
      if (!(await src.refill(i))) throw tooLong(layout.file, 1);
      pos = 0;
    }
  }
  const start = src.origin + pos;
  const st = newState(layout, src, pos, 1, b - src.origin, bs);
  try {
    if (start < b) {
      for (;;) {
        const status = parseRows(st);
        if (status === FULL) {
          yield toBatch(st, layout, numeric);
          st.offset += st.n;
          freshBatch(st, layout);
          continue;
        }
        if (status === DONE) break;
        const from = st.pos;
        if (!(await src.refill(from))) throw tooLong(layout.file, st.line);
        follow(st, src, from);
      }
      if (st.n > 0) yield toBatch(st, layout, numeric);
    }
  } catch (err) {
    if (!(err instanceof DataError) || a === dataStart) throw err;
    throw new DataError(
      err.file,
      { line: err.line },
      `${err.detail} (part ${part.index}/${part.count}, from byte ${start}: the line and row count from there)`,
    );
  }
  part.onPart?.({ start, end: start < b ? src.origin + st.pos : start });
}

// ---------------------------------------------------------------------------------------------------------------------
// Blocks: a file is cut into blocks of about BLOCK_BYTES; a block is the records that start inside it. A worker finds
// a block's first record after the first line break (a guess: the break may sit inside a quoted field), parses up to
// the first record that starts past the block's end, and reports where it started and ended. This thread takes the
// blocks in order: a block that did not start where the previous one ended is parsed again from there (in this
// thread), so the rows are those of one sequential pass, and the first error in the file is the one reported.

interface BlockJob {
  start: number;
  stop: number;
  /** `start` is known to be a record start (else: the first line start at or after it). */
  exact: boolean;
}

interface BlockResult {
  start: number;
  end: number;
  rows: number;
  /** Line breaks from start to end. */
  lineCount: number;
  /** The line of each row, 1 being the block's first line. */
  lines: Int32Array;
  nums: (Float64Array | undefined)[];
  cells: Cell[][];
  bad: (NotNumbers | undefined)[];
  /** A DataError met in the block, with its line and row counted from the block's start (1-based). */
  error?: { detail: string; line?: number; row?: number };
}

async function parseBlock(fh: FileHandle, layout: Layout, job: BlockJob): Promise<BlockResult> {
  const from0 = job.exact ? job.start : job.start - 1;
  const src = new Source(fh, from0);
  await src.refill(0);
  let pos = 0;
  if (!job.exact) {
    // the first line start at or after job.start: just after the first line break at or after job.start - 1
    for (;;) {
      let i = pos;
      const b = src.buf;
      while (i < src.end && b[i] !== LF && b[i] !== CR) i++;
      if (i < src.end && (b[i] === LF || i + 1 < src.end || src.eof)) {
        pos = b[i] === CR && i + 1 < src.end && b[i + 1] === LF ? i + 2 : i + 1;
        break;
      }
      if (src.eof) {
        pos = src.end;
        break;
      }
      if (!(await src.refill(i))) return emptyBlock(src.origin + i, layout); // no line start here: the previous block holds it all
      pos = 0;
    }
  }
  const start = src.origin + pos;
  if (start >= job.stop) return emptyBlock(start, layout);
  const parts: State[] = [];
  const st = newState(layout, src, pos, 1, job.stop - src.origin, 65536);
  let error: BlockResult["error"];
  try {
    for (;;) {
      const status = parseRows(st);
      if (status === FULL) {
        parts.push({ ...st });
        const offset = st.offset + st.n;
        freshBatch(st, layout);
        st.offset = offset;
        continue;
      }
      if (status === DONE) break;
      const from = st.pos;
      if (!(await src.refill(from))) throw tooLong(layout.file, st.line);
      follow(st, src, from);
    }
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
    error = { detail: err.detail, line: err.line, row: err.row };
  }
  parts.push(st);
  const rows = parts.reduce((a, p) => a + p.n, 0);
  const base = {
    start,
    end: src.origin + st.pos,
    rows,
    lineCount: st.line - 1,
    ...(error ? { error } : {}),
  };
  if (parts.length === 1) {
    // the usual block: its one batch as it is (the arrays are sent to the main thread without a copy)
    return {
      ...base,
      lines: st.lines.subarray(0, rows),
      nums: st.nums.map((a) => a?.subarray(0, rows)),
      cells: st.cells,
      bad: st.bad,
    };
  }
  const out: BlockResult = {
    ...base,
    lines: new Int32Array(rows),
    nums: layout.isNum.map((num) => (num ? new Float64Array(rows) : undefined)),
    cells: layout.names.map(() => []),
    bad: layout.isNum.map((num) => (num ? { rows: [], texts: [] } : undefined)),
  };
  let at = 0;
  for (const p of parts) {
    out.lines.set(p.lines.subarray(0, p.n), at);
    for (let c = 0; c < layout.names.length; c++) {
      const nums = out.nums[c];
      if (nums) {
        nums.set(p.nums[c]!.subarray(0, p.n), at);
        const pb = p.bad[c]!;
        for (let k = 0; k < pb.rows.length; k++) {
          out.bad[c]!.rows.push(at + pb.rows[k]);
          out.bad[c]!.texts.push(pb.texts[k]);
        }
      } else for (let r = 0; r < p.n; r++) out.cells[c].push(p.cells[c][r]);
    }
    at += p.n;
  }
  return out;
}

function emptyBlock(at: number, layout: Layout): BlockResult {
  return {
    start: at,
    end: at,
    rows: 0,
    lineCount: 0,
    lines: new Int32Array(0),
    nums: layout.isNum.map((num) => (num ? new Float64Array(0) : undefined)),
    cells: layout.names.map(() => []),
    bad: layout.isNum.map((num) => (num ? { rows: [], texts: [] } : undefined)),
  };
}

async function* readParallel(
  path: string,
  fh: FileHandle,
  layout: Layout,
  dataStart: number,
  firstLine: number,
  size: number,
  bs: number,
  numeric: boolean,
  { threads, blockBytes, workersOnly }: { threads: number; blockBytes: number; workersOnly: boolean },
): AsyncGenerator<Batch> {
  const blocks: BlockJob[] = [];
  for (let s = dataStart; s < size; s += blockBytes) {
    blocks.push({ start: s, stop: Math.min(s + blockBytes, size), exact: s === dataStart });
  }
  const jobs = new OrderedJobs<BlockJob, BlockResult>(
    import.meta.url,
    "modelgateCsv",
    { path, layout },
    threads,
    blocks,
    true,
  );
  const queue = new Assembler(layout.names, layout.isNum, numeric);
  // this thread parses blocks itself until a worker is up (a worker's start is not waited for), then hands the rest
  let handedFrom = -1;
  if (workersOnly) {
    handedFrom = 0;
    jobs.start(0);
  }
  let expected = dataStart;
  let lineBase = firstLine;
  let rowBase = 0;
  try {
    for (let k = 0; k < blocks.length; k++) {
      if (handedFrom < 0 && jobs.started && k + 1 < blocks.length) {
        handedFrom = k + 1;
        jobs.start(handedFrom);
      }
      let r =
        handedFrom >= 0 && k >= handedFrom
          ? await jobs.take()
          : await parseBlock(fh, layout, { ...blocks[k], start: expected, exact: true });
      if (r.start !== expected) {
        // the guess was wrong (a line break inside a quoted field) or a long record ran over: parse it here
        r =
          expected >= blocks[k].stop
            ? emptyBlock(expected, layout)
            : await parseBlock(fh, layout, { ...blocks[k], start: expected, exact: true });
      }
      if (r.error) {
        const line = r.error.line !== undefined ? lineBase + r.error.line - 1 : undefined;
        const row = r.error.row !== undefined ? rowBase + r.error.row : undefined;
        throw new DataError(layout.file, { line, row }, r.error.detail);
      }
      // lines from the block's own count to the file's
      for (let i = 0; i < r.rows; i++) r.lines[i] += lineBase - 1;
      queue.add(r);
      lineBase += r.lineCount;
      rowBase += r.rows;
      expected = r.end;
      while (queue.available >= bs) yield queue.take(bs);
    }
    if (queue.available > 0) yield queue.take(queue.available);
    if (jobs.failure && handedFrom < 0) {
      // the rows are all here, read in this thread; the failed thread is said, not hidden
      process.stderr.write(
        `modelgate: a CSV reader thread failed (${String(jobs.failure)}); read in the main thread\n`,
      );
    }
  } finally {
    await jobs.close();
  }
}

// in a worker thread of readParallel
let workerFile: Promise<FileHandle> | undefined;
serveJobs<BlockJob, BlockResult>("modelgateCsv", (data, job) => {
  const { path, layout } = data as { path: string; layout: Layout };
  workerFile ??= openData(path);
  return workerFile.then((fh) => parseBlock(fh, layout, job));
});

function fieldCount(st: State, row: number, fields: number | string, line: number): DataError {
  return new DataError(
    st.file,
    { line, row },
    `${fields} field${fields === 1 ? "" : "s"} where the header has ${st.width}; quote fields that contain ${st.sep === COMMA ? 'commas ("a, b")' : SEPARATORS.get(st.sep)?.name}, and give every row as many fields as the header`,
  );
}

/** Counts the fields of the record at `start` (as far as the buffer holds it), for a message. */
function countFields(b: Buffer, start: number, end: number, sep: number): string {
  let n = 1;
  let inQuotes = false;
  for (let i = start; i < end; i++) {
    const c = b[i];
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes) {
      if (c === sep) n++;
      else if (c === LF || c === CR) return String(n);
    }
  }
  return `at least ${n}`;
}

/** The significant digits of the number text in b[from, to) (digits and at most one point): leading zeros are not. */
function significantDigits(b: Buffer, from: number, to: number): number {
  let sig = 0;
  for (let k = from; k < to; k++) {
    const c = b[k];
    if (c === 46) continue;
    if (sig > 0 || c !== 48) sig++;
  }
  return sig;
}

/** Whether parseRows was called in this thread before, and how many records its first call reads (see there). */
let tasted = false;
const TASTE_ROWS = 16;

/**
 * Parses records from st.pos into the batch until it is full (FULL), the buffer holds no complete record (NEED_MORE;
 * st.pos is the start of the incomplete one), or the file is done (DONE). The one hot loop of the CSV reader.
 *
 * Its first call in a thread stops after TASTE_ROWS records, and goes on in a second call: V8 optimizes the loop while it runs
 * (on-stack replacement), and code that has never run when it does (the lines after the loop) is compiled as a
 * deoptimization; the first batch's return then threw the optimized code away, and the next file's rows ran in the
 * interpreter again until it was compiled a second time.
 */
function parseRows(st: State): number {
  if (!tasted && st.n < st.batchSize) {
    tasted = true;
    const status = parseRowsUpTo(st, Math.min(st.n + TASTE_ROWS, st.batchSize));
    if (status !== FULL || st.n === st.batchSize) return status;
  }
  return parseRowsUpTo(st, st.batchSize);
}

/** parseRows, with the batch full (FULL) at `limit` rows. */
function parseRowsUpTo(st: State, limit: number): number {
  const b = st.buf;
  const end = st.end;
  const eof = st.eof;
  const width = st.width;
  const role = st.role;
  const slot = st.slot;
  const nums = st.nums;
  const cells = st.cells;
  const bad = st.bad;
  const lines = st.lines;
  const bs = limit;
  const into = st.into;
  const tpos = into?.tpos;
  const tdata = into?.data;
  const tw = into?.width ?? 0;
  let nonFinite = false;
  let pos = st.pos;
  let line = st.line;
  let n = st.n;
  let status = NEED_MORE;
  const stop = st.stop;
  const sep = st.sep;
  rows: while (true) {
    if (pos >= stop) {
      status = DONE;
      break;
    }
    if (n === bs) {
      status = FULL;
      break;
    }
    if (pos >= end) {
      status = eof ? DONE : NEED_MORE;
      break;
    }
    const first = b[pos];
    if (first === LF || first === CR) {
      // a blank line is no record
      if (first === CR) {
        if (pos + 1 >= end && !eof) break;
        if (pos + 1 < end && b[pos + 1] === LF) pos++;
      }
      pos++;
      line++;
      continue;
    }
    let i = pos;
    let extra = 0; // line breaks inside quoted fields of this record
    for (let h = 0; h < width; h++) {
      const r = role[h];
      let done = false;
      if (r === NUMBER && i < end && b[i] !== QUOTE) {
        // A decimal number straight from the bytes: at most 15 significant digits and a power of ten within ±22
        // make value = mantissa × or ÷ 10^k one correctly rounded operation, equal to Number(text).
        let j = i;
        let neg = false;
        let ch = b[j];
        if (ch === 45 || ch === 43) {
          neg = ch === 45;
          j++;
        }
        // the digits, then whether they are few enough to be exact: at most 15 significant ones (leading zeros
        // are not), so that mant stays below 2^53 — a longer number is read by the general path below
        const d0 = j;
        let mant = 0;
        while (j < end) {
          const d = b[j] - 48;
          if (d < 0 || d > 9) break;
          mant = mant * 10 + d;
          j++;
        }
        let digits = j - d0;
        let scale = 0;
        if (j < end && b[j] === 46) {
          j++;
          const f0 = j;
          while (j < end) {
            const d = b[j] - 48;
            if (d < 0 || d > 9) break;
            mant = mant * 10 + d;
            j++;
          }
          scale = j - f0;
          digits += scale;
        }
        let ok = digits <= 15 || significantDigits(b, d0, j) <= 15;
        let exp = 0;
        if (ok && digits > 0 && j < end && (b[j] === 101 || b[j] === 69)) {
          j++;
          let eneg = false;
          if (j < end && (b[j] === 45 || b[j] === 43)) {
            eneg = b[j] === 45;
            j++;
          }
          const es = j;
          while (j < end && j - es < 4) {
            const d = b[j] - 48;
            if (d < 0 || d > 9) break;
            exp = exp * 10 + d;
            j++;
          }
          if (j === es) ok = false;
          if (eneg) exp = -exp;
        }
        if (ok && digits > 0) {
          if (j >= end && !eof) break rows; // the number may go on in the next read
          ch = j < end ? b[j] : sep;
          if (ch === sep || ch === LF || ch === CR) {
            const k = exp - scale;
            let v = Number.NaN;
            if (mant === 0) v = 0;
            else if (k === 0) v = mant;
            else if (k < 0 && k >= -22) v = mant / POW10[-k];
            else if (k > 0 && k <= 22) v = mant * POW10[k];
            if (!Number.isNaN(v)) {
              const x = neg ? -v : v;
              nums[slot[h]]![n] = x;
              if (tpos !== undefined && tpos[h] >= 0) tdata![n * tw + tpos[h]] = x;
              i = j;
              done = true;
            }
          }
        }
      }
      if (r === INTEGER && i < end) {
        // an integer's canonical text (String(n) gives it back): at most 15 digits, no leading zero, not "-0"
        let j = i;
        const neg = b[j] === 45;
        if (neg) j++;
        const d0 = j;
        let mant = 0;
        while (j < end) {
          const d = b[j] - 48;
          if (d < 0 || d > 9) break;
          mant = mant * 10 + d;
          j++;
        }
        const digits = j - d0;
        if (digits > 0 && digits <= 15 && (b[d0] !== 48 || (digits === 1 && !neg))) {
          if (j >= end && !eof) break rows; // the number may go on in the next read
          const ch = j < end ? b[j] : sep;
          if (ch === sep || ch === LF || ch === CR) {
            nums[slot[h]]![n] = neg ? -mant : mant;
            i = j;
            done = true;
          }
        }
      }
      if (!done) {
        // Any field: quoted, or up to the next comma or line break.
        let s = i;
        let e = i;
        let quoted = false;
        let doubled = false;
        if (i < end && b[i] === QUOTE) {
          quoted = true;
          let j = i + 1;
          for (;;) {
            const q = b.indexOf(QUOTE, j);
            if (q < 0 || q >= end) {
              if (!eof) break rows;
              throw new DataError(
                st.file,
                { line: line, row: st.offset + n + 1 },
                'a quoted field is not closed before the end of the file; close it with a quote ("), and double quotes inside it ("")',
              );
            }
            if (q + 1 >= end && !eof) break rows; // a doubled quote may go on in the next read
            if (q + 1 < end && b[q + 1] === QUOTE) {
              doubled = true;
              j = q + 2;
              continue;
            }
            s = i + 1;
            e = q;
            break;
          }
          for (let k = s; k < e; k++) if (b[k] === LF) extra++;
          i = e + 1;
          if (i < end) {
            const t = b[i];
            if (t !== sep && t !== LF && t !== CR) {
              throw new DataError(
                st.file,
                { line: line + extra, row: st.offset + n + 1 },
                `a character after the closing quote of field ${h + 1}; a quoted field ends at its closing quote — double quotes inside it ("")`,
              );
            }
          } else if (!eof) break rows;
        } else {
          let j = i;
          while (j < end) {
            const t = b[j];
            if (t === sep || t === LF || t === CR) break;
            j++;
          }
          if (j >= end && !eof) break rows;
          s = i;
          e = j;
          i = j;
        }
        if (r === NUMBER) {
          let x = Number.NaN;
          if (s !== e) {
            let text = b.toString("utf8", s, e);
            if (doubled) text = text.replaceAll('""', '"');
            const v = parseNumberText(text);
            if (v === undefined) {
              const nb = bad[slot[h]]!;
              nb.rows.push(n);
              nb.texts.push(text);
            } else if (v !== null) x = v;
          }
          nums[slot[h]]![n] = x;
          if (!Number.isFinite(x)) nonFinite = true;
          if (tpos !== undefined && tpos[h] >= 0) tdata![n * tw + tpos[h]] = x;
        } else if (r === INTEGER) {
          // not an integer's canonical text: the cell's text, as a text column gives it (an empty unquoted one: null)
          nums[slot[h]]![n] = Number.NaN;
          if (quoted || s !== e) {
            let text = b.toString("utf8", s, e);
            if (doubled) text = text.replaceAll('""', '"');
            const nb = bad[slot[h]]!;
            nb.rows.push(n);
            nb.texts.push(text);
          }
        } else if (r === TEXT) {
          let v: string | null;
          if (quoted) {
            v = b.toString("utf8", s, e);
            if (doubled) v = v.replaceAll('""', '"');
          } else if (s === e) v = null;
          else v = e - s === 1 && b[s] < 128 ? ASCII[b[s]] : textAt(b, s, e);
          cells[slot[h]].push(v);
        }
      }
      // the separator after the field
      if (h < width - 1) {
        if (i < end) {
          if (b[i] === sep) {
            i++;
            continue;
          }
          throw fieldCount(st, st.offset + n + 1, h + 1, line);
        }
        if (!eof) break rows;
        throw fieldCount(st, st.offset + n + 1, h + 1, line);
      }
      if (i < end) {
        const t = b[i];
        if (t === LF) i++;
        else if (t === CR) {
          if (i + 1 >= end && !eof) break rows;
          i += i + 1 < end && b[i + 1] === LF ? 2 : 1;
        } else throw fieldCount(st, st.offset + n + 1, countFields(b, pos, end, sep), line);
      } else if (!eof) break rows;
    }
    lines[n] = line;
    n++;
    line += 1 + extra;
    pos = i;
  }
  if (status === NEED_MORE) {
    // the record at pos is re-read after the refill: forget what it noted
    for (const c of cells) if (c.length > n) c.length = n;
    for (const x of bad) {
      if (!x) continue;
      while (x.rows.length > 0 && x.rows[x.rows.length - 1] === n) {
        x.rows.pop();
        x.texts.pop();
      }
    }
  }
  st.pos = pos;
  st.line = line;
  st.n = n;
  if (into && nonFinite) into.nonFinite = true;
  return status;
}

export interface RawRecord {
  fields: string[];
  next: number;
  /** Line breaks inside its quoted fields. */
  extra: number;
}

/**
 * One record from `pos` as strings (quotes removed), for the header; undefined when it is not complete in the
 * buffer and more may come.
 */
function scanRecord(
  b: Buffer,
  pos: number,
  end: number,
  eof: boolean,
  file: string,
  line: number,
  sep = COMMA,
): RawRecord | undefined {
  const fields: string[] = [];
  let extra = 0;
  let i = pos;
  for (;;) {
    if (i < end && b[i] === QUOTE) {
      let j = i + 1;
      for (;;) {
        const q = b.indexOf(QUOTE, j);
        if (q < 0 || q >= end) {
          if (!eof) return undefined;
          throw new DataError(file, { line }, 'a quoted field of the header is not closed; close it with a quote (")');
        }
        if (q + 1 >= end && !eof) return undefined;
        if (q + 1 < end && b[q + 1] === QUOTE) {
          j = q + 2;
          continue;
        }
        fields.push(b.toString("utf8", i + 1, q).replaceAll('""', '"'));
        for (let k = i + 1; k < q; k++) if (b[k] === LF) extra++;
        i = q + 1;
        break;
      }
      if (i < end && b[i] !== sep && b[i] !== LF && b[i] !== CR) {
        throw new DataError(
          file,
          { line },
          'a character after a closing quote in the header; double quotes inside a quoted field ("")',
        );
      }
    } else {
      const s = i;
      while (i < end && b[i] !== sep && b[i] !== LF && b[i] !== CR) i++;
      if (i >= end && !eof) return undefined;
      fields.push(b.toString("utf8", s, i));
    }
    if (i >= end) return { fields, next: i, extra };
    const c = b[i];
    if (c === sep) {
      i++;
      continue;
    }
    if (c === CR) {
      if (i + 1 >= end && !eof) return undefined;
      if (i + 1 < end && b[i + 1] === LF) i++;
    }
    return { fields, next: i + 1, extra };
  }
}
