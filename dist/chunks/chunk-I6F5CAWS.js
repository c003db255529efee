import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  UserError
} from "./chunk-7SHYJVU3.js";

// src/data/read.ts
import { createReadStream } from "node:fs";
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
function readBatches(path, opts = {}) {
  const format = formatOf(path, opts.format);
  const o = { batchSize: 8192, displayName: path, ...opts };
  if (o.numeric && o.numeric.length > 0) {
    if (format === "csv") return readCsvNumeric(path, o);
    if (format === "parquet") return readParquet(path, o);
    return withNumeric(readJsonl(path, o), o.numeric);
  }
  if (format === "csv") return readCsv(path, o);
  if (format === "jsonl") return readJsonl(path, o);
  return readParquet(path, o);
}
async function* withNumeric(batches, numeric) {
  for await (const b of batches) {
    const out = b.columns.map(() => void 0);
    for (let c = 0; c < b.columns.length; c++) {
      if (!numeric.includes(b.columns[c])) continue;
      const cells = b.data[c];
      const arr = new Float64Array(b.length);
      for (let r = 0; r < b.length; r++) {
        const v = cells[r];
        const n = typeof v === "number" ? v : cellToNumber(v);
        arr[r] = n === null ? Number.NaN : n;
      }
      out[c] = arr;
      b.data[c] = [];
    }
    b.numeric = out;
    yield b;
  }
}
async function readColumns(path, opts = {}) {
  for await (const b of readBatches(path, { ...opts, columns: void 0, batchSize: 1 })) return b.columns;
  return [];
}
function selector(all, wanted, file) {
  if (!wanted) return all.map((_, i) => i);
  return wanted.map((name) => {
    const i = all.indexOf(name);
    if (i < 0) throw new UserError(`column "${name}" is not in ${file} (it has: ${all.join(", ")})`);
    return i;
  });
}
async function* readCsv(path, o) {
  let header;
  let sel = [];
  let cols = [];
  let n = 0;
  let offset = 0;
  let line = 1;
  let recordLine = 1;
  let field = "";
  let quoted = false;
  let inQuotes = false;
  let afterQuote = false;
  let record = [];
  let pending = "";
  const out = [];
  const endRecord = () => {
    if (!header) {
      header = record.map((h) => (h ?? "").trim());
      if (header.length > 0) header[0] = header[0].replace(/^\uFEFF/, "");
      sel = selector(header, o.columns, o.displayName);
      cols = sel.map(() => []);
    } else if (!(record.length === 1 && record[0] === null)) {
      if (record.length !== header.length) {
        throw new UserError(
          `${o.displayName}:${recordLine}: row has ${record.length} fields but the header has ${header.length}; quote fields that contain commas`
        );
      }
      for (let c = 0; c < sel.length; c++) cols[c].push(record[sel[c]]);
      n++;
      if (n === o.batchSize) {
        out.push({ columns: sel.map((i) => header[i]), length: n, data: cols, offset });
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
  for await (const chunk of stream) {
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
        continue;
      }
      if (afterQuote) {
        throw new UserError(
          `${o.displayName}:${line}: unexpected character after a closing quote; double quotes inside a quoted field ("")`
        );
      }
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
    while (out.length) yield out.shift();
  }
  if (inQuotes)
    throw new UserError(`${o.displayName}:${recordLine}: a quoted field is not closed before the end of the file`);
  if (pending === "\r") pending = "";
  field += pending;
  if (field !== "" || quoted || record.length > 0) {
    endField();
    endRecord();
  }
  while (out.length) yield out.shift();
  if (!header) throw new UserError(`${o.displayName} is empty; a CSV file needs a header row`);
  if (n > 0) yield { columns: sel.map((i) => header[i]), length: n, data: cols, offset };
}
var POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
function parseNumberBytes(b, s, e) {
  let i = s;
  let neg = false;
  if (i < e && (b[i] === 45 || b[i] === 43)) {
    neg = b[i] === 45;
    i++;
  }
  let mant = 0;
  let sig = 0;
  let scale = 0;
  let any = false;
  while (i < e) {
    const d = b[i] - 48;
    if (d < 0 || d > 9) break;
    any = true;
    if (sig > 0 || d !== 0) {
      if (sig >= 15) return slowNumber(b, s, e);
      mant = mant * 10 + d;
      sig++;
    }
    i++;
  }
  if (i < e && b[i] === 46) {
    i++;
    while (i < e) {
      const d = b[i] - 48;
      if (d < 0 || d > 9) break;
      any = true;
      if (sig > 0 || d !== 0) {
        if (sig >= 15) return slowNumber(b, s, e);
        mant = mant * 10 + d;
        sig++;
      }
      scale++;
      i++;
    }
  }
  if (!any) return slowNumber(b, s, e);
  let exp = 0;
  if (i < e && (b[i] === 101 || b[i] === 69)) {
    i++;
    let eneg = false;
    if (i < e && (b[i] === 45 || b[i] === 43)) {
      eneg = b[i] === 45;
      i++;
    }
    const start = i;
    while (i < e && b[i] >= 48 && b[i] <= 57 && i - start < 6) exp = exp * 10 + (b[i++] - 48);
    if (i === start) return slowNumber(b, s, e);
    if (eneg) exp = -exp;
  }
  if (i !== e) return slowNumber(b, s, e);
  if (mant === 0) return neg ? -0 : 0;
  const k = exp - scale;
  let v;
  if (k === 0) v = mant;
  else if (k < 0 && k >= -22) v = mant / POW10[-k];
  else if (k > 0 && k <= 22) v = mant * POW10[k];
  else return slowNumber(b, s, e);
  return neg ? -v : v;
}
var latin1 = new TextDecoder("latin1");
function slowNumber(b, s, e) {
  const text = latin1.decode(b.subarray(s, e));
  if (text.trim() === "") return Number.NaN;
  return Number(text);
}
var utf8 = new TextDecoder("utf-8");
async function* readCsvNumeric(path, o) {
  const { open } = await import("node:fs/promises");
  const fh = await open(path, "r");
  try {
    let buf = new Uint8Array(1 << 22);
    let end = 0;
    let eof = false;
    const fill = async (keepFrom) => {
      const keep = end - keepFrom;
      if (keepFrom > 0) buf.copyWithin(0, keepFrom, end);
      if (keep > buf.length / 2) {
        const bigger = new Uint8Array(buf.length * 2);
        bigger.set(buf.subarray(0, keep));
        buf = bigger;
      }
      end = keep;
      const { bytesRead } = await fh.read(buf, end, buf.length - end, null);
      end += bytesRead;
      if (bytesRead === 0) eof = true;
    };
    await fill(0);
    let pos = 0;
    let header;
    for (; ; ) {
      const rec = scanRecord(buf, 0, end, eof);
      if (rec) {
        header = rec.fields.map((f) => fieldText(buf, f).trim());
        pos = rec.next;
        break;
      }
      if (eof) break;
      await fill(0);
    }
    if (!header || header.length === 1 && header[0] === "") {
      throw new UserError(`${o.displayName} is empty; a CSV file needs a header row`);
    }
    header[0] = header[0].replace(/^\uFEFF/, "");
    const sel = selector(header, o.columns, o.displayName);
    const names = sel.map((i) => header[i]);
    const numericSet = new Set(o.numeric);
    const slot = new Int32Array(header.length).fill(-1);
    sel.forEach((h, c) => {
      slot[h] = c;
    });
    const isNum = names.map((n2) => numericSet.has(n2));
    const width = header.length;
    const bs = o.batchSize;
    let nums = names.map((_, c) => isNum[c] ? new Float64Array(bs) : void 0);
    let cells = names.map(() => []);
    let n = 0;
    let offset = 0;
    let row = 0;
    const starts = new Int32Array(width + 1);
    const ends = new Int32Array(width + 1);
    const quotedAt = new Uint8Array(width + 1);
    for (; ; ) {
      for (; ; ) {
        if (pos >= end) break;
        let i = pos;
        let f = 0;
        let hasQuote = false;
        let complete = false;
        starts[0] = i;
        while (i < end) {
          const c = buf[i];
          if (c === 44) {
            if (f < width) ends[f] = i;
            f++;
            if (f <= width) starts[f] = i + 1;
            i++;
          } else if (c === 10 || c === 13) {
            if (f < width) ends[f] = i;
            f++;
            if (c === 13) {
              if (i + 1 >= end && !eof) break;
              if (buf[i + 1] === 10) i++;
            }
            i++;
            complete = true;
            break;
          } else if (c === 34) {
            hasQuote = true;
            break;
          } else i++;
        }
        if (!complete && !hasQuote && eof && i >= end && i > pos) {
          if (f < width) ends[f] = i;
          f++;
          complete = true;
        }
        const fieldStarts = starts;
        const fieldEnds = ends;
        let quoted;
        let recFields;
        let next = i;
        let fields = f;
        if (hasQuote) {
          const rec = scanRecord(buf, pos, end, eof);
          if (!rec) break;
          fields = rec.fields.length;
          quoted = quotedAt;
          quotedAt.fill(0);
          for (let k = 0; k < Math.min(fields, width); k++) {
            fieldStarts[k] = rec.fields[k].s;
            fieldEnds[k] = rec.fields[k].e;
            quotedAt[k] = rec.fields[k].q ? 1 : 0;
          }
          next = rec.next;
          if (!rec.complete) break;
          complete = true;
          recFields = rec.fields;
        } else if (!complete) break;
        pos = next;
        if (fields === 1 && fieldEnds[0] === fieldStarts[0] && !quoted?.[0]) continue;
        if (fields !== width) {
          throw new UserError(
            `${o.displayName}: data row ${row + 1} has ${fields} fields but the header has ${width}; quote fields that contain commas`
          );
        }
        for (let h = 0; h < width; h++) {
          const c = slot[h];
          if (c < 0) continue;
          const s = fieldStarts[h];
          const e = fieldEnds[h];
          if (quoted?.[h]) {
            const text = unquote(buf, recFields[h]);
            if (isNum[c]) nums[c][n] = text.trim() === "" ? Number.NaN : Number(text);
            else cells[c].push(text);
          } else if (isNum[c]) {
            nums[c][n] = s === e ? Number.NaN : parseNumberBytes(buf, s, e);
          } else {
            cells[c].push(s === e ? null : utf8.decode(buf.subarray(s, e)));
          }
        }
        row++;
        if (++n === bs) {
          yield { columns: names, length: n, data: cells, offset, numeric: nums };
          offset += n;
          n = 0;
          nums = names.map((_, c) => isNum[c] ? new Float64Array(bs) : void 0);
          cells = names.map(() => []);
        }
      }
      if (eof) {
        if (pos < end) {
          throw new UserError(
            `${o.displayName}: data row ${row + 1}: a quoted field is not closed before the end of the file`
          );
        }
        break;
      }
      await fill(pos);
      pos = 0;
    }
    if (n > 0) {
      yield {
        columns: names,
        length: n,
        data: cells,
        offset,
        numeric: nums.map((a) => a?.subarray(0, n))
      };
    }
  } finally {
    await fh.close();
  }
}
function scanRecord(b, pos, end, eof) {
  const fields = [];
  let i = pos;
  for (; ; ) {
    if (i < end && b[i] === 34) {
      const s = i + 1;
      let j = s;
      for (; ; ) {
        while (j < end && b[j] !== 34) j++;
        if (j >= end) return void 0;
        if (j + 1 >= end && !eof) return void 0;
        if (b[j + 1] === 34) {
          j += 2;
          continue;
        }
        break;
      }
      fields.push({ s, e: j, q: true });
      i = j + 1;
      if (i < end && b[i] !== 44 && b[i] !== 10 && b[i] !== 13) {
        throw new UserError('unexpected character after a closing quote; double quotes inside a quoted field ("")');
      }
    } else {
      const s = i;
      while (i < end && b[i] !== 44 && b[i] !== 10 && b[i] !== 13) {
        if (b[i] === 34)
          throw new UserError("a quote inside an unquoted field; quote the whole field and double the quote");
        i++;
      }
      fields.push({ s, e: i, q: false });
    }
    if (i >= end) {
      if (!eof) return void 0;
      return { fields, next: i, complete: true };
    }
    const c = b[i];
    if (c === 44) {
      i++;
      continue;
    }
    if (c === 13) {
      if (i + 1 >= end && !eof) return void 0;
      if (b[i + 1] === 10) i++;
    }
    return { fields, next: i + 1, complete: true };
  }
}
function fieldText(b, f) {
  return f.q ? unquote(b, f) : utf8.decode(b.subarray(f.s, f.e));
}
function unquote(b, f) {
  return utf8.decode(b.subarray(f.s, f.e)).replaceAll('""', '"');
}
async function* readJsonl(path, o) {
  let names;
  let cols = [];
  let n = 0;
  let offset = 0;
  let lineNo = 0;
  let rest = "";
  const stream = createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 });
  const take = function* (text) {
    lineNo++;
    if (text.trim() === "") return;
    let obj;
    try {
      obj = JSON.parse(text);
    } catch (err) {
      throw new UserError(`${o.displayName}:${lineNo}: not valid JSON (${err.message})`);
    }
    if (!obj || typeof obj !== "object" || Array.isArray(obj)) {
      throw new UserError(`${o.displayName}:${lineNo}: each line must be a JSON object`);
    }
    if (!names) {
      const all = Object.keys(obj);
      names = o.columns ? (selector(all, o.columns, o.displayName), o.columns) : all;
      cols = names.map(() => []);
    }
    const rec = obj;
    for (let c = 0; c < names.length; c++) cols[c].push(rec[names[c]] ?? null);
    if (++n === o.batchSize) {
      yield { columns: names, length: n, data: cols, offset };
      offset += n;
      n = 0;
      cols = names.map(() => []);
    }
  };
  for await (const chunk of stream) {
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
async function* readParquet(path, o) {
  const { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema } = await import("./node-VDR7QHNH.js");
  let file;
  let metadata;
  try {
    file = await asyncBufferFromFile(path);
    metadata = await parquetMetadataAsync(file);
  } catch (err) {
    throw new UserError(`${o.displayName} is not a readable Parquet file (${err.message})`);
  }
  const all = parquetSchema(metadata).children.map((c) => c.element.name);
  const names = o.columns ?? all;
  selector(all, o.columns, o.displayName);
  const step = Math.max(o.batchSize, 65536);
  let groupStart = 0;
  for (const rg of metadata.row_groups) {
    const groupEnd = groupStart + Number(rg.num_rows);
    for (let start = groupStart; start < groupEnd; start += step) {
      const end = Math.min(start + step, groupEnd);
      const isNum = names.map((nm) => o.numeric?.includes(nm) ?? false);
      const cols = names.map((_, c) => isNum[c] ? [] : new Array(end - start));
      const nums = names.map((_, c) => isNum[c] ? new Float64Array(end - start) : void 0);
      await parquetRead({
        file,
        metadata,
        columns: names,
        rowStart: start,
        rowEnd: end,
        onChunk: (chunk) => {
          const c = names.indexOf(chunk.columnName);
          if (c < 0) return;
          const data = chunk.columnData;
          const from = Math.max(start, chunk.rowStart);
          const to = Math.min(end, chunk.rowEnd);
          const num = nums[c];
          if (num) {
            for (let r = from; r < to; r++) {
              const v = data[r - chunk.rowStart];
              if (typeof v === "number") num[r - start] = v;
              else {
                const x = v === void 0 ? null : cellToNumber(v);
                num[r - start] = x === null ? Number.NaN : x;
              }
            }
          } else for (let r = from; r < to; r++) cols[c][r - start] = normalizeParquet(data[r - chunk.rowStart]);
        }
      });
      for (let b = start; b < end; b += o.batchSize) {
        const e = Math.min(b + o.batchSize, end);
        yield {
          columns: names,
          length: e - b,
          data: cols.map((col, c) => isNum[c] ? [] : col.slice(b - start, e - start)),
          offset: b,
          ...o.numeric ? { numeric: nums.map((a) => a?.subarray(b - start, e - start)) } : {}
        };
      }
    }
    groupStart = groupEnd;
  }
}
function normalizeParquet(v) {
  if (v === void 0) return null;
  return v;
}
function cellToNumber(v) {
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
function cellToString(v) {
  if (v === null) return null;
  if (typeof v === "string") return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

export {
  formatOf,
  readBatches,
  readColumns,
  cellToNumber,
  cellToString
};
