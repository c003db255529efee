import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  featureDrift
} from "./chunk-OL25SVDW.js";
import {
  PROFILE_DISTINCT_CAP
} from "./chunk-A6WGSW5D.js";

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
  /**
   * A numeric column counted in the bins between `edges`; with `binsOnly`, nothing else of it is counted (no distinct
   * values, sums or range: `result` is not for such a column), for a drift check, whose values are only binned.
   */
  addNumericColumn(name, edges, binsOnly = false) {
    this.numeric.set(name, {
      edges,
      counts: new Array(edges.length + 1).fill(0),
      nulls: 0,
      sum: 0,
      sq: 0,
      min: Infinity,
      max: -Infinity,
      distinct: binsOnly ? void 0 : /* @__PURE__ */ new Set(),
      many: false,
      ...binsOnly ? { binsOnly: true } : {}
    });
  }
  addCategoricalColumn(name) {
    this.categorical.set(name, { counts: /* @__PURE__ */ new Map(), nulls: 0 });
  }
  has(name) {
    return this.numeric.has(name) || this.categorical.has(name);
  }
  /** Its columns and counts, as data: a scan kept in this process (scan.ts) gives them to a counter set up alike. */
  snapshot() {
    return structuredClone({ numeric: [...this.numeric], categorical: [...this.categorical] });
  }
  /** Takes the columns and counts of a snapshot in place of its own. */
  restore(s) {
    const copy = structuredClone(s);
    this.numeric.clear();
    for (const [k, v] of copy.numeric) this.numeric.set(k, v);
    this.categorical.clear();
    for (const [k, v] of copy.categorical) this.categorical.set(k, v);
  }
  addNumber(name, v) {
    const c = this.numeric.get(name);
    if (!c) return;
    if (v === null || Number.isNaN(v)) {
      c.nulls++;
      return;
    }
    c.counts[binOf(c.edges, v)]++;
    if (c.binsOnly) return;
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
  /**
   * addNumber of each value of `values[0, n)` in order, a NaN as null (a numeric column's batch as the readers give it,
   * every cell a number or a null); ±Infinity is left out, as a typed value refuses it. One loop, no call per value.
   */
  addNumbers(name, values, n) {
    const c = this.numeric.get(name);
    if (!c) return;
    if (c.binsOnly) {
      addBins(c, values, n);
      return;
    }
    const { edges, counts } = c;
    let { nulls, sum, sq, min, max, distinct } = c;
    for (let r = 0; r < n; r++) {
      const v = values[r];
      if (v - v !== 0) {
        if (Number.isNaN(v)) nulls++;
        continue;
      }
      let lo = 0;
      let hi = edges.length;
      while (lo < hi) {
        const mid = lo + hi >> 1;
        if (v <= edges[mid]) hi = mid;
        else lo = mid + 1;
      }
      counts[lo]++;
      if (distinct && !distinct.has(v)) {
        distinct.add(v);
        if (distinct.size > PROFILE_DISTINCT_CAP) {
          distinct = void 0;
          c.many = true;
        }
      }
      sum += v;
      sq += v * v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    Object.assign(c, { nulls, sum, sq, min, max, distinct });
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
function addBins(c, values, n) {
  const { edges, counts } = c;
  const last = edges.length;
  let nulls = 0;
  for (let r = 0; r < n; r++) {
    const v = values[r];
    if (v - v !== 0) {
      if (Number.isNaN(v)) nulls++;
      continue;
    }
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (v <= edges[mid]) hi = mid;
      else lo = mid + 1;
    }
    counts[lo]++;
  }
  c.nulls += nulls;
}
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

export {
  Reservoir,
  quantileEdges,
  binOf,
  ProfileCounter,
  profileDrift
};
