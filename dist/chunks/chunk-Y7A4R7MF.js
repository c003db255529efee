import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  DEFAULT_PARSERS,
  asyncBufferFromFile,
  convert,
  decompressPage,
  parquetHeader,
  parquetMetadata,
  parquetReadObjects,
  parquetSchema,
  readDataPage,
  readDataPageV2,
  readPlain,
  readRleBitPackedHybrid
} from "./chunk-ZZZMVQIV.js";
import {
  Assembler,
  OrderedJobs,
  PARALLEL_MIN_BYTES,
  readThreads,
  serveJobs
} from "./chunk-JUPVGUIV.js";
import {
  DataError,
  batchRows,
  putNumber,
  selectColumns
} from "./chunk-6UXFBPQ7.js";
import {
  openData
} from "./chunk-MMEZHR7H.js";
import {
  ModelgateError
} from "./chunk-VPZGVLTG.js";

// src/data/parquet.ts
import { open } from "node:fs/promises";
import zlib from "node:zlib";

// src/data/snappy.ts
function snappyInto(input, output) {
  const n = input.length;
  const size = output.length;
  const iv = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const ov = new DataView(output.buffer, output.byteOffset, output.byteLength);
  let pos = 0;
  let declared = 0;
  for (let shift = 0; ; shift += 7) {
    if (pos >= n || shift > 28) throw new Error("invalid snappy length header");
    const b = input[pos++];
    declared += (b & 127) * 2 ** shift;
    if (b < 128) break;
  }
  if (declared !== size) throw new Error(`snappy: the page says ${declared} bytes, its header ${size}`);
  let o = 0;
  while (pos < n) {
    const c = input[pos++];
    const t = c & 3;
    if (t === 0) {
      let len = (c >>> 2) + 1;
      if (len > 60) {
        const k = len - 60;
        if (pos + k > n) throw new Error("snappy: a literal's length runs past the end of the input");
        len = input[pos];
        if (k > 1) len |= input[pos + 1] << 8;
        if (k > 2) len |= input[pos + 2] << 16;
        if (k > 3) len |= input[pos + 3] << 24;
        len = (len >>> 0) + 1;
        pos += k;
      }
      if (pos + len > n || o + len > size) throw new Error("snappy: a literal runs past the end");
      if (len <= 16 && pos + 16 <= n && o + 16 <= size) {
        ov.setUint32(o, iv.getUint32(pos, true), true);
        ov.setUint32(o + 4, iv.getUint32(pos + 4, true), true);
        ov.setUint32(o + 8, iv.getUint32(pos + 8, true), true);
        ov.setUint32(o + 12, iv.getUint32(pos + 12, true), true);
      } else if (len < 128 && pos + len + 4 <= n && o + len + 4 <= size) {
        for (let i = 0; i < len; i += 4) ov.setUint32(o + i, iv.getUint32(pos + i, true), true);
      } else if (len < 64) {
        for (let i = 0; i < len; i++) output[o + i] = input[pos + i];
      } else output.set(input.subarray(pos, pos + len), o);
      pos += len;
      o += len;
    } else {
      let len;
      let off;
      if (t === 1) {
        if (pos + 1 > n) throw new Error("snappy: a copy runs past the end of the input");
        len = (c >>> 2 & 7) + 4;
        off = input[pos++] | c >>> 5 << 8;
      } else if (t === 2) {
        if (pos + 2 > n) throw new Error("snappy: a copy runs past the end of the input");
        len = (c >>> 2) + 1;
        off = input[pos] | input[pos + 1] << 8;
        pos += 2;
      } else {
        if (pos + 4 > n) throw new Error("snappy: a copy runs past the end of the input");
        len = (c >>> 2) + 1;
        off = (input[pos] | input[pos + 1] << 8 | input[pos + 2] << 16 | input[pos + 3] << 24) >>> 0;
        pos += 4;
      }
      if (off === 0 || off > o) throw new Error(`snappy: a copy from ${off} bytes back at byte ${o}`);
      if (o + len > size) throw new Error("snappy: a copy runs past the end of the output");
      const s = o - off;
      if (off >= 4 && len <= 8 && o + 8 <= size) {
        ov.setUint32(o, ov.getUint32(s, true), true);
        ov.setUint32(o + 4, ov.getUint32(s + 4, true), true);
      } else if (off >= len && len >= 64) output.copyWithin(o, s, s + len);
      else for (let i = 0; i < len; i++) output[o + i] = output[s + i];
      o += len;
    }
  }
  if (o !== size) throw new Error("snappy: premature end of input");
}

// src/data/parquet.ts
var WINDOW = 1 << 20;
var compressors = {
  SNAPPY: (input, size) => {
    const out = new Uint8Array(size);
    snappyInto(input, out);
    return out;
  },
  GZIP: (input) => zlib.gunzipSync(input),
  BROTLI: (input) => zlib.brotliDecompressSync(input),
  ...typeof zlib.zstdDecompressSync === "function" ? {
    ZSTD: (input) => zlib.zstdDecompressSync(input)
  } : {}
};
async function readFooter(fh, file) {
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
    if (err instanceof ModelgateError) throw err;
    throw new DataError(
      file,
      {},
      `is not a readable Parquet file (${err.message}); write it again with pandas.to_parquet, pyarrow or DuckDB`
    );
  }
}
function footerOf(bytes) {
  const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
  const metadata = parquetMetadata(ab);
  const tree = parquetSchema(metadata);
  return { bytes, metadata, names: tree.children.map((c) => c.element.name), tree };
}
async function readParquetColumns(path, o) {
  const fh = await openData(path);
  try {
    return (await readFooter(fh, o.displayName)).names;
  } finally {
    await fh.close();
  }
}
var PIECE_ROWS = 65536;
function isFlat(node) {
  return node.children.length === 0 && node.element.repetition_type !== "REPEATED";
}
async function* readParquet(path, o) {
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
    const big = o.parallel !== void 0 || (await fh.stat()).size >= PARALLEL_MIN_BYTES;
    if (o.part) {
      yield* readParquetPart(fh, file, footer, nodes, names, isNum, bs, o.part);
      return;
    }
    if (threads > 0 && big && nodes.every(isFlat) && total > PIECE_ROWS) {
      const pieces = [];
      footer.metadata.row_groups.forEach((rg, group) => {
        const n = Number(rg.num_rows);
        for (let from = 0; from < n; from += PIECE_ROWS)
          pieces.push({ group, from, to: Math.min(from + PIECE_ROWS, n) });
      });
      const jobs = new OrderedJobs(
        import.meta.url,
        "modelgateParquet",
        { path, file, columns: names, numeric: [...numeric] },
        threads,
        pieces
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
    let nested;
    const cursors = nodes.map((node, c) => {
      if (isFlat(node)) return new FlatColumn(fh, file, footer, node, isNum[c]);
      nested ??= asyncBufferFromFile(path);
      return new NestedColumn(nested, file, footer.metadata, node.element.name);
    });
    for (let offset = 0; offset < total; offset += bs) {
      const n = Math.min(bs, total - offset);
      const data = names.map(() => []);
      const nums = names.map((_, c) => isNum[c] ? new Float64Array(n) : void 0);
      const bad = names.map((_, c) => isNum[c] ? { rows: [], texts: [] } : void 0);
      for (let c = 0; c < names.length; c++) {
        if (!isNum[c]) data[c] = new Array(n);
        await cursors[c].take(n, nums[c], isNum[c] ? void 0 : data[c], 0, bad[c]);
      }
      yield {
        columns: names,
        length: n,
        data,
        offset,
        ...numeric.size > 0 ? { numeric: nums, notNumbers: bad.map((x) => x && x.rows.length > 0 ? x : void 0) } : {}
      };
    }
  } finally {
    await fh.close();
  }
}
async function* readParquetPart(fh, file, footer, nodes, names, isNum, bs, part) {
  if (!nodes.every(isFlat))
    throw new DataError(
      file,
      {},
      "has nested columns (lists or structs), which a shard cannot read by row groups; evaluate it without --shard"
    );
  const groups = footer.metadata.row_groups;
  const ga = Math.floor(groups.length * (part.index - 1) / part.count);
  const gb = Math.floor(groups.length * part.index / part.count);
  let offset = 0;
  for (let g = 0; g < ga; g++) offset += Number(groups[g].num_rows);
  const numeric = isNum.some(Boolean);
  for (let g = ga; g < gb; g++) {
    const rows = Number(groups[g].num_rows);
    const cursors = nodes.map((node, c) => new FlatColumn(fh, file, footer, node, isNum[c], { group: g, skip: 0 }));
    for (let done = 0; done < rows; done += bs) {
      const n = Math.min(bs, rows - done);
      const data = names.map(() => []);
      const nums = names.map((_, c) => isNum[c] ? new Float64Array(n) : void 0);
      const bad = names.map((_, c) => isNum[c] ? { rows: [], texts: [] } : void 0);
      for (let c = 0; c < names.length; c++) {
        if (!isNum[c]) data[c] = new Array(n);
        await cursors[c].take(n, nums[c], isNum[c] ? void 0 : data[c], 0, bad[c]);
      }
      yield {
        columns: names,
        length: n,
        data,
        offset: offset + done,
        ...numeric ? { numeric: nums, notNumbers: bad.map((x) => x && x.rows.length > 0 ? x : void 0) } : {}
      };
    }
    offset += rows;
  }
}
var workerState;
serveJobs("modelgateParquet", async (data, job) => {
  const { path, file, columns, numeric } = data;
  workerState ??= open(path, "r").then(async (fh2) => ({ fh: fh2, footer: await readFooter(fh2, file) }));
  const { fh, footer } = await workerState;
  const n = job.to - job.from;
  const block = { rows: n, nums: [], cells: [], bad: [] };
  for (const name of columns) {
    const node = footer.tree.children[footer.names.indexOf(name)];
    const num = numeric.includes(name);
    const cursor = new FlatColumn(fh, file, footer, node, num, { group: job.group, skip: job.from });
    const nums = num ? new Float64Array(n) : void 0;
    const cells = num ? [] : new Array(n);
    const bad = num ? { rows: [], texts: [] } : void 0;
    await cursor.take(n, nums, num ? void 0 : cells, 0, bad);
    block.nums.push(nums);
    block.cells.push(cells);
    block.bad.push(bad && bad.rows.length > 0 ? bad : void 0);
  }
  return block;
});
var UNIT_BATCHES = 16;
async function parquetLayout(path, o) {
  if (o.part) return void 0;
  const fh = await openData(path);
  try {
    const footer = await readFooter(fh, o.displayName);
    const sel = selectColumns(footer.names, o.columns, o.displayName);
    const names = sel.map((i) => footer.names[i]);
    const bs = batchRows(o.batchSize, names.length);
    const groups = footer.metadata.row_groups;
    if (!sel.every((i) => isFlat(footer.tree.children[i]))) return void 0;
    if (groups.some((g, k) => k < groups.length - 1 && Number(g.num_rows) % bs !== 0)) return void 0;
    const numeric = new Set(o.numeric ?? []);
    return {
      file: o.displayName,
      footer: footer.bytes,
      names,
      numeric: names.filter((n) => numeric.has(n)),
      batchRows: bs
    };
  } finally {
    await fh.close();
  }
}
async function* readParquetUnits(path, layout, alloc = (size) => new Uint8Array(new SharedArrayBuffer(size))) {
  const fh = await openData(path);
  try {
    const footer = footerOf(layout.footer);
    const groups = footer.metadata.row_groups;
    let offset = 0;
    let hashedTo = 0;
    for (let g = 0; g < groups.length; g++) {
      const rows = Number(groups[g].num_rows);
      const ranges = layout.names.map((name) => {
        const c = groups[g].columns.find(
          (x) => x.meta_data?.path_in_schema.length === 1 && x.meta_data.path_in_schema[0] === name
        );
        if (!c?.meta_data)
          throw new DataError(layout.file, {}, `column "${name}" has no data in a row group; write the file again`);
        const m = c.meta_data;
        const dict = m.dictionary_page_offset;
        const start = Number(
          dict !== void 0 && dict > 0n && dict < m.data_page_offset ? dict : m.data_page_offset
        );
        return { start, end: start + Number(m.total_compressed_size) };
      }).sort((a, b) => a.start - b.start);
      const merged = [];
      for (const r of ranges) {
        const last = merged[merged.length - 1];
        if (last && r.start <= last.end + 64) last.end = Math.max(last.end, r.end);
        else merged.push({ ...r, start: r.start - hashedTo <= 64 && r.start >= hashedTo ? hashedTo : r.start });
      }
      const spans = [];
      for (const r of merged) {
        const bytes = alloc(r.end - r.start).subarray(0, r.end - r.start);
        const { bytesRead } = await fh.read(bytes, 0, bytes.length, r.start);
        if (bytesRead < bytes.length)
          throw new DataError(
            layout.file,
            { row: offset + 1 },
            `row group ${g + 1}: the file ends inside a column chunk; it is truncated`
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
          spans
        };
      offset += rows;
    }
  } finally {
    await fh.close();
  }
}
var unitState = /* @__PURE__ */ new WeakMap();
async function* parquetUnitBatches(layout, unit) {
  let state = unitState.get(layout);
  if (!state) {
    const numeric2 = new Set(layout.numeric);
    const isNum2 = layout.names.map((n) => numeric2.has(n));
    state = {
      footer: footerOf(layout.footer),
      isNum: isNum2,
      pages: layout.names.map(() => ({})),
      scratch: isNum2.map((num) => num ? new Float64Array(layout.batchRows) : void 0)
    };
    unitState.set(layout, state);
  }
  const { footer: f, isNum, pages, scratch } = state;
  const numeric = new Set(layout.numeric);
  const noFile = void 0;
  const cursors = layout.names.map(
    (name, c) => new FlatColumn(
      noFile,
      layout.file,
      f,
      f.tree.children[f.names.indexOf(name)],
      isNum[c],
      { group: unit.group, skip: unit.from },
      unit.spans,
      pages[c]
    )
  );
  const bs = layout.batchRows;
  for (let done = unit.from; done < unit.to; done += bs) {
    const n = Math.min(bs, unit.to - done);
    const data = layout.names.map(() => []);
    const nums = scratch.map((a) => a && a.length !== n ? a.subarray(0, n) : a);
    const bad = layout.names.map((_, c) => isNum[c] ? { rows: [], texts: [] } : void 0);
    for (let c = 0; c < layout.names.length; c++) {
      if (!isNum[c]) data[c] = new Array(n);
      const view = isNum[c] ? await cursors[c].view(n) : void 0;
      if (view) nums[c] = view;
      else await cursors[c].take(n, nums[c], isNum[c] ? void 0 : data[c], 0, bad[c]);
    }
    yield {
      columns: layout.names,
      length: n,
      data,
      offset: unit.offset + (done - unit.from),
      ...numeric.size > 0 ? { numeric: nums, notNumbers: bad.map((x) => x && x.rows.length > 0 ? x : void 0) } : {}
    };
  }
}
var FlatColumn = class {
  constructor(fh, file, footer, node, numeric, range, spans, memory) {
    this.fh = fh;
    this.file = file;
    this.numeric = numeric;
    this.spans = spans;
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
        (x) => x.meta_data?.path_in_schema.length === 1 && x.meta_data.path_in_schema[0] === name
      );
      if (!c?.meta_data)
        throw new DataError(file, {}, `column "${name}" has no data in a row group; write the file again`);
      return c.meta_data;
    });
    this.maxDef = node.element.repetition_type === "REQUIRED" ? 0 : 1;
    this.decoder = {
      pathInSchema: [name],
      type: node.element.type,
      element: node.element,
      schemaPath: [footer.tree, node],
      codec: "UNCOMPRESSED",
      parsers: DEFAULT_PARSERS,
      compressors,
      utf8: true
    };
  }
  fh;
  file;
  numeric;
  spans;
  chunks;
  chunk = -1;
  decoder;
  maxDef;
  /** Where the next page header is, and where this chunk ends (file offsets). */
  next = 0;
  chunkEnd = 0;
  /** Bytes of the file from windowStart. */
  window = new Uint8Array(0);
  windowStart = 0;
  dictNums;
  /** Memory for this column's decompressed data pages (kept across units by a worker: `memory`). */
  pageMemory;
  dictBad;
  dictCells;
  /** The current page: its values (numbers or cells), the ones that are not numbers, and the next row to hand out. */
  pageNums;
  pageCells;
  pageBad = { rows: [], texts: [] };
  badAt = 0;
  pageRow = 0;
  pageLen = 0;
  /** Rows of the file before the current page, for messages. */
  rowBase = 0;
  rowsRead = 0;
  /** Rows still to pass over before the first one handed out. */
  skip = 0;
  firstChunk;
  lastChunk;
  async take(k, nums, cells, at, bad) {
    while (k > 0) {
      if (this.pageRow >= this.pageLen) {
        await this.nextPage();
        continue;
      }
      const m = Math.min(k, this.pageLen - this.pageRow);
      const from = this.pageRow;
      if (nums) {
        nums.set(this.pageNums.subarray(from, from + m), at);
        const pb = this.pageBad;
        while (this.badAt < pb.rows.length && pb.rows[this.badAt] < from) this.badAt++;
        while (this.badAt < pb.rows.length && pb.rows[this.badAt] < from + m) {
          bad.rows.push(at + pb.rows[this.badAt] - from);
          bad.texts.push(pb.texts[this.badAt]);
          this.badAt++;
        }
      } else {
        const pc = this.pageCells;
        for (let r = 0; r < m; r++) cells[at + r] = pc[from + r];
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
  async view(k) {
    while (this.pageRow >= this.pageLen) await this.nextPage();
    if (!this.numeric || this.pageRow + k > this.pageLen || this.pageBad.rows.length > 0) return void 0;
    const v = this.pageNums.subarray(this.pageRow, this.pageRow + k);
    this.pageRow += k;
    return v;
  }
  fail(message) {
    return new DataError(
      this.file,
      { row: this.rowBase + 1 },
      `column "${this.decoder.element.name}" (row group ${this.chunk + 1}): ${message}`
    );
  }
  /** File bytes [offset, offset + length), reading a new window when they are not in the current one. */
  async bytes(offset, length) {
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
  async nextPage() {
    while (this.next >= this.chunkEnd) {
      this.chunk++;
      if (this.chunk > this.lastChunk) throw this.fail("the file has fewer values than its row count says");
      const meta = this.chunks[this.chunk - this.firstChunk];
      const dict = meta.dictionary_page_offset;
      const start = Number(
        dict !== void 0 && dict > 0n && dict < meta.data_page_offset ? dict : meta.data_page_offset
      );
      this.next = start;
      this.chunkEnd = start + Number(meta.total_compressed_size);
      this.decoder.codec = meta.codec;
      this.dictNums = void 0;
      this.dictBad = void 0;
      this.dictCells = void 0;
    }
    let header;
    let headerLen = 0;
    for (let want = 256; header === void 0; want *= 4) {
      const len = Math.min(want, this.chunkEnd - this.next);
      const b = await this.bytes(this.next, len);
      const reader = { view: new DataView(b.buffer, b.byteOffset, b.byteLength), offset: 0 };
      try {
        header = parquetHeader(reader);
        headerLen = reader.offset;
      } catch (err) {
        if (!(err instanceof RangeError) || len >= this.chunkEnd - this.next) {
          throw this.fail(`a page header cannot be read (${err.message}); the file is damaged`);
        }
      }
    }
    const rows = header.type === "DATA_PAGE" ? header.data_page_header.num_values : header.type === "DATA_PAGE_V2" ? header.data_page_header_v2.num_rows : -1;
    if (rows >= 0 && rows <= this.skip) {
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
      const msg = err.message;
      if (/compression codec/.test(msg)) {
        throw this.fail(
          `${msg}; modelgate reads uncompressed, snappy, gzip, brotli${compressors.ZSTD ? " and zstd" : ""} Parquet files \u2014 write it with compression="snappy"`
        );
      }
      throw this.fail(
        `a page cannot be decoded (${msg}); the file is damaged or uses an encoding modelgate cannot read`
      );
    }
  }
  /**
   * A data page's bytes decompressed. A number column's snappy pages go into memory of its own, reused page after
   * page: the values a page gives are copied out (`take`) before the next page is decoded.
   */
  dataPage(body, size) {
    if (this.decoder.codec !== "SNAPPY" || !this.numeric)
      return decompressPage(body, size, this.decoder.codec, compressors);
    const mem = this.pageMemory;
    if (!mem.bytes || mem.bytes.length < size) mem.bytes = new Uint8Array(size);
    const out = mem.bytes.subarray(0, size);
    snappyInto(body, out);
    return out;
  }
  decodePage(header, body) {
    const d = this.decoder;
    const type = d.type;
    if (header.type === "DICTIONARY_PAGE") {
      const page = decompressPage(body, header.uncompressed_page_size, d.codec, compressors);
      const reader = { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 };
      const values2 = readPlain(reader, type, header.dictionary_page_header.num_values, d.element.type_length);
      if (this.numeric) {
        const bad = { rows: [], texts: [] };
        this.dictNums = this.toNumbers(values2, bad);
        this.dictBad = new Map(bad.rows.map((r, i) => [r, bad.texts[i]]));
      } else this.dictCells = Array.from(convert(values2, d));
      return;
    }
    let rows;
    let defs;
    let values;
    let indexes;
    let encoding;
    if (header.type === "DATA_PAGE") {
      const daph = header.data_page_header;
      rows = daph.num_values;
      encoding = daph.encoding;
      const page = this.dataPage(body, header.uncompressed_page_size);
      const reader = { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 };
      if (this.maxDef > 0) {
        defs = new Uint8Array(rows);
        readRleBitPackedHybrid(reader, 1, defs);
      }
      const present = defs ? count(defs) : rows;
      if (present === rows) defs = void 0;
      if (encoding === "PLAIN") values = readPlain(reader, type, present, d.element.type_length);
      else if (encoding === "PLAIN_DICTIONARY" || encoding === "RLE_DICTIONARY") {
        indexes = dictionaryIndexes(reader, present, page.byteLength);
      } else values = readDataPage(page, daph, d).dataPage;
    } else if (header.type === "DATA_PAGE_V2") {
      const h2 = header.data_page_header_v2;
      rows = h2.num_rows;
      encoding = h2.encoding;
      const repLen = h2.repetition_levels_byte_length;
      const defLen = h2.definition_levels_byte_length;
      if (this.maxDef > 0 && h2.num_nulls > 0) {
        defs = new Uint8Array(rows);
        const reader2 = { view: new DataView(body.buffer, body.byteOffset + repLen, defLen), offset: 0 };
        readRleBitPackedHybrid(reader2, 1, defs, defLen);
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
    } else return;
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
      const vals = this.toNumbers(values, this.pageBad);
      this.pageNums = vals.length === rows ? vals : vals.subarray(0, rows);
    } else if (this.numeric) {
      const out = new Float64Array(rows);
      if (indexes) {
        const dict = this.dictNums;
        const dictBad = this.dictBad;
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
            this.pageBad.texts.push(dictBad.get(ix));
          }
        }
      } else {
        const vals = this.toNumbers(values, this.pageBad);
        const present = defs;
        {
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
      const src = indexes ? this.dictCells : convert(values, d);
      const out = new Array(rows);
      let v = 0;
      for (let r = 0; r < rows; r++) {
        if (defs && defs[r] !== max) out[r] = null;
        else {
          const x = src[indexes ? indexes[v++] : v++];
          out[r] = x === void 0 ? null : x;
        }
      }
      this.pageCells = out;
    }
  }
  /** Primitive values as numbers: typed arrays directly; logical types, strings and the rest through cells. */
  toNumbers(values, bad) {
    const el = this.decoder.element;
    if (values instanceof Float64Array && !el.logical_type && !el.converted_type) return values;
    if (!el.logical_type && !el.converted_type) {
      if (values instanceof Float32Array || values instanceof Int32Array || values instanceof Uint8Array) {
        return Float64Array.from(values);
      }
      if (values instanceof BigInt64Array) {
        const out2 = new Float64Array(values.length);
        for (let i = 0; i < values.length; i++) out2[i] = Number(values[i]);
        return out2;
      }
    }
    const cells = convert(values, this.decoder);
    const out = new Float64Array(cells.length);
    for (let i = 0; i < cells.length; i++) putNumber(cells[i], out, i, bad);
    return out;
  }
};
function count(defs) {
  let n = 0;
  for (let i = 0; i < defs.length; i++) n += defs[i];
  return n;
}
function dictionaryIndexes(reader, present, byteLength) {
  const out = new Int32Array(present);
  if (present === 0) return out;
  const bitWidth = reader.view.getUint8(reader.offset++);
  if (bitWidth > 0) readRleBitPackedHybrid(reader, bitWidth, out, byteLength - reader.offset);
  return out;
}
var NestedColumn = class {
  constructor(file, display, metadata, name) {
    this.file = file;
    this.display = display;
    this.metadata = metadata;
    this.name = name;
  }
  file;
  display;
  metadata;
  name;
  group = -1;
  groupStart = 0;
  rows = [];
  at = 0;
  async take(k, nums, cells, at, bad) {
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
            rowEnd: end
          });
          this.rows = objs.map((o) => o[this.name] ?? null);
        } catch (err) {
          throw new DataError(
            this.display,
            { row: this.groupStart + 1 },
            `column "${this.name}" cannot be read (${err.message})`
          );
        }
        this.at = 0;
        continue;
      }
      const m = Math.min(k, this.rows.length - this.at);
      for (let r = 0; r < m; r++) {
        const v = this.rows[this.at + r];
        if (nums) putNumber(v, nums, at + r, bad);
        else cells[at + r] = v;
      }
      this.at += m;
      at += m;
      k -= m;
    }
  }
};

export {
  readParquetColumns,
  readParquet,
  parquetLayout,
  readParquetUnits,
  parquetUnitBatches
};
