import { type FileHandle, open } from "node:fs/promises";
import { ModelgateError } from "../errors.ts";
import { openData } from "./read-source.ts";
import zlib from "node:zlib";
import {
  asyncBufferFromFile,
  type ColumnMetaData,
  type Compressors,
  type DecodedArray,
  type FileMetaData,
  type PageHeader,
  parquetMetadata,
  parquetReadObjects,
  parquetSchema,
  type SchemaTree,
} from "hyparquet";
import { parquetHeader } from "hyparquet/src/column.js";
import { convert, DEFAULT_PARSERS } from "hyparquet/src/convert.js";
import { decompressPage, readDataPage, readDataPageV2 } from "hyparquet/src/datapage.js";
import { readRleBitPackedHybrid } from "hyparquet/src/encoding.js";
import { readPlain } from "hyparquet/src/plain.js";
import { snappyInto } from "./snappy.ts";
import { PageArena } from "./snappy-wasm.ts";
import { Assembler, type Block, OrderedJobs, PARALLEL_MIN_BYTES, readThreads, serveJobs } from "./assemble.ts";
import {
  type Batch,
  batchRows,
  type Cell,
  DataError,
  type NotNumbers,
  putNumber,
  type Resolved,
  selectColumns,
} from "./batch.ts";

// Parquet: the footer and the Thrift page headers through hyparquet; the pages of flat columns (every column a
// dataset has, in practice) decoded here straight into the batch's Float64Array (numeric columns) or cells, page by
// page, so that memory holds a page per column and a batch — not a row group, and never a boxed number per value.
// hyparquet's own decoders serve the rarer value encodings (DELTA_*, BYTE_STREAM_SPLIT, ALP) and its converters the
// logical types (DECIMAL, DATE, TIMESTAMP, strings); nested columns (lists, structs) are read through hyparquet's
// row assembly one row group at a time.

type ColumnDecoder = Parameters<typeof convert>[1];

const WINDOW = 1 << 20;

const compressors: Compressors = {
  SNAPPY: (input, size) => {
    const out = new Uint8Array(size);
    snappyInto(input, out);
    return out;
  },
  GZIP: (input) => zlib.gunzipSync(input),
  BROTLI: (input) => zlib.brotliDecompressSync(input),
  ...(typeof (zlib as { zstdDecompressSync?: unknown }).zstdDecompressSync === "function"
    ? {
        ZSTD: (input: Uint8Array) =>
          (zlib as unknown as { zstdDecompressSync(b: Uint8Array): Uint8Array }).zstdDecompressSync(input),
      }
    : {}),
};

interface Footer {
  /** Its bytes (the file's last ones), for a worker thread to parse again. */
  bytes: Uint8Array;
  metadata: FileMetaData;
  names: string[];
  tree: SchemaTree;
}

async function readFooter(fh: FileHandle, file: string): Promise<Footer> {
  try {
    const size = (await fh.stat()).size;
    if (size < 12) throw new Error("too short for a Parquet file");
    const tail = Buffer.alloc(8);
    await fh.read(tail, 0, 8, size - 8);
    if (tail.toString("latin1", 4) !== "PAR1") throw new Error("no PAR1 magic number at its end");
    const length = tail.readUInt32LE(0);
    if (length + 8 > size) throw new Error("its footer length is larger than the file");
    const bytes = Buffer.alloc(length + 8);
    await fh.read(bytes, 0, length + 8, size - length - 8);
    return footerOf(bytes);
  } catch (err) {
    if (err instanceof ModelgateError) throw err; // the bytes were refused (a block not the pinned one), not parsed
    throw new DataError(
      file,
      {},
      `is not a readable Parquet file (${(err as Error).message}); write it again with pandas.to_parquet, pyarrow or DuckDB`,
    );
  }
}

/** The last footer this thread parsed: a run reads a file's footer several times (its columns, layout, units). */
let lastFooter: Footer | undefined;

/** The footer parsed from its bytes (the file's last `length + 8`); the same bytes as last time are not parsed again. */
function footerOf(bytes: Uint8Array): Footer {
  const last = lastFooter;
  if (last && last.bytes.length === bytes.length && Buffer.compare(last.bytes, bytes) === 0) return { ...last, bytes };
  lastFooter = parseFooter(bytes);
  return lastFooter;
}

function parseFooter(bytes: Uint8Array): Footer {
  const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
  const metadata = parquetMetadata(ab as ArrayBuffer);
  const tree = parquetSchema(metadata);
  return { bytes, metadata, names: tree.children.map((c) => c.element.name), tree };
}

/**
 * The row count a Parquet file's footer states, read from the file as it is on disk now (not through the readers'
 * opener: a file still arriving has no footer yet, and this throws rather than waits).
 */
export async function parquetRowCount(path: string): Promise<number> {
  const fh = await open(path, "r");
  try {
    return Number((await readFooter(fh, path)).metadata.num_rows);
  } finally {
    await fh.close();
  }
}

/** The column names of a Parquet file, from its footer. */
export async function readParquetColumns(path: string, o: Resolved): Promise<string[]> {
  const fh = await openData(path);
  try {
    return (await readFooter(fh, o.displayName)).names;
  } finally {
    await fh.close();
  }
}

/** A column's rows, handed out in runs: `take` copies the next k rows into a batch column. */
interface Cursor {
  take(
    k: number,
    nums: Float64Array | undefined,
    cells: Cell[] | undefined,
    at: number,
    bad: NotNumbers | undefined,
  ): Promise<void>;
}

/** Rows per piece handed to a worker thread (a piece never spans two row groups). */
const PIECE_ROWS = 65536;

interface PieceJob {
  group: number;
  from: number;
  to: number;
}

function isFlat(node: SchemaTree): boolean {
  return node.children.length === 0 && node.element.repetition_type !== "REPEATED";
}

export async function* readParquet(path: string, o: Resolved): AsyncGenerator<Batch> {
  // through the readers' opener: a shard's part of a remote file is read block by block, each block verified
  const fh = await openData(path);
  try {
    const file = o.displayName;
    const footer = await readFooter(fh, file);
    const sel = selectColumns(footer.names, o.columns, file);
    const names = sel.map((i) => footer.names[i]);
    const numeric = new Set(o.numeric ?? []);
    const isNum = names.map((n) => numeric.has(n));
    const total = Number(footer.metadata.num_rows);
    const bs = batchRows(o.batchSize, names.length);
    const nodes = sel.map((i) => footer.tree.children[i]);
    const threads = o.parallel?.threads ?? readThreads();
    const big = o.parallel !== undefined || (await fh.stat()).size >= PARALLEL_MIN_BYTES;
    if (o.part) {
      yield* readParquetPart(fh, file, footer, nodes, names, isNum, bs, o.part);
      return;
    }
    if (threads > 0 && big && nodes.every(isFlat) && total > PIECE_ROWS) {
      const pieces: PieceJob[] = [];
      footer.metadata.row_groups.forEach((rg, group) => {
        const n = Number(rg.num_rows);
        for (let from = 0; from < n; from += PIECE_ROWS)
          pieces.push({ group, from, to: Math.min(from + PIECE_ROWS, n) });
      });
      const jobs = new OrderedJobs<PieceJob, Block>(
        import.meta.url,
        "modelgateParquet",
        { path, file, columns: names, numeric: [...numeric] },
        threads,
        pieces,
      );
      try {
        const queue = new Assembler(names, isNum, numeric.size > 0);
        for (let k = 0; k < pieces.length; k++) {
          queue.add(await jobs.take());
          while (queue.available >= bs) yield queue.take(bs);
        }
        if (queue.available > 0) yield queue.take(queue.available);
      } finally {
        await jobs.close();
      }
      return;
    }
    let nested: Promise<Awaited<ReturnType<typeof asyncBufferFromFile>>> | undefined;
    const cursors: Cursor[] = nodes.map((node, c) => {
      if (isFlat(node)) return new FlatColumn(fh, file, footer, node, isNum[c]);
      nested ??= asyncBufferFromFile(path);
      return new NestedColumn(nested, file, footer.metadata, node.element.name);
    });
    for (let offset = 0; offset < total; offset += bs) {
      const n = Math.min(bs, total - offset);
      const data: Cell[][] = names.map(() => []);
      const nums = names.map((_, c) => (isNum[c] ? new Float64Array(n) : undefined));
      const bad = names.map((_, c) => (isNum[c] ? ({ rows: [], texts: [] } as NotNumbers) : undefined));
      for (let c = 0; c < names.length; c++) {
        if (!isNum[c]) data[c] = new Array<Cell>(n);
        await cursors[c].take(n, nums[c], isNum[c] ? undefined : data[c], 0, bad[c]);
      }
      yield {
        columns: names,
        length: n,
        data,
        offset,
        ...(numeric.size > 0
          ? { numeric: nums, notNumbers: bad.map((x) => (x && x.rows.length > 0 ? x : undefined)) }
          : {}),
      };
    }
  } finally {
    await fh.close();
  }
}

/** A shard's part: its row groups, in batches that do not cross a group (the rows, and their offsets, are the file's). */
async function* readParquetPart(
  fh: FileHandle,
  file: string,
  footer: Footer,
  nodes: SchemaTree[],
  names: string[],
  isNum: boolean[],
  bs: number,
  part: NonNullable<Resolved["part"]>,
): AsyncGenerator<Batch> {
  if (!nodes.every(isFlat))
    throw new DataError(
      file,
      {},
      "has nested columns (lists or structs), which a shard cannot read by row groups; evaluate it without --shard",
    );
  const groups = footer.metadata.row_groups;
  const ga = Math.floor((groups.length * (part.index - 1)) / part.count);
  const gb = Math.floor((groups.length * part.index) / part.count);
  let offset = 0;
  for (let g = 0; g < ga; g++) offset += Number(groups[g].num_rows);
  const numeric = isNum.some(Boolean);
  for (let g = ga; g < gb; g++) {
    const rows = Number(groups[g].num_rows);
    const cursors = nodes.map((node, c) => new FlatColumn(fh, file, footer, node, isNum[c], { group: g, skip: 0 }));
    for (let done = 0; done < rows; done += bs) {
      const n = Math.min(bs, rows - done);
      const data: Cell[][] = names.map(() => []);
      const nums = names.map((_, c) => (isNum[c] ? new Float64Array(n) : undefined));
      const bad = names.map((_, c) => (isNum[c] ? ({ rows: [], texts: [] } as NotNumbers) : undefined));
      for (let c = 0; c < names.length; c++) {
        if (!isNum[c]) data[c] = new Array<Cell>(n);
        await cursors[c].take(n, nums[c], isNum[c] ? undefined : data[c], 0, bad[c]);
      }
      yield {
        columns: names,
        length: n,
        data,
        offset: offset + done,
        ...(numeric ? { numeric: nums, notNumbers: bad.map((x) => (x && x.rows.length > 0 ? x : undefined)) } : {}),
      };
    }
    offset += rows;
  }
}

// in a worker thread of readParquet: one piece of one row group, every wanted column
let workerState: Promise<{ fh: FileHandle; footer: Footer }> | undefined;
serveJobs<PieceJob, Block>("modelgateParquet", async (data, job) => {
  const { path, file, columns, numeric } = data as { path: string; file: string; columns: string[]; numeric: string[] };
  workerState ??= open(path, "r").then(async (fh) => ({ fh, footer: await readFooter(fh, file) }));
  const { fh, footer } = await workerState;
  const n = job.to - job.from;
  const block: Block = { rows: n, nums: [], cells: [], bad: [] };
  for (const name of columns) {
    const node = footer.tree.children[footer.names.indexOf(name)];
    const num = numeric.includes(name);
    const cursor = new FlatColumn(fh, file, footer, node, num, { group: job.group, skip: job.from });
    const nums = num ? new Float64Array(n) : undefined;
    const cells: Cell[] = num ? [] : new Array<Cell>(n);
    const bad: NotNumbers | undefined = num ? { rows: [], texts: [] } : undefined;
    await cursor.take(n, nums, num ? undefined : cells, 0, bad);
    block.nums.push(nums);
    block.cells.push(cells);
    block.bad.push(bad && bad.rows.length > 0 ? bad : undefined);
  }
  return block;
});

/** File bytes [start, start + bytes.length), already read. */
export interface Span {
  start: number;
  bytes: Uint8Array;
}

/**
 * A Parquet file read by row groups in the evaluation's scoring worker threads: this thread reads each row group's
 * wanted column chunks (in file order, so that they are hashed as they are read) into shared memory and plans the
 * units; a worker decodes a unit's rows straight from those bytes (`parquetUnitBatches`) into the very batches
 * `readParquet` yields. Only for files whose batches never cross a row group (every group but the last holds a
 * multiple of the batch's rows, as DuckDB's, pyarrow's and polars' defaults do) and whose wanted columns are flat.
 */
export interface ParquetLayout {
  file: string;
  /** The footer's bytes, parsed again in each worker. */
  footer: Uint8Array;
  /** The columns read, in order, and which of them are read as numbers. */
  names: string[];
  numeric: string[];
  batchRows: number;
}

/** Rows [from, to) of row group `group` (the file's rows [offset, …)), and the group's wanted chunks. */
export interface ParquetUnit {
  group: number;
  /** The group's last unit: once it is done with, so are its spans' buffers (to be reused). */
  last: boolean;
  from: number;
  to: number;
  offset: number;
  spans: Span[];
}

/** Batches in a unit when a row group is split (a group of up to twice as many is one unit). */
const UNIT_BATCHES = 16;

/** How the workers can read this file by row groups, or undefined when they cannot (the reader in this thread then). */
export async function parquetLayout(path: string, o: Resolved): Promise<ParquetLayout | undefined> {
  if (o.part) return undefined;
  const fh = await openData(path);
  try {
    const footer = await readFooter(fh, o.displayName);
    const sel = selectColumns(footer.names, o.columns, o.displayName);
    const names = sel.map((i) => footer.names[i]);
    const bs = batchRows(o.batchSize, names.length);
    const groups = footer.metadata.row_groups;
    if (!sel.every((i) => isFlat(footer.tree.children[i]))) return undefined;
    if (groups.some((g, k) => k < groups.length - 1 && Number(g.num_rows) % bs !== 0)) return undefined;
    const numeric = new Set(o.numeric ?? []);
    return {
      file: o.displayName,
      footer: footer.bytes,
      names,
      numeric: names.filter((n) => numeric.has(n)),
      batchRows: bs,
    };
  } finally {
    await fh.close();
  }
}

/**
 * The units of a file laid out by `parquetLayout`, in file order: each row group's wanted chunks read (through the
 * readers' opener: hashed as read, or waited for as they arrive) into memory shared by the group's units.
 */
export async function* readParquetUnits(
  path: string,
  layout: ParquetLayout,
  /** Shared memory for a span of `size` bytes (e.g. buffers of units done with, reused). */
  alloc: (size: number) => Uint8Array = (size) => new Uint8Array(new SharedArrayBuffer(size)),
): AsyncGenerator<ParquetUnit> {
  const fh = await openData(path);
  try {
    const footer = footerOf(layout.footer);
    const groups = footer.metadata.row_groups;
    let offset = 0;
    let hashedTo = 0;
    for (let g = 0; g < groups.length; g++) {
      const rows = Number(groups[g].num_rows);
      const ranges = layout.names
        .map((name) => {
          const c = groups[g].columns.find(
            (x) => x.meta_data?.path_in_schema.length === 1 && x.meta_data.path_in_schema[0] === name,
          );
          if (!c?.meta_data)
            throw new DataError(layout.file, {}, `column "${name}" has no data in a row group; write the file again`);
          const m = c.meta_data;
          const dict = m.dictionary_page_offset;
          const start = Number(
            dict !== undefined && dict > 0n && dict < m.data_page_offset ? dict : m.data_page_offset,
          );
          return { start, end: start + Number(m.total_compressed_size) };
        })
        .sort((a, b) => a.start - b.start);
      // chunks that follow each other are read as one (and the file's first bytes with the first, which hashes them)
      const merged: { start: number; end: number }[] = [];
      for (const r of ranges) {
        const last = merged[merged.length - 1];
        if (last && r.start <= last.end + 64) last.end = Math.max(last.end, r.end);
        else merged.push({ ...r, start: r.start - hashedTo <= 64 && r.start >= hashedTo ? hashedTo : r.start });
      }
      const spans: Span[] = [];
      for (const r of merged) {
        const bytes = alloc(r.end - r.start).subarray(0, r.end - r.start);
        const { bytesRead } = await fh.read(bytes, 0, bytes.length, r.start);
        if (bytesRead < bytes.length)
          throw new DataError(
            layout.file,
            { row: offset + 1 },
            `row group ${g + 1}: the file ends inside a column chunk; it is truncated`,
          );
        spans.push({ start: r.start, bytes });
        if (r.start <= hashedTo) hashedTo = Math.max(hashedTo, r.end);
      }
      const unit = UNIT_BATCHES * layout.batchRows;
      const split = rows > 2 * unit ? unit : rows;
      for (let from = 0; from < rows; from += split)
        yield {
          group: g,
          last: from + split >= rows,
          from,
          to: Math.min(rows, from + split),
          offset: offset + from,
          spans,
        };
      offset += rows;
    }
  } finally {
    await fh.close();
  }
}

/**
 * Where a number column's snappy pages are decompressed: memory of its own, reused page after page, or (in a worker)
 * a slot of the worker's arena, decoded into in place.
 */
interface PageMemory {
  bytes?: Uint8Array;
  arena?: PageArena;
  slot?: number;
}

/** A worker's state for a layout: its footer parsed, and memory reused from unit to unit. */
const unitState = new WeakMap<
  ParquetLayout,
  { footer: Footer; isNum: boolean[]; pages: PageMemory[]; scratch: (Float64Array | undefined)[] }
>();

/** Arenas of more than this are not made (row groups of huge pages): their pages go to memory of their own. */
const ARENA_MAX = 64 << 20;

/**
 * A worker's page memory for each column of the layout: for each number column, its slot of one arena (see PageArena)
 * as large as its largest chunk in any row group, with room for the largest compressed chunk; memory of its own, as
 * before, when the arena would be larger than ARENA_MAX or cannot be had (no WebAssembly).
 */
function pageArena(layout: ParquetLayout, footer: Footer, isNum: boolean[]): PageMemory[] {
  const pages: PageMemory[] = layout.names.map(() => ({}));
  const rooms: number[] = [];
  const slotOf: number[] = [];
  let input = 0;
  layout.names.forEach((name, c) => {
    if (!isNum[c]) return;
    let room = 0;
    for (const g of footer.metadata.row_groups) {
      const m = g.columns.find(
        (x) => x.meta_data?.path_in_schema.length === 1 && x.meta_data.path_in_schema[0] === name,
      )?.meta_data;
      if (!m) continue;
      room = Math.max(room, Number(m.total_uncompressed_size));
      input = Math.max(input, Number(m.total_compressed_size));
    }
    slotOf[c] = rooms.length;
    rooms.push(room);
  });
  const total = input + rooms.reduce((a, b) => a + b, 0);
  const arena = rooms.length > 0 && total <= ARENA_MAX ? PageArena.create(input, rooms) : undefined;
  if (arena) for (const c of slotOf.keys()) if (slotOf[c] !== undefined) pages[c] = { arena, slot: slotOf[c] };
  return pages;
}

/**
 * A worker's state for a layout, made at its first unit, or before (the footer parsed, the arena for the pages made)
 * while the reading thread still reads the first row group.
 */
export function parquetUnitState(layout: ParquetLayout) {
  let state = unitState.get(layout);
  if (!state) {
    const numeric = new Set(layout.numeric);
    const isNum = layout.names.map((n) => numeric.has(n));
    const footer = footerOf(layout.footer);
    state = {
      footer,
      isNum,
      pages: pageArena(layout, footer, isNum),
      scratch: isNum.map((num) => (num ? new Float64Array(layout.batchRows) : undefined)),
    };
    unitState.set(layout, state);
  }
  return state;
}

/**
 * In a worker: a unit's rows, in the batches `readParquet` yields for them. Memory is reused: a batch's number columns
 * for the next batch (done with each batch before asking for the next), and a column's page memory for the next unit
 * (one unit of a layout at a time).
 */
export async function* parquetUnitBatches(layout: ParquetLayout, unit: ParquetUnit): AsyncGenerator<Batch> {
  const { footer: f, isNum, pages, scratch } = parquetUnitState(layout);
  const numeric = new Set(layout.numeric);
  const noFile = undefined as unknown as FileHandle; // every byte is in the unit's spans
  const cursors = layout.names.map(
    (name, c) =>
      new FlatColumn(
        noFile,
        layout.file,
        f,
        f.tree.children[f.names.indexOf(name)],
        isNum[c],
        { group: unit.group, skip: unit.from },
        unit.spans,
        pages[c],
      ),
  );
  const bs = layout.batchRows;
  for (let done = unit.from; done < unit.to; done += bs) {
    const n = Math.min(bs, unit.to - done);
    const data: Cell[][] = layout.names.map(() => []);
    const nums = scratch.map((a) => (a && a.length !== n ? a.subarray(0, n) : a));
    const bad = layout.names.map((_, c) => (isNum[c] ? ({ rows: [], texts: [] } as NotNumbers) : undefined));
    for (let c = 0; c < layout.names.length; c++) {
      if (!isNum[c]) data[c] = new Array<Cell>(n);
      // rows within one page: a view of it (valid until the column's next page), else copied
      const view = isNum[c] ? await cursors[c].view(n) : undefined;
      if (view) nums[c] = view;
      else await cursors[c].take(n, nums[c], isNum[c] ? undefined : data[c], 0, bad[c]);
    }
    yield {
      columns: layout.names,
      length: n,
      data,
      offset: unit.offset + (done - unit.from),
      ...(numeric.size > 0
        ? { numeric: nums, notNumbers: bad.map((x) => (x && x.rows.length > 0 ? x : undefined)) }
        : {}),
    };
  }
}

/** A flat column (no repetition): its pages across every row group, decoded one at a time. */
class FlatColumn implements Cursor {
  private readonly chunks: ColumnMetaData[];
  private chunk = -1;
  private readonly decoder: ColumnDecoder;
  private readonly maxDef: number;
  /** Where the next page header is, and where this chunk ends (file offsets). */
  private next = 0;
  private chunkEnd = 0;
  /** Bytes of the file from windowStart. */
  private window: Uint8Array = new Uint8Array(0);
  private windowStart = 0;
  private dictNums?: Float64Array;
  /** Memory for this column's decompressed data pages (kept across units by a worker: `memory`). */
  private readonly pageMemory: PageMemory;
  private dictBad?: Map<number, string>;
  private dictCells?: Cell[];
  /** The current page: its values (numbers or cells), the ones that are not numbers, and the next row to hand out. */
  private pageNums?: Float64Array;
  private pageCells?: Cell[];
  private pageBad: NotNumbers = { rows: [], texts: [] };
  private badAt = 0;
  private pageRow = 0;
  private pageLen = 0;
  /** Rows of the file before the current page, for messages. */
  private rowBase = 0;
  private rowsRead = 0;
  /** Rows still to pass over before the first one handed out. */
  private skip = 0;
  private readonly firstChunk: number;
  private readonly lastChunk: number;

  constructor(
    private readonly fh: FileHandle,
    private readonly file: string,
    footer: Footer,
    node: SchemaTree,
    private readonly numeric: boolean,
    /** Only rows [skip, …) of row group `group` (a worker's share), else every row of the file. */
    range?: { group: number; skip: number },
    /** The file's bytes already read (a row group's chunks handed to a worker thread): read from here, not `fh`. */
    private readonly spans?: readonly Span[],
    memory?: PageMemory,
  ) {
    this.pageMemory = memory ?? {};
    const name = node.element.name;
    const groups = range ? [footer.metadata.row_groups[range.group]] : footer.metadata.row_groups;
    if (range) {
      this.chunk = range.group - 1;
      this.lastChunk = range.group;
      this.skip = range.skip;
      for (let g = 0; g < range.group; g++) this.rowsRead += Number(footer.metadata.row_groups[g].num_rows);
    } else this.lastChunk = groups.length - 1;
    this.firstChunk = this.chunk + 1;
    this.chunks = groups.map((rg) => {
      const c = rg.columns.find(
        (x) => x.meta_data?.path_in_schema.length === 1 && x.meta_data.path_in_schema[0] === name,
      );
      if (!c?.meta_data)
        throw new DataError(file, {}, `column "${name}" has no data in a row group; write the file again`);
      return c.meta_data;
    });
    this.maxDef = node.element.repetition_type === "REQUIRED" ? 0 : 1;
    this.decoder = {
      pathInSchema: [name],
      type: node.element.type!,
      element: node.element,
      schemaPath: [footer.tree, node],
      codec: "UNCOMPRESSED",
      parsers: DEFAULT_PARSERS,
      compressors,
      utf8: true,
    };
  }

  async take(
    k: number,
    nums: Float64Array | undefined,
    cells: Cell[] | undefined,
    at: number,
    bad: NotNumbers | undefined,
  ) {
    while (k > 0) {
      if (this.pageRow >= this.pageLen) {
        await this.nextPage();
        continue;
      }
      const m = Math.min(k, this.pageLen - this.pageRow);
      const from = this.pageRow;
      if (nums) {
        nums.set(this.pageNums!.subarray(from, from + m), at);
        const pb = this.pageBad;
        while (this.badAt < pb.rows.length && pb.rows[this.badAt] < from) this.badAt++;
        while (this.badAt < pb.rows.length && pb.rows[this.badAt] < from + m) {
          bad!.rows.push(at + pb.rows[this.badAt] - from);
          bad!.texts.push(pb.texts[this.badAt]);
          this.badAt++;
        }
      } else {
        const pc = this.pageCells!;
        for (let r = 0; r < m; r++) cells![at + r] = pc[from + r];
      }
      this.pageRow += m;
      at += m;
      k -= m;
    }
  }

  /**
   * The next k rows of a number column as a view of the current page, when they lie in it and each is a number (else
   * undefined, nothing handed out: `take` them). Valid until the column's next page is decoded.
   */
  async view(k: number): Promise<Float64Array | undefined> {
    while (this.pageRow >= this.pageLen) await this.nextPage();
    if (!this.numeric || this.pageRow + k > this.pageLen || this.pageBad.rows.length > 0) return undefined;
    const v = this.pageNums!.subarray(this.pageRow, this.pageRow + k);
    this.pageRow += k;
    return v;
  }

  private fail(message: string): DataError {
    return new DataError(
      this.file,
      { row: this.rowBase + 1 },
      `column "${this.decoder.element.name}" (row group ${this.chunk + 1}): ${message}`,
    );
  }

  /** File bytes [offset, offset + length), reading a new window when they are not in the current one. */
  private async bytes(offset: number, length: number): Promise<Uint8Array> {
    const rel = offset - this.windowStart;
    if (rel >= 0 && rel + length <= this.window.length) return this.window.subarray(rel, rel + length);
    if (this.spans) {
      const s = this.spans.find((x) => x.start <= offset && offset + length <= x.start + x.bytes.length);
      if (!s) throw this.fail("the column chunk ends inside a page; the file is truncated or damaged");
      this.window = s.bytes;
      this.windowStart = s.start;
      return s.bytes.subarray(offset - s.start, offset - s.start + length);
    }
    const size = Math.min(Math.max(length, WINDOW), this.chunkEnd - offset);
    if (size < length) throw this.fail("the column chunk ends inside a page; the file is truncated or damaged");
    const buf = new Uint8Array(size);
    const { bytesRead } = await this.fh.read(buf, 0, size, offset);
    if (bytesRead < size) throw this.fail("the file ends inside a page; it is truncated");
    this.window = buf;
    this.windowStart = offset;
    return buf.subarray(0, length);
  }

  private async nextPage(): Promise<void> {
    while (this.next >= this.chunkEnd) {
      this.chunk++;
      if (this.chunk > this.lastChunk) throw this.fail("the file has fewer values than its row count says");
      const meta = this.chunks[this.chunk - this.firstChunk];
      const dict = meta.dictionary_page_offset;
      const start = Number(
        dict !== undefined && dict > 0n && dict < meta.data_page_offset ? dict : meta.data_page_offset,
      );
      this.next = start;
      this.chunkEnd = start + Number(meta.total_compressed_size);
      this.decoder.codec = meta.codec;
      this.dictNums = undefined;
      this.dictBad = undefined;
      this.dictCells = undefined;
    }
    // the page header: Thrift of unknown length, parsed from the bytes at hand (more of them when it is cut)
    let header: PageHeader | undefined;
    let headerLen = 0;
    for (let want = 256; header === undefined; want *= 4) {
      const len = Math.min(want, this.chunkEnd - this.next);
      const b = await this.bytes(this.next, len);
      const reader = { view: new DataView(b.buffer, b.byteOffset, b.byteLength), offset: 0 };
      try {
        header = parquetHeader(reader);
        headerLen = reader.offset;
      } catch (err) {
        if (!(err instanceof RangeError) || len >= this.chunkEnd - this.next) {
          throw this.fail(`a page header cannot be read (${(err as Error).message}); the file is damaged`);
        }
      }
    }
    const rows =
      header.type === "DATA_PAGE"
        ? header.data_page_header!.num_values
        : header.type === "DATA_PAGE_V2"
          ? header.data_page_header_v2!.num_rows
          : -1;
    if (rows >= 0 && rows <= this.skip) {
      // a page wholly before this reader's first row: passed over without reading its body
      this.next += headerLen + header.compressed_page_size;
      this.skip -= rows;
      this.rowsRead += rows;
      return;
    }
    const body = await this.bytes(this.next + headerLen, header.compressed_page_size);
    this.next += headerLen + header.compressed_page_size;
    try {
      this.decodePage(header, body);
    } catch (err) {
      if (err instanceof DataError) throw err;
      const msg = (err as Error).message;
      if (/compression codec/.test(msg)) {
        throw this.fail(
          `${msg}; modelgate reads uncompressed, snappy, gzip, brotli${compressors.ZSTD ? " and zstd" : ""} Parquet files — write it with compression="snappy"`,
        );
      }
      throw this.fail(
        `a page cannot be decoded (${msg}); the file is damaged or uses an encoding modelgate cannot read`,
      );
    }
  }

  /**
   * A data page's bytes decompressed. A number column's snappy pages go into memory of its own, reused page after
   * page: the values a page gives are copied out (`take`) before the next page is decoded.
   */
  private dataPage(body: Uint8Array, size: number): Uint8Array {
    if (this.decoder.codec !== "SNAPPY" || !this.numeric)
      return decompressPage(body, size, this.decoder.codec, compressors);
    const mem = this.pageMemory;
    const inPlace = mem.arena?.decode(mem.slot!, body, size);
    if (inPlace) return inPlace;
    if (!mem.bytes || mem.bytes.length < size) mem.bytes = new Uint8Array(size);
    const out = mem.bytes.subarray(0, size);
    snappyInto(body, out);
    return out;
  }

  private decodePage(header: PageHeader, body: Uint8Array): void {
    const d = this.decoder;
    const type = d.type;
    if (header.type === "DICTIONARY_PAGE") {
      const page = decompressPage(body, header.uncompressed_page_size, d.codec, compressors);
      const reader = { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 };
      const values = readPlain(reader, type, header.dictionary_page_header!.num_values, d.element.type_length);
      if (this.numeric) {
        const bad: NotNumbers = { rows: [], texts: [] };
        this.dictNums = this.toNumbers(values, bad);
        this.dictBad = new Map(bad.rows.map((r, i) => [r, bad.texts[i]]));
      } else this.dictCells = Array.from(convert(values, d) as ArrayLike<Cell>);
      return;
    }
    let rows: number;
    let defs: Uint8Array | undefined;
    let values: DecodedArray | undefined;
    let indexes: Int32Array | undefined;
    let encoding: string;
    if (header.type === "DATA_PAGE") {
      const daph = header.data_page_header!;
      rows = daph.num_values;
      encoding = daph.encoding;
      const page = this.dataPage(body, header.uncompressed_page_size);
      const reader = { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 };
      if (this.maxDef > 0) {
        defs = new Uint8Array(rows);
        readRleBitPackedHybrid(reader, 1, defs);
      }
      const present = defs ? count(defs) : rows;
      if (present === rows) defs = undefined;
      if (encoding === "PLAIN") values = readPlain(reader, type, present, d.element.type_length);
      else if (encoding === "PLAIN_DICTIONARY" || encoding === "RLE_DICTIONARY") {
        indexes = dictionaryIndexes(reader, present, page.byteLength);
      } else values = readDataPage(page, daph, d).dataPage;
    } else if (header.type === "DATA_PAGE_V2") {
      const h2 = header.data_page_header_v2!;
      rows = h2.num_rows;
      encoding = h2.encoding;
      const repLen = h2.repetition_levels_byte_length;
      const defLen = h2.definition_levels_byte_length;
      if (this.maxDef > 0 && h2.num_nulls > 0) {
        defs = new Uint8Array(rows);
        const reader = { view: new DataView(body.buffer, body.byteOffset + repLen, defLen), offset: 0 };
        readRleBitPackedHybrid(reader, 1, defs, defLen);
      }
      const present = rows - (defs ? h2.num_nulls : 0);
      let page = body.subarray(repLen + defLen);
      const size = header.uncompressed_page_size - repLen - defLen;
      if (h2.is_compressed !== false && size > 0) page = this.dataPage(page, size);
      const reader = { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 };
      if (encoding === "PLAIN") values = readPlain(reader, type, present, d.element.type_length);
      else if (encoding === "PLAIN_DICTIONARY" || encoding === "RLE_DICTIONARY") {
        indexes = dictionaryIndexes(reader, present, page.byteLength);
      } else values = readDataPageV2(body, header, d).dataPage;
    } else return; // an index page: nothing to read
    this.rowBase = this.rowsRead;
    this.rowsRead += rows;
    this.pageRow = this.skip;
    this.skip = 0;
    this.pageLen = rows;
    this.badAt = 0;
    this.pageBad = { rows: [], texts: [] };
    if (indexes && (this.numeric ? !this.dictNums : !this.dictCells))
      throw this.fail("a dictionary-encoded page comes without its dictionary");
    const max = this.maxDef;
    if (this.numeric && !indexes && !defs) {
      // the page's own values (a view of the decompressed page, or a fresh array): handed out as they are
      const vals = this.toNumbers(values!, this.pageBad);
      this.pageNums = vals.length === rows ? vals : vals.subarray(0, rows);
    } else if (this.numeric) {
      const out = new Float64Array(rows);
      if (indexes) {
        const dict = this.dictNums!;
        const dictBad = this.dictBad!;
        let v = 0;
        for (let r = 0; r < rows; r++) {
          if (defs && defs[r] !== max) {
            out[r] = Number.NaN;
            continue;
          }
          const ix = indexes[v++];
          out[r] = dict[ix];
          if (dictBad.size > 0 && dictBad.has(ix)) {
            this.pageBad.rows.push(r);
            this.pageBad.texts.push(dictBad.get(ix)!);
          }
        }
      } else {
        const vals = this.toNumbers(values!, this.pageBad);
        const present = defs!;
        {
          // spread the values over the non-null rows (the not-a-number rows move with them)
          const badByValue = this.pageBad;
          this.pageBad = { rows: [], texts: [] };
          let v = 0;
          let b = 0;
          for (let r = 0; r < rows; r++) {
            if (present[r] !== max) {
              out[r] = Number.NaN;
              continue;
            }
            if (b < badByValue.rows.length && badByValue.rows[b] === v) {
              this.pageBad.rows.push(r);
              this.pageBad.texts.push(badByValue.texts[b++]);
            }
            out[r] = vals[v++];
          }
        }
      }
      this.pageNums = out;
    } else {
      const src = indexes ? this.dictCells! : (convert(values!, d) as ArrayLike<Cell>);
      const out = new Array<Cell>(rows);
      let v = 0;
      for (let r = 0; r < rows; r++) {
        if (defs && defs[r] !== max) out[r] = null;
        else {
          const x = src[indexes ? indexes[v++] : v++];
          out[r] = x === undefined ? null : x;
        }
      }
      this.pageCells = out;
    }
  }

  /** Primitive values as numbers: typed arrays directly; logical types, strings and the rest through cells. */
  private toNumbers(values: DecodedArray, bad: NotNumbers): Float64Array {
    const el = this.decoder.element;
    if (values instanceof Float64Array && !el.logical_type && !el.converted_type) return values;
    if (!el.logical_type && !el.converted_type) {
      if (values instanceof Float32Array || values instanceof Int32Array || values instanceof Uint8Array) {
        return Float64Array.from(values);
      }
      if (values instanceof BigInt64Array) {
        const out = new Float64Array(values.length);
        for (let i = 0; i < values.length; i++) out[i] = Number(values[i]);
        return out;
      }
    }
    const cells = convert(values, this.decoder) as ArrayLike<Cell>;
    const out = new Float64Array(cells.length);
    for (let i = 0; i < cells.length; i++) putNumber(cells[i], out, i, bad);
    return out;
  }
}

function count(defs: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < defs.length; i++) n += defs[i];
  return n;
}

function dictionaryIndexes(
  reader: { view: DataView; offset: number },
  present: number,
  byteLength: number,
): Int32Array {
  const out = new Int32Array(present);
  if (present === 0) return out;
  const bitWidth = reader.view.getUint8(reader.offset++);
  if (bitWidth > 0) readRleBitPackedHybrid(reader, bitWidth, out, byteLength - reader.offset);
  return out;
}

/** A nested column (list, struct, map): hyparquet assembles its rows, one row group at a time. */
class NestedColumn implements Cursor {
  private group = -1;
  private groupStart = 0;
  private rows: Cell[] = [];
  private at = 0;

  constructor(
    private readonly file: Promise<Awaited<ReturnType<typeof asyncBufferFromFile>>>,
    private readonly display: string,
    private readonly metadata: FileMetaData,
    private readonly name: string,
  ) {}

  async take(
    k: number,
    nums: Float64Array | undefined,
    cells: Cell[] | undefined,
    at: number,
    bad: NotNumbers | undefined,
  ) {
    while (k > 0) {
      if (this.at >= this.rows.length) {
        this.group++;
        if (this.group > 0) this.groupStart += Number(this.metadata.row_groups[this.group - 1].num_rows);
        const end = this.groupStart + Number(this.metadata.row_groups[this.group].num_rows);
        try {
          const objs = await parquetReadObjects({
            file: await this.file,
            metadata: this.metadata,
            columns: [this.name],
            rowStart: this.groupStart,
            rowEnd: end,
          });
          this.rows = objs.map((o) => (o[this.name] ?? null) as Cell);
        } catch (err) {
          throw new DataError(
            this.display,
            { row: this.groupStart + 1 },
            `column "${this.name}" cannot be read (${(err as Error).message})`,
          );
        }
        this.at = 0;
        continue;
      }
      const m = Math.min(k, this.rows.length - this.at);
      for (let r = 0; r < m; r++) {
        const v = this.rows[this.at + r];
        if (nums) putNumber(v, nums, at + r, bad!);
        else cells![at + r] = v;
      }
      this.at += m;
      at += m;
      k -= m;
    }
  }
}
