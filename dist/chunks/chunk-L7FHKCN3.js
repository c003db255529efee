import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  cellToNumber,
  cellToString,
  readBatches
} from "./chunk-I6F5CAWS.js";

// src/util/random.ts
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}

// src/data/profile.ts
var PROFILE_BINS = 10;
var PROFILE_TOP_VALUES = 20;
var OTHER = "__other__";
var SAMPLE_SIZE = 1e5;
var EPS = 1e-4;
var Reservoir = class {
  constructor(size = SAMPLE_SIZE) {
    this.size = size;
  }
  size;
  values = [];
  seen = 0;
  random = rng(12345);
  add(v) {
    this.seen++;
    if (this.values.length < this.size) this.values.push(v);
    else {
      const j = Math.floor(this.random() * this.seen);
      if (j < this.size) this.values[j] = v;
    }
  }
};
function quantileEdges(sample, bins = PROFILE_BINS) {
  if (sample.length === 0) return [];
  const s = Float64Array.from(sample).sort();
  const edges = [];
  for (let k = 1; k < bins; k++) {
    const v = s[Math.min(s.length - 1, Math.floor(k * s.length / bins))];
    const rounded = Number(v.toPrecision(6));
    if (edges.length === 0 || rounded > edges[edges.length - 1]) edges.push(rounded);
  }
  return edges;
}
function binOf(edges, v) {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (v <= edges[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
var ProfileCounter = class {
  numeric = /* @__PURE__ */ new Map();
  categorical = /* @__PURE__ */ new Map();
  addNumericColumn(name, edges) {
    this.numeric.set(name, {
      edges,
      counts: new Array(edges.length + 1).fill(0),
      nulls: 0,
      sum: 0,
      sq: 0,
      min: Infinity,
      max: -Infinity
    });
  }
  addCategoricalColumn(name) {
    this.categorical.set(name, { counts: /* @__PURE__ */ new Map(), nulls: 0 });
  }
  has(name) {
    return this.numeric.has(name) || this.categorical.has(name);
  }
  addNumber(name, v) {
    const c = this.numeric.get(name);
    if (!c) return;
    if (v === null || Number.isNaN(v)) {
      c.nulls++;
      return;
    }
    c.counts[binOf(c.edges, v)]++;
    c.sum += v;
    c.sq += v * v;
    if (v < c.min) c.min = v;
    if (v > c.max) c.max = v;
  }
  addValue(name, v) {
    const c = this.categorical.get(name);
    if (!c) return;
    if (v === null) c.nulls++;
    else c.counts.set(v, (c.counts.get(v) ?? 0) + 1);
  }
  /** The profile; categorical values beyond the top ones are pooled as __other__ (or against `keep`). */
  result(keep) {
    const out = {};
    const r6 = (x) => Number(x.toFixed(6));
    for (const [name, c] of this.numeric) {
      const n = c.counts.reduce((a, b) => a + b, 0);
      const total = n + c.nulls;
      const mean = n ? c.sum / n : 0;
      out[name] = {
        kind: "numeric",
        edges: c.edges,
        fractions: c.counts.map((k) => n ? r6(k / n) : 0),
        nullFraction: total ? r6(c.nulls / total) : 0,
        ...n ? { mean: r6(mean), std: r6(Math.sqrt(Math.max(c.sq / n - mean * mean, 0))), min: c.min, max: c.max } : {}
      };
    }
    for (const [name, c] of this.categorical) {
      const n = [...c.counts.values()].reduce((a, b) => a + b, 0);
      const total = n + c.nulls;
      const prior = keep?.[name];
      const kept = prior?.kind === "categorical" ? new Set(Object.keys(prior.fractions).filter((k) => k !== OTHER)) : new Set(
        [...c.counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, PROFILE_TOP_VALUES).map(([k]) => k)
      );
      const fractions = {};
      let other = 0;
      for (const k of [...kept].sort()) fractions[k] = n ? r6((c.counts.get(k) ?? 0) / n) : 0;
      for (const [k, v] of c.counts) if (!kept.has(k)) other += v;
      if (other > 0 || prior?.kind === "categorical") fractions[OTHER] = n ? r6(other / n) : 0;
      out[name] = { kind: "categorical", fractions, nullFraction: total ? r6(c.nulls / total) : 0 };
    }
    return out;
  }
};
function psi(expected, actual) {
  let s = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = Math.max(expected[i], EPS);
    const a = Math.max(actual[i] ?? 0, EPS);
    s += (a - e) * Math.log(a / e);
  }
  return s;
}
function profilePsi(reference, actual) {
  const out = {};
  for (const [name, ref] of Object.entries(reference)) {
    const act = actual[name];
    if (!act || act.kind !== ref.kind) continue;
    if (ref.kind === "numeric" && act.kind === "numeric") out[name] = psi(ref.fractions, act.fractions);
    else if (ref.kind === "categorical" && act.kind === "categorical") {
      const keys = [.../* @__PURE__ */ new Set([...Object.keys(ref.fractions), ...Object.keys(act.fractions)])].sort();
      out[name] = psi(
        keys.map((k) => ref.fractions[k] ?? 0),
        keys.map((k) => act.fractions[k] ?? 0)
      );
    }
  }
  return out;
}

// src/data/scan.ts
import { createHash } from "node:crypto";
var DISTINCT_CAP = 1e3;
function note(p, row, example) {
  const out = p ?? { count: 0, firstRow: row, examples: [] };
  out.count++;
  if (out.examples.length < 3 && !out.examples.includes(example)) out.examples.push(example);
  return out;
}
function typedValue(col, cell) {
  if (cell === null) return null;
  switch (col.type) {
    case "float": {
      if (typeof cell === "string" && /^\s*nan\s*$/i.test(cell)) return null;
      const n = cellToNumber(cell);
      if (n === null) return null;
      return Number.isNaN(n) ? typeof cell === "number" ? null : void 0 : n;
    }
    case "integer": {
      const n = cellToNumber(cell);
      if (n === null) return null;
      return Number.isInteger(n) ? n : void 0;
    }
    case "boolean": {
      if (typeof cell === "boolean") return cell;
      const s = cellToString(cell)?.trim().toLowerCase();
      if (s === "true" || s === "1") return true;
      if (s === "false" || s === "0") return false;
      return void 0;
    }
    default:
      return cellToString(cell);
  }
}
async function scanDataset(path, dataset, opts = {}) {
  const spec = dataset.spec;
  const declared = spec.columns;
  const stats = /* @__PURE__ */ new Map();
  for (const c of declared) stats.set(c.name, { nulls: 0, distinct: /* @__PURE__ */ new Set(), distinctOverflow: false });
  const seenUnique = /* @__PURE__ */ new Map();
  for (const c of declared) if (c.unique) seenUnique.set(c.name, /* @__PURE__ */ new Set());
  const uniqueBy = spec.checks?.uniqueBy;
  const seenBy = /* @__PURE__ */ new Set();
  const samples = /* @__PURE__ */ new Map();
  for (const name of opts.sampleColumns ?? []) samples.set(name, new Reservoir());
  const rowHashes = opts.hashColumns ? /* @__PURE__ */ new Set() : void 0;
  const result = {
    rows: 0,
    header: [],
    stats,
    rowHashes,
    samples: opts.sampleColumns ? samples : void 0
  };
  for await (const batch of readBatches(path, { format: spec.format, displayName: opts.displayName })) {
    if (result.header.length === 0) result.header = batch.columns;
    const idx = new Map(batch.columns.map((n, i) => [n, i]));
    for (const col of declared) {
      const ci = idx.get(col.name);
      if (ci === void 0) continue;
      const s = stats.get(col.name);
      const cells = batch.data[ci];
      const uniq = seenUnique.get(col.name);
      const sample = samples.get(col.name);
      const allowed = col.values ? new Set(col.values.map(String)) : void 0;
      const profiled = opts.counter?.has(col.name);
      for (let r = 0; r < batch.length; r++) {
        const row = batch.offset + r + 1;
        const cell = cells[r];
        const v = typedValue(col, cell);
        if (v === void 0) {
          s.typeErrors = note(s.typeErrors, row, String(cellToString(cell)));
          continue;
        }
        if (v === null) {
          s.nulls++;
          if (profiled)
            col.type === "float" || col.type === "integer" ? opts.counter.addNumber(col.name, null) : opts.counter.addValue(col.name, null);
          continue;
        }
        const key = String(v);
        if (typeof v === "number") {
          if (col.min !== void 0 && v < col.min) s.belowMin = note(s.belowMin, row, key);
          if (col.max !== void 0 && v > col.max) s.aboveMax = note(s.aboveMax, row, key);
          sample?.add(v);
          if (profiled) opts.counter.addNumber(col.name, v);
        } else if (profiled) opts.counter.addValue(col.name, key);
        if (allowed && !allowed.has(key)) s.notAllowed = note(s.notAllowed, row, key);
        if (uniq) {
          if (uniq.has(key)) s.duplicates = note(s.duplicates, row, key);
          else uniq.add(key);
        }
        if (!s.distinctOverflow) {
          s.distinct.add(key);
          if (s.distinct.size > DISTINCT_CAP) s.distinctOverflow = true;
        }
      }
    }
    if (uniqueBy || rowHashes) {
      const byIdx = uniqueBy?.map((n) => idx.get(n)).filter((i) => i !== void 0);
      const hashIdx = opts.hashColumns?.map((n) => idx.get(n) ?? -1);
      for (let r = 0; r < batch.length; r++) {
        if (byIdx && byIdx.length === uniqueBy.length) {
          const key = JSON.stringify(byIdx.map((i) => cellToString(batch.data[i][r])));
          if (seenBy.has(key)) result.uniqueByDuplicates = note(result.uniqueByDuplicates, batch.offset + r + 1, key);
          else seenBy.add(key);
        }
        if (rowHashes && hashIdx) {
          const h = createHash("sha1");
          for (const i of hashIdx) h.update(i < 0 ? "\0" : `${normalizeForHash(batch.data[i][r])}`);
          rowHashes.add(h.digest("hex").slice(0, 20));
        }
      }
    }
    result.rows += batch.length;
    opts.onRows?.(batch.length);
  }
  return result;
}
function normalizeForHash(cell) {
  if (cell === null) return "";
  const n = typeof cell === "string" && cell.trim() !== "" ? Number(cell) : typeof cell === "number" ? cell : Number.NaN;
  if (!Number.isNaN(n)) return String(n);
  return String(cellToString(cell));
}

export {
  quantileEdges,
  ProfileCounter,
  profilePsi,
  scanDataset
};
