import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  didYouMean
} from "./chunk-UPGHJSZ6.js";
import {
  CheckFailed
} from "./chunk-VPZGVLTG.js";

// src/data/batch.ts
function batchRows(batchSize, width) {
  return Math.max(1, Math.min(batchSize, Math.floor((1 << 22) / Math.max(1, width))));
}
var MAX_RECORD_BYTES = 16 * 1024 * 1024;
var DataError = class extends CheckFailed {
  constructor(file, where, detail) {
    super(
      `${file}${where.line ? `:${where.line}` : ""}: ${where.row !== void 0 ? `row ${where.row}: ` : ""}${detail}`
    );
    this.file = file;
    this.detail = detail;
    this.name = "DataError";
    this.line = where.line;
    this.row = where.row;
  }
  file;
  detail;
  line;
  row;
};
function rowPlace(b, r) {
  return { line: b.lines?.[r], row: b.offset + r + 1 };
}
function selectColumns(all, wanted, file, line) {
  if (!wanted) return all.map((_, i) => i);
  const at = /* @__PURE__ */ new Map();
  all.forEach((name, i) => {
    if (!at.has(name)) at.set(name, i);
  });
  return wanted.map((name) => {
    const i = at.get(name);
    if (i === void 0) {
      const near = didYouMean(name, all.length > 5e3 ? all.slice(0, 5e3) : all);
      const shown = all.length > 20 ? `${all.slice(0, 20).join(", ")}, \u2026 (${all.length} in all)` : all.join(", ");
      throw new DataError(
        file,
        { line },
        `there is no column "${name}"${near ? `; did you mean "${near}"?` : ""} (the file has: ${shown}); fix the column name in the file or in the manifest`
      );
    }
    return i;
  });
}
var DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
function parseNumberText(text) {
  if (isPlainDigits(text)) return Number(text);
  const t = text.trim();
  if (t === "") return null;
  if (DECIMAL.test(t)) return Number(t);
  const l = t.toLowerCase();
  const unsigned = l[0] === "+" || l[0] === "-" ? l.slice(1) : l;
  if (unsigned === "inf" || unsigned === "infinity") return l[0] === "-" ? -Infinity : Infinity;
  if (unsigned === "nan") return Number.NaN;
  return void 0;
}
function isPlainDigits(text) {
  const n = text.length;
  let i = n > 0 && text.charCodeAt(0) === 45 ? 1 : 0;
  if (i === n || n - i > 15) return false;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
function cellToNumber(v) {
  if (v === null) return null;
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    const n = parseNumberText(v);
    return n === void 0 ? Number.NaN : n;
  }
  if (v instanceof Date) return v.getTime();
  return Number.NaN;
}
function cellToString(v) {
  if (v === null) return null;
  if (typeof v === "string") return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "object") return JSON.stringify(v, (_, x) => typeof x === "bigint" ? x.toString() : x);
  return String(v);
}
function putNumber(v, out, at, bad) {
  if (typeof v === "number") {
    out[at] = v;
    return;
  }
  const n = v === void 0 ? null : cellToNumber(v);
  if (n === null) out[at] = Number.NaN;
  else if (Number.isNaN(n) && !(typeof v === "string" && parseNumberText(v) !== void 0)) {
    out[at] = Number.NaN;
    bad.rows.push(at);
    bad.texts.push(String(cellToString(v)));
  } else out[at] = n;
}

export {
  batchRows,
  MAX_RECORD_BYTES,
  DataError,
  rowPlace,
  selectColumns,
  parseNumberText,
  cellToNumber,
  cellToString,
  putNumber
};
