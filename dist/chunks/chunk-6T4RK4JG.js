import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  formatOf,
  readBatches,
  readColumns
} from "./chunk-AQ6NVH64.js";
import {
  cellToNumber,
  cellToString,
  parseNumberText
} from "./chunk-IVKPBSHK.js";
import {
  PROFILE_DISTINCT_CAP,
  contentName,
  parseLocation
} from "./chunk-W4OLKDEP.js";

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

// src/data/drift.ts
var MIN_EXPECTED = 5;
var DRIFT_ALPHA = 1e-3;
var EPS = 1e-4;
function featureDrift(reference, referenceRows, actual, ordered) {
  const m = actual.reduce((a, b) => a + b, 0);
  const sumRef = reference.reduce((a, b) => a + b, 0);
  const e = reference.map((f) => sumRef > 0 ? f / sumRef : 0);
  const n = referenceRows;
  if (m === 0) return void 0;
  const refCounts = n !== void 0 ? e.map((f) => f * n) : void 0;
  const expected = e.map(
    (f, j) => refCounts && n !== void 0 ? Math.min(n, m) * (refCounts[j] + actual[j]) / (n + m) : m * f
  );
  const groups = ordered ? mergeOrdered(expected) : mergeUnordered(expected);
  if (groups.length < 2) return void 0;
  const sum = (xs, g) => g.reduce((a, j) => a + xs[j], 0);
  const ge = groups.map((g) => sum(e, g));
  const ga = groups.map((g) => sum(actual, g));
  let psi = 0;
  for (let k = 0; k < groups.length; k++) {
    const ef = Math.max(ge[k], EPS);
    const af = Math.max(ga[k] / m, EPS);
    psi += (af - ef) * Math.log(af / ef);
  }
  let x2 = 0;
  if (refCounts && n !== void 0) {
    const gr = groups.map((g) => sum(refCounts, g));
    const t = n + m;
    for (let k = 0; k < groups.length; k++) {
      const c = gr[k] + ga[k];
      if (c === 0) continue;
      const er = n * c / t;
      const ea = m * c / t;
      x2 += (gr[k] - er) ** 2 / er + (ga[k] - ea) ** 2 / ea;
    }
  } else {
    for (let k = 0; k < groups.length; k++) {
      const ea = m * ge[k];
      if (ea > 0) x2 += (ga[k] - ea) ** 2 / ea;
      else if (ga[k] > 0) x2 = Number.POSITIVE_INFINITY;
    }
  }
  return {
    psi,
    p: chiSquareSurvival(x2, groups.length - 1),
    bins: groups.length,
    profileBins: reference.length,
    rows: { ...n !== void 0 ? { reference: Math.round(n) } : {}, actual: m }
  };
}
function driftLevel(d, limits, features) {
  if (d.p >= DRIFT_ALPHA / Math.max(1, features)) return "ok";
  if (d.psi >= limits.psiFail) return "fail";
  if (d.psi >= limits.psiWarn) return "warn";
  return "ok";
}
function mergeOrdered(expected) {
  const groups = [];
  let cur = [];
  let acc = 0;
  for (let j = 0; j < expected.length; j++) {
    cur.push(j);
    acc += expected[j];
    if (acc >= MIN_EXPECTED) {
      groups.push(cur);
      cur = [];
      acc = 0;
    }
  }
  if (cur.length > 0) {
    if (groups.length > 0) groups[groups.length - 1].push(...cur);
    else groups.push(cur);
  }
  return groups;
}
function mergeUnordered(expected) {
  const order = expected.map((_, j) => j).sort((a, b) => expected[a] - expected[b] || a - b);
  const pool = [];
  let acc = 0;
  let k = 0;
  while (k < order.length && expected[order[k]] < MIN_EXPECTED) {
    pool.push(order[k]);
    acc += expected[order[k]];
    k++;
  }
  while (pool.length > 0 && acc < MIN_EXPECTED && k < order.length) {
    pool.push(order[k]);
    acc += expected[order[k]];
    k++;
  }
  const groups = order.slice(k).map((j) => [j]);
  if (pool.length > 0) {
    if (acc >= MIN_EXPECTED || groups.length === 0) groups.push(pool);
    else groups[groups.length - 1].push(...pool);
  }
  return groups.sort((a, b) => Math.min(...a) - Math.min(...b));
}
function chiSquareSurvival(x, df) {
  if (!(x > 0)) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  return gammaQ(df / 2, x / 2);
}
function logGamma(z) {
  const c = [
    0.9999999999998099,
    676.5203681218851,
    -1259.1392167224028,
    771.3234287776531,
    -176.6150291621406,
    12.507343278686905,
    -0.13857109526572012,
    9984369578019572e-21,
    15056327351493116e-23
  ];
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const w = z - 1;
  let a = c[0];
  const t = w + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (w + i);
  return 0.5 * Math.log(2 * Math.PI) + (w + 0.5) * Math.log(t) - t + Math.log(a);
}
function gammaQ(a, x) {
  const lg = logGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 1e3; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return Math.max(0, 1 - sum * Math.exp(-x + a * Math.log(x) - lg));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1e3; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return Math.exp(-x + a * Math.log(x) - lg) * h;
}

// src/data/profile.ts
var PROFILE_BINS = 10;
var PROFILE_TOP_VALUES = 20;
var OTHER = "__other__";
var SAMPLE_SIZE = 1e5;
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
      max: -Infinity,
      distinct: /* @__PURE__ */ new Set(),
      many: false
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
    if (c.distinct && !c.distinct.has(v)) {
      c.distinct.add(v);
      if (c.distinct.size > PROFILE_DISTINCT_CAP) {
        c.distinct = void 0;
        c.many = true;
      }
    }
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
  /**
   * A column's counts in the bins of a reference profile entry, with the reference's fractions in the same order:
   * numeric columns in the reference's bins (the edges it was added with); categorical ones by the reference's values,
   * any other value under __other__ (a bin the reference may not have: fraction 0). Undefined when the kinds differ.
   */
  binned(name, ref) {
    const num = this.numeric.get(name);
    if (ref.kind === "numeric") {
      if (!num || num.counts.length !== ref.fractions.length) return void 0;
      return { reference: ref.fractions, actual: num.counts, ordered: true };
    }
    const cat = this.categorical.get(name);
    if (!cat) return void 0;
    const keys = Object.keys(ref.fractions).filter((k) => k !== OTHER).sort();
    const known = new Set(keys);
    let other = 0;
    for (const [k, v] of cat.counts) if (!known.has(k)) other += v;
    const withOther = other > 0 || OTHER in ref.fractions;
    return {
      reference: [...keys.map((k) => ref.fractions[k]), ...withOther ? [ref.fractions[OTHER] ?? 0] : []],
      actual: [...keys.map((k) => cat.counts.get(k) ?? 0), ...withOther ? [other] : []],
      ordered: false
    };
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
        count: n,
        distinct: c.many ? PROFILE_DISTINCT_CAP + 1 : c.distinct?.size ?? 0,
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
      out[name] = {
        kind: "categorical",
        fractions,
        nullFraction: total ? r6(c.nulls / total) : 0,
        count: n,
        distinct: Math.min(c.counts.size, PROFILE_DISTINCT_CAP + 1)
      };
    }
    return out;
  }
};
function profileDrift(reference, referenceRows, counter) {
  const out = {};
  for (const [name, ref] of Object.entries(reference)) {
    if (!counter.has(name)) continue;
    const b = counter.binned(name, ref);
    if (!b) continue;
    const n = referenceRows !== void 0 ? referenceRows * (1 - ref.nullFraction) : void 0;
    out[name] = featureDrift(b.reference, n, b.actual, b.ordered) ?? null;
  }
  return out;
}

// src/data/scan.ts
import * as crypto from "node:crypto";
var DISTINCT_CAP = 1e3;
function note(p, row, example, line) {
  const out = p ?? { count: 0, firstRow: row, ...line ? { firstLine: line } : {}, examples: [] };
  out.count++;
  if (out.examples.length < 3 && !out.examples.includes(example)) out.examples.push(example);
  return out;
}
function fanOut(counters) {
  return {
    addNumber: (name, v) => {
      for (const k of counters) k.addNumber(name, v);
    },
    addValue: (name, v) => {
      for (const k of counters) k.addValue(name, v);
    }
  };
}
function noteAt(p, b, r, example) {
  return note(p, b.offset + r + 1, example, b.lines?.[r]);
}
function typedValue(col, cell) {
  if (cell === null) return null;
  switch (col.type) {
    case "float": {
      const n = typeof cell === "string" ? parseNumberText(cell) : cellToNumber(cell);
      if (n === null || n === void 0) return n;
      if (Number.isNaN(n)) return typeof cell === "string" || typeof cell === "number" ? null : void 0;
      return Number.isFinite(n) ? n : void 0;
    }
    case "integer": {
      const n = typeof cell === "string" ? parseNumberText(cell) : cellToNumber(cell);
      if (n === null) return null;
      return n !== void 0 && Number.isInteger(n) ? n : void 0;
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
function keyOf(v, cell) {
  if (typeof v !== "number" || Number.isSafeInteger(v) || !Number.isInteger(v)) return String(v);
  if (typeof cell === "bigint") return cell.toString();
  if (typeof cell === "string") {
    const m = /^\s*([+-]?\d+)(?:\.0*)?\s*$/.exec(cell);
    if (m) return BigInt(m[1]).toString();
  }
  return String(v);
}
function cellAt(b, c, r, bad) {
  const nums = b.numeric?.[c];
  if (!nums) return b.data[c][r];
  const v = nums[r];
  if (!Number.isNaN(v)) return v;
  return bad[c]?.get(r) ?? null;
}
async function scanDataset(path, dataset, opts = {}) {
  const spec = dataset.spec;
  const declared = spec.columns;
  const stats = /* @__PURE__ */ new Map();
  for (const c of declared)
    stats.set(c.name, { nulls: 0, distinct: /* @__PURE__ */ new Set(), counts: /* @__PURE__ */ new Map(), distinctOverflow: false });
  const seenUnique = /* @__PURE__ */ new Map();
  for (const c of declared) if (c.unique) seenUnique.set(c.name, /* @__PURE__ */ new Set());
  const uniqueBy = spec.checks?.uniqueBy;
  const seenBy = /* @__PURE__ */ new Set();
  const samples = /* @__PURE__ */ new Map();
  for (const name of opts.sampleColumns ?? []) samples.set(name, new Reservoir());
  const rowHashes = opts.hashColumns ? /* @__PURE__ */ new Set() : void 0;
  const counters = [...opts.counter ? [opts.counter] : [], ...opts.counters ?? []];
  const countOnly = opts.countOnly === true && counters.length > 0;
  const result = {
    rows: 0,
    header: [],
    stats,
    rowHashes,
    samples: opts.sampleColumns ? samples : void 0
  };
  const numeric = declared.filter((c) => c.type === "float").map((c) => c.name);
  const format = spec.format ?? (parseLocation(spec.path).kind !== "file" ? formatOf(contentName(spec.path)) : void 0);
  const read = { format, displayName: opts.displayName, delimiter: spec.csv?.delimiter };
  let columns;
  if (countOnly) {
    result.header = await readColumns(path, read);
    const inFile = new Set(result.header);
    columns = declared.filter((c) => counters.some((k) => k.has(c.name)) && inFile.has(c.name)).map((c) => c.name);
  }
  const only = columns && numeric.filter((n) => columns.includes(n));
  for await (const batch of readBatches(path, { ...read, columns, numeric: only ?? numeric, verify: opts.verify })) {
    if (result.header.length === 0 && !countOnly) result.header = batch.columns;
    const idx = new Map(batch.columns.map((n, i) => [n, i]));
    const bad = (batch.notNumbers ?? []).map((x) => x ? new Map(x.rows.map((r, i) => [r, x.texts[i]])) : void 0);
    for (const col of declared) {
      const ci = idx.get(col.name);
      if (ci === void 0) continue;
      if (countOnly && !counters.some((k) => k.has(col.name))) continue;
      const s = stats.get(col.name);
      const uniq = seenUnique.get(col.name);
      const sample = samples.get(col.name);
      const allowed = col.values ? new Set(col.values.map(String)) : void 0;
      const counting = counters.filter((k) => k.has(col.name));
      const expectedMin = col.expected?.min;
      const expectedMax = col.expected?.max;
      const counter = counting.length <= 1 ? counting[0] : fanOut(counting);
      const numericType = col.type === "float" || col.type === "integer";
      const { min, max } = col;
      for (let r = 0; r < batch.length; r++) {
        const cell = cellAt(batch, ci, r, bad);
        const v = typedValue(col, cell);
        if (v === void 0) {
          s.typeErrors = note(s.typeErrors, batch.offset + r + 1, String(cellToString(cell)), batch.lines?.[r]);
          continue;
        }
        if (v === null) {
          s.nulls++;
          if (numericType) counter?.addNumber(col.name, null);
          else counter?.addValue(col.name, null);
          continue;
        }
        if (typeof v === "number") {
          counter?.addNumber(col.name, v);
          if (countOnly) continue;
          if (min !== void 0 && v < min) s.belowMin = noteAt(s.belowMin, batch, r, keyOf(v, cell));
          if (max !== void 0 && v > max) s.aboveMax = noteAt(s.aboveMax, batch, r, keyOf(v, cell));
          if (expectedMin !== void 0 && v < expectedMin)
            s.belowExpected = noteAt(s.belowExpected, batch, r, keyOf(v, cell));
          if (expectedMax !== void 0 && v > expectedMax)
            s.aboveExpected = noteAt(s.aboveExpected, batch, r, keyOf(v, cell));
          sample?.add(v);
          if (!allowed && !uniq && s.distinctOverflow) continue;
        } else if (countOnly) {
          counter?.addValue(col.name, keyOf(v, cell));
          continue;
        }
        const key = keyOf(v, cell);
        if (typeof v !== "number") counter?.addValue(col.name, key);
        if (allowed && !allowed.has(key)) s.notAllowed = noteAt(s.notAllowed, batch, r, key);
        if (uniq) {
          if (uniq.has(key)) s.duplicates = noteAt(s.duplicates, batch, r, key);
          else uniq.add(key);
        }
        if (!s.distinctOverflow) {
          s.distinct.add(key);
          s.counts.set(key, (s.counts.get(key) ?? 0) + 1);
          if (s.distinct.size > DISTINCT_CAP) s.distinctOverflow = true;
        }
      }
    }
    if (!countOnly && (uniqueBy || rowHashes)) {
      const byIdx = uniqueBy?.map((n) => idx.get(n)).filter((i) => i !== void 0);
      const hashIdx = opts.hashColumns?.map((n) => idx.get(n) ?? -1);
      for (let r = 0; r < batch.length; r++) {
        if (byIdx && byIdx.length === uniqueBy.length) {
          const key = JSON.stringify(byIdx.map((i) => cellToString(cellAt(batch, i, r, bad))));
          if (seenBy.has(key))
            result.uniqueByDuplicates = note(result.uniqueByDuplicates, batch.offset + r + 1, key, batch.lines?.[r]);
          else seenBy.add(key);
        }
        if (rowHashes && hashIdx) {
          let text = "";
          for (const i of hashIdx) text += i < 0 ? "\0" : `${normalizeForHash(cellAt(batch, i, r, bad))}`;
          rowHashes.add(sha1Hex(text).slice(0, 20));
        }
      }
    }
    result.rows += batch.length;
    opts.onRows?.(batch.length);
  }
  if (result.header.length === 0) result.header = await readColumns(path, read);
  return result;
}
var sha1Hex = typeof crypto.hash === "function" ? (text) => crypto.hash("sha1", text, "hex") : (text) => crypto.createHash("sha1").update(text).digest("hex");
function normalizeForHash(cell) {
  if (cell === null) return "";
  const n = typeof cell === "string" ? parseNumberText(cell) : typeof cell === "number" ? cell : void 0;
  if (typeof n === "number" && !Number.isNaN(n)) return String(n);
  return String(cellToString(cell));
}

export {
  DRIFT_ALPHA,
  driftLevel,
  chiSquareSurvival,
  Reservoir,
  quantileEdges,
  binOf,
  ProfileCounter,
  profileDrift,
  typedValue,
  scanDataset
};
