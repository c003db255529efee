import { createRequire } from 'node:module';
import { y as openData, S as Source, G as tooLong } from './hot-validate-Cbhe7qur.js';
import { D as DataError, b as selectColumns, d as batchRows, k as putNumber } from './hot-validate-verify-COnm42W2.js';
import { d as didYouMean } from './hot-validate-plan-verify-C9JqfCVv.js';
import './hot-help-validate-plan-audit-verify-CiDATK95.js';
import './hot-validate-plan-DjS3M9MR.js';
import './hot-validate-plan-audit-verify-DglurztO.js';
import 'node:fs';
import 'node:path';
import 'node:util';
import 'node:crypto';
import 'node:fs/promises';
import 'node:child_process';
import 'node:worker_threads';
import 'node:timers/promises';
import 'node:v8';
import 'node:url';

const require$1 = createRequire(import.meta.url);

// src/data/jsonl.ts
var LF = 10;
var BIG_INTEGER = /(?<![\d.eE+-])(-?\d{16,})(?![\d.eE])|"(?:[^"\\]|\\.)*"/g;
var MARK = "__modelgate_bigint__";
function parseLine(text) {
  if (!/\d{16}/.test(text)) return JSON.parse(text);
  const marked = text.replace(BIG_INTEGER, (m, big) => big ? `{"${MARK}":"${big}"}` : m);
  return JSON.parse(marked, (_, v) => {
    if (v && typeof v === "object" && typeof v[MARK] === "string") {
      const n = BigInt(v[MARK]);
      return n <= BigInt(Number.MAX_SAFE_INTEGER) && n >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(n) : n;
    }
    return v;
  });
}
async function* readJsonl(path, o) {
  const fh = await openData(path);
  try {
    const file = o.displayName;
    const src = new Source(fh);
    await src.refill(0);
    let pos = 0;
    let line = 0;
    let names;
    let known = /* @__PURE__ */ new Set();
    let first = [];
    let isNum = [];
    let bs = o.batchSize;
    const numeric = new Set(o.numeric ?? []);
    let n = 0;
    let offset = 0;
    let cells = [];
    let nums = [];
    let bad = [];
    let lines = new Int32Array(bs);
    const fresh = () => {
      n = 0;
      cells = names.map(() => []);
      nums = names.map((_, c) => isNum[c] ? new Float64Array(bs) : void 0);
      bad = names.map((_, c) => isNum[c] ? { rows: [], texts: [] } : void 0);
      lines = new Int32Array(bs);
    };
    const batch = () => {
      const whole = n === bs;
      return {
        columns: names,
        length: n,
        data: cells,
        offset,
        lines: whole ? lines : lines.subarray(0, n),
        ...numeric.size > 0 ? {
          numeric: nums.map((a) => a && !whole ? a.subarray(0, n) : a),
          notNumbers: bad.map((x) => x && x.rows.length > 0 ? x : void 0)
        } : {}
      };
    };
    for (; ; ) {
      const b = src.buf;
      let k = b.indexOf(LF, pos);
      if (k < 0 || k >= src.end) {
        if (!src.eof) {
          if (!await src.refill(pos)) throw tooLong(file, line + 1);
          pos = 0;
          continue;
        }
        if (pos >= src.end) break;
        k = src.end;
      }
      line++;
      let e = k;
      if (e > pos && b[e - 1] === 13) e--;
      const text = b.toString("utf8", pos, e);
      pos = k + 1;
      if (text.trim() === "") continue;
      let obj;
      try {
        obj = parseLine(text);
      } catch (err) {
        throw new DataError(
          file,
          { line, row: offset + n + 1 },
          `not valid JSON (${err.message}); each line must be one JSON object`
        );
      }
      if (!obj || typeof obj !== "object" || Array.isArray(obj)) {
        throw new DataError(file, { line, row: offset + n + 1 }, "each line must be a JSON object ({...})");
      }
      const rec = obj;
      if (!names) {
        first = Object.keys(rec);
        known = new Set(first);
        const sel = o.anyKeys && o.columns ? void 0 : selectColumns(first, o.columns, file, line);
        names = sel ? sel.map((i) => first[i]) : [...o.columns ?? []];
        isNum = names.map((nm) => numeric.has(nm));
        bs = batchRows(bs, names.length);
        fresh();
      } else if (!o.anyKeys) {
        for (const key in rec) {
          if (!known.has(key)) {
            const near = didYouMean(key, first);
            throw new DataError(
              file,
              { line, row: offset + n + 1 },
              `key "${key}" is not among the keys of the first line${near ? `; did you mean "${near}"?` : ""}; every line has the first line's keys (a missing one is null), so add it to the first line or fix its spelling`
            );
          }
        }
      }
      for (let c = 0; c < names.length; c++) {
        const v = rec[names[c]];
        if (!isNum[c]) {
          cells[c].push(v === void 0 ? null : v);
          continue;
        }
        putNumber(v, nums[c], n, bad[c]);
      }
      lines[n] = line;
      if (++n === bs) {
        yield batch();
        offset += n;
        fresh();
      }
    }
    if (!names) throw new DataError(file, {}, "has no rows; a JSONL file needs one JSON object per line");
    if (n > 0) yield batch();
  } finally {
    await fh.close();
  }
}

export { readJsonl };
