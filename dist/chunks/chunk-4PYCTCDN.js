import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  csvLayout,
  readHeader
} from "./chunk-UCU4ARW5.js";
import {
  Source,
  tooLong
} from "./chunk-7DC5CDGY.js";
import {
  DataError,
  MAX_RECORD_BYTES,
  batchRows,
  cellToNumber,
  cellToString,
  rowPlace
} from "./chunk-6UXFBPQ7.js";
import {
  openData
} from "./chunk-MMEZHR7H.js";

// src/data/csv-cut.ts
var LF = 10;
var CR = 13;
var QUOTE = 34;
function scanSlow(b, pos, end, eof, sep, out) {
  out.blank = false;
  out.extra = 0;
  out.next = -1;
  const first = b[pos];
  if (first === LF || first === CR) {
    out.blank = true;
    if (first === CR) {
      if (pos + 1 >= end && !eof) return;
      out.next = pos + 1 < end && b[pos + 1] === LF ? pos + 2 : pos + 1;
    } else out.next = pos + 1;
    return;
  }
  let i = pos;
  let fieldStart = true;
  while (i < end) {
    const c = b[i];
    if (fieldStart && c === QUOTE) {
      let j = i + 1;
      for (; ; ) {
        const q = b.indexOf(QUOTE, j);
        if (q < 0 || q >= end) {
          if (!eof) return;
          for (let k = i + 1; k < end; k++) if (b[k] === LF) out.extra++;
          out.next = end;
          return;
        }
        if (q + 1 >= end && !eof) return;
        if (q + 1 < end && b[q + 1] === QUOTE) {
          j = q + 2;
          continue;
        }
        for (let k = i + 1; k < q; k++) if (b[k] === LF) out.extra++;
        i = q + 1;
        break;
      }
      fieldStart = false;
      continue;
    }
    if (c === sep) fieldStart = true;
    else if (c === LF) {
      out.next = i + 1;
      return;
    } else if (c === CR) {
      if (i + 1 >= end && !eof) return;
      out.next = i + 1 < end && b[i + 1] === LF ? i + 2 : i + 1;
      return;
    } else fieldStart = false;
    i++;
  }
  if (eof) out.next = end;
}
var MIN_READ = 64 * 1024;
var FIRST_READ = 1024 * 1024;
async function* cutCsv(path, o, alloc = (size) => new Uint8Array(size)) {
  const fh = await openData(path);
  try {
    const src = new Source(fh);
    const file = o.displayName;
    const header = await readHeader(src, file, (o.delimiter ?? ",").charCodeAt(0));
    const layout = csvLayout(header.names, header.line, o);
    const sep = layout.sep;
    const bs = batchRows(o.batchSize, layout.names.length);
    let line = header.nextLine;
    let offset = 0;
    let next = src.origin + src.end;
    let eof = src.eof;
    const ahead = src.buf.subarray(header.pos, src.end);
    let cur = view(alloc(Math.max(ahead.length + FIRST_READ, 4 * FIRST_READ)));
    cur.set(ahead, 0);
    let fill = ahead.length;
    let pos = 0;
    let rows = 0;
    let firstLine = line;
    const scan = { next: -1, blank: false, extra: 0 };
    const take = () => {
      const size = pos;
      perRecord = size / rows;
      const rest = fill - size;
      const into = view(alloc(rest + Math.ceil(size * 1.1) + MIN_READ));
      into.set(cur.subarray(size, fill), 0);
      const raw = { bytes: new Uint8Array(cur.buffer, cur.byteOffset, size), rows, offset, firstLine };
      offset += rows;
      cur = into;
      fill = rest;
      pos = 0;
      rows = 0;
      firstLine = line;
      return raw;
    };
    let perRecord = 0;
    for (; ; ) {
      const b = cur.subarray(0, fill);
      const end = fill;
      let quote = -1;
      let cr = -1;
      while (rows < bs && pos < end) {
        if (quote < pos) {
          quote = b.indexOf(QUOTE, pos);
          if (quote < 0 || quote >= end) quote = end;
        }
        if (cr < pos) {
          cr = b.indexOf(CR, pos);
          if (cr < 0 || cr >= end) cr = end;
        }
        let lf = b.indexOf(LF, pos);
        if (lf >= end) lf = -1;
        if (lf >= 0 && lf < quote && (lf < cr || cr === lf - 1)) {
          scan.next = lf + 1;
          scan.blank = lf === pos || cr === pos;
          scan.extra = 0;
        } else if (lf < 0 && quote === end && cr === end) {
          scan.next = eof ? end : -1;
          scan.blank = false;
          scan.extra = 0;
        } else scanSlow(b, pos, end, eof, sep, scan);
        if (scan.next < 0) break;
        if (!scan.blank) rows++;
        line += 1 + scan.extra;
        pos = scan.next;
      }
      if (rows === bs) {
        yield { layout, raw: take() };
        continue;
      }
      if (eof) {
        if (rows > 0) yield { layout, raw: take() };
        return;
      }
      const limit = pos + MAX_RECORD_BYTES - fill;
      if (limit <= 0) throw tooLong(file, line);
      if (fill === cur.length) {
        const bigger = view(alloc(cur.length * 2));
        bigger.set(cur.subarray(0, fill), 0);
        cur = bigger;
      }
      const room = cur.length - fill;
      const per = rows > 0 ? pos / rows : perRecord;
      const wanted = per > 0 ? Math.ceil((bs - rows) * per * 1.02) - (fill - pos) : FIRST_READ;
      const want = Math.min(room, limit, Math.max(MIN_READ, wanted));
      const { bytesRead } = await fh.read(cur, fill, want, next);
      if (bytesRead === 0) eof = true;
      fill += bytesRead;
      next += bytesRead;
    }
  } finally {
    await fh.close();
  }
}
function view(a) {
  return Buffer.from(a.buffer, a.byteOffset, a.length);
}

// src/evaluate/prepare.ts
function keyOf(v) {
  if (v === null || v === void 0) return null;
  if (typeof v === "number") return String(v);
  if (typeof v === "bigint") return String(Number(v));
  const s = cellToString(v);
  if (s === null) return null;
  const t = s.trim();
  if (t !== "" && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return String(Number(t));
  return s;
}
function bucketKey(v, edges) {
  if (edges.length === 0 || v < edges[0]) return `(-inf, ${edges[0] ?? "inf"})`;
  for (let i = 1; i < edges.length; i++) if (v < edges[i]) return `[${edges[i - 1]}, ${edges[i]})`;
  return `[${edges[edges.length - 1]}, inf)`;
}
var Dict = class {
  keys = [];
  map = /* @__PURE__ */ new Map();
  code(k) {
    let c = this.map.get(k);
    if (c === void 0) {
      c = this.keys.length;
      this.map.set(k, c);
      this.keys.push(k);
    }
    return c;
  }
};
function newCodes(spec) {
  return { labels: new Dict(), labelOf: /* @__PURE__ */ new Map(), slices: spec.slices.map(() => new Dict()) };
}
function prepareBatch(b, spec, columns, codes, display, finite = false) {
  const { numeric, strings, valid, bad } = featureValues(b, spec.nanPolicy, columns, display, finite);
  const labels = labelValues(b, spec, codes, display);
  const slices = sliceCodes(b, spec.slices, codes.slices);
  if (bad === 0) return { fb: { length: b.length, numeric, strings }, labels, slices, offset: b.offset, skipped: 0 };
  const idx = [];
  for (let r = 0; r < b.length; r++) if (valid[r]) idx.push(r);
  for (const [k, arr] of numeric)
    numeric.set(
      k,
      Float64Array.from(idx, (r) => arr[r])
    );
  for (const [k, arr] of strings)
    strings.set(
      k,
      idx.map((r) => arr[r])
    );
  const kept = labels instanceof Int32Array ? new Int32Array(idx.length) : new Float64Array(idx.length);
  idx.forEach((r, i) => {
    kept[i] = labels[r];
  });
  return {
    fb: { length: idx.length, numeric, strings },
    labels: kept,
    slices: slices.map((c) => Int32Array.from(idx, (r) => c[r])),
    offset: b.offset,
    skipped: bad
  };
}
function featureValues(b, nanPolicy, columns, display, finite) {
  const n = b.length;
  const numeric = /* @__PURE__ */ new Map();
  const strings = /* @__PURE__ */ new Map();
  const valid = new Uint8Array(n).fill(1);
  let bad = 0;
  for (const col of columns.features) {
    const ci = b.columns.indexOf(col);
    if (columns.strings.has(col)) {
      const cells = b.data[ci];
      const out2 = new Array(n);
      for (let r = 0; r < n; r++) {
        const s = cellToString(cells[r]);
        if (s === null) {
          if (nanPolicy === "fail") failFeature(display, b, r, col, "empty");
          if (valid[r]) bad++;
          valid[r] = 0;
          out2[r] = "";
        } else out2[r] = s;
      }
      strings.set(col, out2);
      continue;
    }
    const out = b.numeric?.[ci];
    if (!out) throw new Error(`column ${col} was not read as numbers`);
    for (let r = 0; !finite && r < n; r++) {
      if (!Number.isFinite(out[r])) {
        if (nanPolicy === "fail") failFeature(display, b, r, col, shownNumber(b, ci, r, out[r]));
        if (valid[r]) bad++;
        valid[r] = 0;
      }
    }
    numeric.set(col, out);
  }
  return { numeric, strings, valid, bad };
}
function failFeature(display, b, r, col, shown) {
  throw new DataError(
    display,
    rowPlace(b, r),
    `feature "${col}" is not a finite number (${shown}); fix the data, or set spec.evaluation.nanPolicy: count to skip and count such rows`
  );
}
function labelValues(b, spec, codes, display) {
  const n = b.length;
  const labelCells = b.data[b.columns.indexOf(spec.label.column)];
  if (spec.task !== "regression") {
    const labels2 = new Int32Array(n);
    for (let r = 0; r < n; r++) {
      const c = labelCells[r];
      const known = typeof c === "string" || typeof c === "number" ? codes.labelOf.get(c) : void 0;
      if (known !== void 0) {
        labels2[r] = known;
        continue;
      }
      const k = keyOf(c);
      if (k === null)
        throw new DataError(
          display,
          rowPlace(b, r),
          `no label in "${spec.label.column}"; every evaluated row needs one`
        );
      labels2[r] = codes.labels.code(k);
      if ((typeof c === "string" || typeof c === "number") && codes.labelOf.size < 1e4)
        codes.labelOf.set(c, labels2[r]);
    }
    return labels2;
  }
  const labels = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const c = labelCells[r];
    const v = typeof c === "number" ? c : cellToNumber(c);
    if (v === null || !Number.isFinite(v)) {
      throw new DataError(
        display,
        rowPlace(b, r),
        `target "${spec.label.column}" is not a finite number (${c === null ? "empty" : JSON.stringify(String(c))}); every evaluated row needs one`
      );
    }
    labels[r] = v;
  }
  return labels;
}
function sliceCodes(b, slices, dicts) {
  return slices.map((s, j) => {
    const at = b.columns.indexOf(s.column);
    const cells = b.data[at];
    const nums = b.numeric?.[at];
    const codes = new Int32Array(b.length);
    for (let r = 0; r < b.length; r++) {
      const c = nums ? Number.isNaN(nums[r]) ? null : nums[r] : cells[r];
      let key;
      if (s.buckets) {
        const v = cellToNumber(c);
        key = v === null || Number.isNaN(v) ? "(null)" : bucketKey(v, s.buckets);
      } else key = keyOf(c) ?? "(null)";
      codes[r] = dicts[j].code(key);
    }
    return codes;
  });
}
function shownNumber(b, c, r, v) {
  const bad = b.notNumbers?.[c];
  const at = bad ? bad.rows.indexOf(r) : -1;
  if (at >= 0) return JSON.stringify(bad.texts[at]);
  return Number.isNaN(v) ? "empty or NaN" : String(v);
}

// src/evaluate/score-models.ts
function tensorFits(runners, type, features) {
  return runners.map(
    (r) => r.tensorInput?.type === type && r.columns.length === features.length && r.columns.every((c, k) => c === features[k])
  );
}
async function scoreModels(runners, fb, n, tensor) {
  const outs = [];
  const ms = [];
  for (const [m, r] of runners.entries()) {
    const before = r.inferMs;
    const feeds = tensor?.fits[m] ? { [r.tensorInput.name]: { type: tensor.type, data: tensor.data, dims: [n, tensor.width] } } : r.feeds(fb);
    outs.push(await r.runFeeds(feeds, n));
    ms.push(r.inferMs - before);
  }
  return { outs, ms };
}
function firstRowWire(fb) {
  return {
    numeric: [...fb.numeric].map(([k, v]) => [k, v.slice(0, 1)]),
    strings: [...fb.strings].map(([k, v]) => [k, v.slice(0, 1)])
  };
}
function fromWireRow(row) {
  return { length: 1, numeric: new Map(row.numeric), strings: new Map(row.strings) };
}

export {
  cutCsv,
  keyOf,
  bucketKey,
  newCodes,
  prepareBatch,
  tensorFits,
  scoreModels,
  firstRowWire,
  fromWireRow
};
