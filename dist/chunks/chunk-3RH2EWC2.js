import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  DataError,
  cellToNumber,
  cellToString,
  rowPlace
} from "./chunk-6UXFBPQ7.js";

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

export {
  keyOf,
  bucketKey,
  newCodes,
  prepareBatch
};
