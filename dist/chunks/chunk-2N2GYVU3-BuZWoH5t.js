import { createRequire } from 'node:module';
import { y as openData, S as Source, E as readHeader, F as csvLayout, G as tooLong } from './hot-validate-Cbhe7qur.js';
import { d as batchRows, M as MAX_RECORD_BYTES } from './hot-validate-verify-COnm42W2.js';

const require$1 = createRequire(import.meta.url);

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

export { firstRowWire as a, cutCsv as c, fromWireRow as f, scoreModels as s, tensorFits as t };
