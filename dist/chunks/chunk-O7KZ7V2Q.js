import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  Source,
  tooLong
} from "./chunk-7DC5CDGY.js";
import {
  Assembler,
  OrderedJobs,
  PARALLEL_MIN_BYTES,
  readThreads,
  serveJobs
} from "./chunk-OOQO5JDE.js";
import {
  DataError,
  batchRows,
  parseNumberText,
  selectColumns
} from "./chunk-6UXFBPQ7.js";
import {
  openData
} from "./chunk-FEFSD2JC.js";

// src/data/csv.ts
var COMMA = 44;
var LF = 10;
var CR = 13;
var QUOTE = 34;
var POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
var ASCII = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));
var SHORT_TEXT = 6;
var SHORT_TEXTS_KEPT = 4096;
var shortTexts = /* @__PURE__ */ new Map();
var shortTextsKept = 0;
function textAt(b, s, e) {
  const len = e - s;
  if (len > SHORT_TEXT) return b.toString(void 0, s, e);
  const head = len << 24 | b[s] << 16 | (len > 1 ? b[s + 1] << 8 : 0) | (len > 2 ? b[s + 2] : 0);
  const tail = len > 3 ? b[s + 3] << 16 | (len > 4 ? b[s + 4] << 8 : 0) | (len > 5 ? b[s + 5] : 0) : 0;
  let byTail = shortTexts.get(head);
  const kept = byTail?.get(tail);
  if (kept !== void 0) return kept;
  const text = b.toString(void 0, s, e);
  if (shortTextsKept < SHORT_TEXTS_KEPT) {
    if (byTail === void 0) {
      byTail = /* @__PURE__ */ new Map();
      shortTexts.set(head, byTail);
    }
    byTail.set(tail, text);
    shortTextsKept++;
  }
  return text;
}
var NEED_MORE = 0;
var FULL = 1;
var DONE = 2;
var NUMBER = 1;
var TEXT = 2;
var INTEGER = 3;
var SEPARATORS = /* @__PURE__ */ new Map([
  [44, { name: "commas", yaml: '","' }],
  [59, { name: "semicolons", yaml: '";"' }],
  [9, { name: "tabs", yaml: '"\\t"' }],
  [124, { name: "vertical bars", yaml: '"|"' }]
]);
function separatorOf(o) {
  return (o.delimiter ?? ",").charCodeAt(0);
}
function checkSeparator(b, pos, end, sep, file, line) {
  const counts = /* @__PURE__ */ new Map();
  let quoted = false;
  let i = pos;
  for (; i < end && (quoted || b[i] !== LF && b[i] !== CR); i++) {
    const c = b[i];
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && SEPARATORS.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  if (counts.has(sep)) return;
  let best = -1;
  for (const [c, n] of counts) if (best < 0 || n > (counts.get(best) ?? 0)) best = c;
  if (best < 0) return;
  const found = SEPARATORS.get(best);
  const expected = SEPARATORS.get(sep) ?? { name: JSON.stringify(String.fromCharCode(sep)), yaml: "" };
  const header = b.toString("utf8", pos, Math.min(i, pos + 80)) + (i > pos + 80 ? "\u2026" : "");
  const fix = best === 44 ? "Remove spec.csv.delimiter from the Dataset manifest (commas are the default)" : `Set spec.csv.delimiter: ${found.yaml} in the Dataset manifest`;
  throw new DataError(
    file,
    { line },
    `the header ${JSON.stringify(header)} has ${counts.get(best)} ${found.name} and no ${expected.name}: the file is separated by ${found.name}, and it is read as separated by ${expected.name}. ${fix}, or save the file with ${expected.name}`
  );
}
async function readHeader(src, file, sep = COMMA) {
  await src.refill(0);
  let line = 1;
  let pos = 0;
  for (; ; ) {
    const b = src.buf;
    while (pos < src.end && (b[pos] === LF || b[pos] === CR)) {
      if (b[pos] === CR && pos + 1 < src.end && b[pos + 1] === LF) pos++;
      pos++;
      line++;
    }
    if (pos < src.end) checkSeparator(b, pos, src.end, sep, file, line);
    const rec = pos < src.end ? scanRecord(b, pos, src.end, src.eof, file, line, sep) : void 0;
    if (rec) {
      const names = rec.fields.map((f) => f.trim());
      names[0] = names[0].replace(/^\uFEFF/, "");
      return { names, line, pos: rec.next, nextLine: line + 1 + rec.extra };
    }
    if (src.eof) throw new DataError(file, {}, "is empty; a CSV file needs a header row with the column names");
    if (!await src.refill(pos)) throw tooLong(file, line);
    pos = 0;
  }
}
async function readCsvHeader(path, o) {
  const fh = await openData(path);
  try {
    return (await readHeader(new Source(fh), o.displayName, separatorOf(o))).names;
  } finally {
    await fh.close();
  }
}
function newState(layout, src, pos, line, stop, batchSize, scratch) {
  const st = {
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
    lines: new Int32Array(0)
  };
  freshBatch(st, layout, scratch);
  return st;
}
function freshBatch(st, layout, scratch) {
  const bs = st.batchSize;
  st.n = 0;
  if (scratch) {
    const k = layout.isNum.filter(Boolean).length;
    if (!scratch.nums || scratch.nums.length < bs * k) scratch.nums = new Float64Array(bs * k);
    if (!scratch.lines || scratch.lines.length < bs) scratch.lines = new Int32Array(bs);
    let c = 0;
    const all = scratch.nums;
    st.nums = layout.isNum.map((num) => num ? all.subarray(c * bs, ++c * bs) : void 0);
    st.lines = scratch.lines.subarray(0, bs);
  } else {
    st.nums = layout.isNum.map((num) => num ? new Float64Array(bs) : void 0);
    st.lines = new Int32Array(bs);
  }
  st.cells = layout.names.map(() => []);
  st.bad = layout.isNum.map((num) => num ? { rows: [], texts: [] } : void 0);
}
function follow(st, src, from) {
  st.buf = src.buf;
  st.end = src.end;
  st.eof = src.eof;
  st.pos = 0;
  st.stop -= from;
}
function toBatch(st, layout, numeric) {
  const n = st.n;
  const whole = n === st.batchSize;
  return {
    columns: layout.names,
    length: n,
    data: st.cells,
    offset: st.offset,
    lines: whole ? st.lines : st.lines.subarray(0, n),
    ...numeric ? {
      numeric: st.nums.map((a) => a && !whole ? a.subarray(0, n) : a),
      notNumbers: st.bad.map((x) => x && x.rows.length > 0 ? x : void 0)
    } : {}
  };
}
function csvLayout(header, headerLine, o) {
  const file = o.displayName;
  const width = header.length;
  const sel = selectColumns(header, o.columns, file, headerLine);
  const names = sel.map((h) => header[h]);
  const numeric = new Set(o.numeric ?? []);
  const integers = new Set((o.integers ?? []).filter((n) => !numeric.has(n)));
  const role = new Uint8Array(width);
  const slot = new Int32Array(width).fill(-1);
  sel.forEach((h, c) => {
    if (slot[h] >= 0) return;
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
    numeric: numeric.size > 0 || integers.size > 0
  };
}
function parseCsvBatch(layout, raw, scratch, into) {
  const buf = Buffer.from(raw.bytes.buffer, raw.bytes.byteOffset, raw.bytes.byteLength);
  const src = { buf, end: buf.length, eof: true };
  const bs = Math.max(1, raw.rows);
  const st = newState(layout, src, 0, raw.firstLine, Number.POSITIVE_INFINITY, bs, scratch);
  st.offset = raw.offset;
  st.into = into;
  parseRows(st);
  if (st.n !== raw.rows || st.pos !== buf.length) {
    throw new Error(
      `CSV batch at row ${raw.offset + 1}: cut as ${raw.rows} records of ${buf.length} bytes, parsed as ${st.n} records of ${st.pos} bytes`
    );
  }
  return toBatch(st, layout, layout.numeric);
}
var PART_HEADER_BYTES = 4 * 1024;
var BLOCK_BYTES = 8 * 1024 * 1024;
async function* readCsv(path, o) {
  const fh = await openData(path);
  try {
    const src = new Source(fh);
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
        workersOnly: o.parallel?.workersOnly ?? false
      });
      return;
    }
    const st = newState(layout, src, header.pos, header.nextLine, Number.POSITIVE_INFINITY, bs);
    for (; ; ) {
      const status = parseRows(st);
      if (status === FULL) {
        yield toBatch(st, layout, layout.numeric);
        st.offset += st.n;
        freshBatch(st, layout);
        continue;
      }
      if (status === DONE) break;
      const from = st.pos;
      if (!await src.refill(from)) throw tooLong(file, st.line);
      follow(st, src, from);
    }
    if (st.n > 0) yield toBatch(st, layout, layout.numeric);
  } finally {
    await fh.close();
  }
}
async function* readCsvPart(fh, layout, dataStart, size, bs, numeric, part) {
  const span = size - dataStart;
  const a = dataStart + Math.floor(span * (part.index - 1) / part.count);
  const b = part.index === part.count ? size : dataStart + Math.floor(span * part.index / part.count);
  const src = new Source(fh, a === dataStart ? a : a - 1);
  src.limit = b;
  await src.refill(0);
  let pos = 0;
  if (a !== dataStart) {
    for (; ; ) {
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
      if (!await src.refill(i)) throw tooLong(layout.file, 1);
      pos = 0;
    }
  }
  const start = src.origin + pos;
  const st = newState(layout, src, pos, 1, b - src.origin, bs);
  try {
    if (start < b) {
      for (; ; ) {
        const status = parseRows(st);
        if (status === FULL) {
          yield toBatch(st, layout, numeric);
          st.offset += st.n;
          freshBatch(st, layout);
          continue;
        }
        if (status === DONE) break;
        const from = st.pos;
        if (!await src.refill(from)) throw tooLong(layout.file, st.line);
        follow(st, src, from);
      }
      if (st.n > 0) yield toBatch(st, layout, numeric);
    }
  } catch (err) {
    if (!(err instanceof DataError) || a === dataStart) throw err;
    throw new DataError(
      err.file,
      { line: err.line },
      `${err.detail} (part ${part.index}/${part.count}, from byte ${start}: the line and row count from there)`
    );
  }
  part.onPart?.({ start, end: start < b ? src.origin + st.pos : start });
}
async function parseBlock(fh, layout, job) {
  const from0 = job.exact ? job.start : job.start - 1;
  const src = new Source(fh, from0);
  await src.refill(0);
  let pos = 0;
  if (!job.exact) {
    for (; ; ) {
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
      if (!await src.refill(i)) return emptyBlock(src.origin + i, layout);
      pos = 0;
    }
  }
  const start = src.origin + pos;
  if (start >= job.stop) return emptyBlock(start, layout);
  const parts = [];
  const st = newState(layout, src, pos, 1, job.stop - src.origin, 65536);
  let error;
  try {
    for (; ; ) {
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
      if (!await src.refill(from)) throw tooLong(layout.file, st.line);
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
    ...error ? { error } : {}
  };
  if (parts.length === 1) {
    return {
      ...base,
      lines: st.lines.subarray(0, rows),
      nums: st.nums.map((a) => a?.subarray(0, rows)),
      cells: st.cells,
      bad: st.bad
    };
  }
  const out = {
    ...base,
    lines: new Int32Array(rows),
    nums: layout.isNum.map((num) => num ? new Float64Array(rows) : void 0),
    cells: layout.names.map(() => []),
    bad: layout.isNum.map((num) => num ? { rows: [], texts: [] } : void 0)
  };
  let at = 0;
  for (const p of parts) {
    out.lines.set(p.lines.subarray(0, p.n), at);
    for (let c = 0; c < layout.names.length; c++) {
      const nums = out.nums[c];
      if (nums) {
        nums.set(p.nums[c].subarray(0, p.n), at);
        const pb = p.bad[c];
        for (let k = 0; k < pb.rows.length; k++) {
          out.bad[c].rows.push(at + pb.rows[k]);
          out.bad[c].texts.push(pb.texts[k]);
        }
      } else for (let r = 0; r < p.n; r++) out.cells[c].push(p.cells[c][r]);
    }
    at += p.n;
  }
  return out;
}
function emptyBlock(at, layout) {
  return {
    start: at,
    end: at,
    rows: 0,
    lineCount: 0,
    lines: new Int32Array(0),
    nums: layout.isNum.map((num) => num ? new Float64Array(0) : void 0),
    cells: layout.names.map(() => []),
    bad: layout.isNum.map((num) => num ? { rows: [], texts: [] } : void 0)
  };
}
async function* readParallel(path, fh, layout, dataStart, firstLine, size, bs, numeric, { threads, blockBytes, workersOnly }) {
  const blocks = [];
  for (let s = dataStart; s < size; s += blockBytes) {
    blocks.push({ start: s, stop: Math.min(s + blockBytes, size), exact: s === dataStart });
  }
  const jobs = new OrderedJobs(
    import.meta.url,
    "modelgateCsv",
    { path, layout },
    threads,
    blocks,
    true
  );
  const queue = new Assembler(layout.names, layout.isNum, numeric);
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
      let r = handedFrom >= 0 && k >= handedFrom ? await jobs.take() : await parseBlock(fh, layout, { ...blocks[k], start: expected, exact: true });
      if (r.start !== expected) {
        r = expected >= blocks[k].stop ? emptyBlock(expected, layout) : await parseBlock(fh, layout, { ...blocks[k], start: expected, exact: true });
      }
      if (r.error) {
        const line = r.error.line !== void 0 ? lineBase + r.error.line - 1 : void 0;
        const row = r.error.row !== void 0 ? rowBase + r.error.row : void 0;
        throw new DataError(layout.file, { line, row }, r.error.detail);
      }
      for (let i = 0; i < r.rows; i++) r.lines[i] += lineBase - 1;
      queue.add(r);
      lineBase += r.lineCount;
      rowBase += r.rows;
      expected = r.end;
      while (queue.available >= bs) yield queue.take(bs);
    }
    if (queue.available > 0) yield queue.take(queue.available);
    if (jobs.failure && handedFrom < 0) {
      process.stderr.write(
        `modelgate: a CSV reader thread failed (${String(jobs.failure)}); read in the main thread
`
      );
    }
  } finally {
    await jobs.close();
  }
}
var workerFile;
serveJobs("modelgateCsv", (data, job) => {
  const { path, layout } = data;
  workerFile ??= openData(path);
  return workerFile.then((fh) => parseBlock(fh, layout, job));
});
function fieldCount(st, row, fields, line) {
  return new DataError(
    st.file,
    { line, row },
    `${fields} field${fields === 1 ? "" : "s"} where the header has ${st.width}; quote fields that contain ${st.sep === COMMA ? 'commas ("a, b")' : SEPARATORS.get(st.sep)?.name}, and give every row as many fields as the header`
  );
}
function countFields(b, start, end, sep) {
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
function significantDigits(b, from, to) {
  let sig = 0;
  for (let k = from; k < to; k++) {
    const c = b[k];
    if (c === 46) continue;
    if (sig > 0 || c !== 48) sig++;
  }
  return sig;
}
var tasted = false;
var TASTE_ROWS = 16;
function parseRows(st) {
  if (!tasted && st.n < st.batchSize) {
    tasted = true;
    const status = parseRowsUpTo(st, Math.min(st.n + TASTE_ROWS, st.batchSize));
    if (status !== FULL || st.n === st.batchSize) return status;
  }
  return parseRowsUpTo(st, st.batchSize);
}
function parseRowsUpTo(st, limit) {
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
      if (first === CR) {
        if (pos + 1 >= end && !eof) break;
        if (pos + 1 < end && b[pos + 1] === LF) pos++;
      }
      pos++;
      line++;
      continue;
    }
    let i = pos;
    let extra = 0;
    for (let h = 0; h < width; h++) {
      const r = role[h];
      let done = false;
      if (r === NUMBER && i < end && b[i] !== QUOTE) {
        let j = i;
        let neg = false;
        let ch = b[j];
        if (ch === 45 || ch === 43) {
          neg = ch === 45;
          j++;
        }
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
          if (j >= end && !eof) break rows;
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
              nums[slot[h]][n] = x;
              if (tpos !== void 0 && tpos[h] >= 0) tdata[n * tw + tpos[h]] = x;
              i = j;
              done = true;
            }
          }
        }
      }
      if (r === INTEGER && i < end) {
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
        if (digits > 0 && digits <= 15 && (b[d0] !== 48 || digits === 1 && !neg)) {
          if (j >= end && !eof) break rows;
          const ch = j < end ? b[j] : sep;
          if (ch === sep || ch === LF || ch === CR) {
            nums[slot[h]][n] = neg ? -mant : mant;
            i = j;
            done = true;
          }
        }
      }
      if (!done) {
        let s = i;
        let e = i;
        let quoted = false;
        let doubled = false;
        if (i < end && b[i] === QUOTE) {
          quoted = true;
          let j = i + 1;
          for (; ; ) {
            const q = b.indexOf(QUOTE, j);
            if (q < 0 || q >= end) {
              if (!eof) break rows;
              throw new DataError(
                st.file,
                { line, row: st.offset + n + 1 },
                'a quoted field is not closed before the end of the file; close it with a quote ("), and double quotes inside it ("")'
              );
            }
            if (q + 1 >= end && !eof) break rows;
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
                `a character after the closing quote of field ${h + 1}; a quoted field ends at its closing quote \u2014 double quotes inside it ("")`
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
            if (v === void 0) {
              const nb = bad[slot[h]];
              nb.rows.push(n);
              nb.texts.push(text);
            } else if (v !== null) x = v;
          }
          nums[slot[h]][n] = x;
          if (!Number.isFinite(x)) nonFinite = true;
          if (tpos !== void 0 && tpos[h] >= 0) tdata[n * tw + tpos[h]] = x;
        } else if (r === INTEGER) {
          nums[slot[h]][n] = Number.NaN;
          if (quoted || s !== e) {
            let text = b.toString("utf8", s, e);
            if (doubled) text = text.replaceAll('""', '"');
            const nb = bad[slot[h]];
            nb.rows.push(n);
            nb.texts.push(text);
          }
        } else if (r === TEXT) {
          let v;
          if (quoted) {
            v = b.toString("utf8", s, e);
            if (doubled) v = v.replaceAll('""', '"');
          } else if (s === e) v = null;
          else v = e - s === 1 && b[s] < 128 ? ASCII[b[s]] : textAt(b, s, e);
          cells[slot[h]].push(v);
        }
      }
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
function scanRecord(b, pos, end, eof, file, line, sep = COMMA) {
  const fields = [];
  let extra = 0;
  let i = pos;
  for (; ; ) {
    if (i < end && b[i] === QUOTE) {
      let j = i + 1;
      for (; ; ) {
        const q = b.indexOf(QUOTE, j);
        if (q < 0 || q >= end) {
          if (!eof) return void 0;
          throw new DataError(file, { line }, 'a quoted field of the header is not closed; close it with a quote (")');
        }
        if (q + 1 >= end && !eof) return void 0;
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
          'a character after a closing quote in the header; double quotes inside a quoted field ("")'
        );
      }
    } else {
      const s = i;
      while (i < end && b[i] !== sep && b[i] !== LF && b[i] !== CR) i++;
      if (i >= end && !eof) return void 0;
      fields.push(b.toString("utf8", s, i));
    }
    if (i >= end) return { fields, next: i, extra };
    const c = b[i];
    if (c === sep) {
      i++;
      continue;
    }
    if (c === CR) {
      if (i + 1 >= end && !eof) return void 0;
      if (i + 1 < end && b[i + 1] === LF) i++;
    }
    return { fields, next: i + 1, extra };
  }
}

export {
  readHeader,
  readCsvHeader,
  csvLayout,
  parseCsvBatch,
  readCsv
};
