import { PROFILE_DISTINCT_CAP } from "../manifest/basics.ts";
import type { Profile } from "../manifest/schema.ts";
import { rng } from "../util/random.ts";
import { type FeatureDrift, featureDrift } from "./drift.ts";

/** Numeric columns are profiled with bins at the sample's deciles; categorical ones with the top values. */
export const PROFILE_BINS = 10;
export const PROFILE_TOP_VALUES = 20;
export const OTHER = "__other__";
const SAMPLE_SIZE = 100_000;

/** A deterministic reservoir sample (Algorithm R), for quantiles of columns of any length. */
export class Reservoir {
  readonly values: number[] = [];
  private seen = 0;
  private readonly random = rng(12345);
  constructor(private readonly size = SAMPLE_SIZE) {}
  add(v: number): void {
    this.seen++;
    if (this.values.length < this.size) this.values.push(v);
    else {
      const j = Math.floor(this.random() * this.seen);
      if (j < this.size) this.values[j] = v;
    }
  }
}

/** Bin edges at the deciles of a sample, without duplicates. */
export function quantileEdges(sample: number[], bins = PROFILE_BINS): number[] {
  if (sample.length === 0) return [];
  const s = Float64Array.from(sample).sort();
  const edges: number[] = [];
  for (let k = 1; k < bins; k++) {
    const v = s[Math.min(s.length - 1, Math.floor((k * s.length) / bins))];
    const rounded = Number(v.toPrecision(6));
    if (edges.length === 0 || rounded > edges[edges.length - 1]) edges.push(rounded);
  }
  return edges;
}

/** The bin of a value: bins are (-inf, e0], (e0, e1], …, (e_last, +inf). */
export function binOf(edges: number[], v: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v <= edges[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A ProfileCounter's columns and counts (snapshot/restore). */
export interface CounterSnapshot {
  numeric: [string, unknown][];
  categorical: [string, unknown][];
}

/** Counts toward a profile: per numeric column, counts per bin; per categorical column, counts per value. */
export class ProfileCounter {
  private readonly numeric = new Map<
    string,
    {
      edges: number[];
      counts: number[];
      nulls: number;
      sum: number;
      sq: number;
      min: number;
      max: number;
      /** Distinct values, kept until there are more than PROFILE_DISTINCT_CAP (then only the count stops). */
      distinct: Set<number> | undefined;
      many: boolean;
      /** Only the bins and nulls are counted (a drift check's column: `binned` is all it reads); no profile of it. */
      binsOnly?: true;
    }
  >();
  private readonly categorical = new Map<string, { counts: Map<string, number>; nulls: number }>();

  /**
   * A numeric column counted in the bins between `edges`; with `binsOnly`, nothing else of it is counted (no distinct
   * values, sums or range: `result` is not for such a column), for a drift check, whose values are only binned.
   */
  addNumericColumn(name: string, edges: number[], binsOnly = false): void {
    this.numeric.set(name, {
      edges,
      counts: new Array(edges.length + 1).fill(0),
      nulls: 0,
      sum: 0,
      sq: 0,
      min: Infinity,
      max: -Infinity,
      distinct: binsOnly ? undefined : new Set(),
      many: false,
      ...(binsOnly ? { binsOnly: true as const } : {}),
    });
  }
  addCategoricalColumn(name: string): void {
    this.categorical.set(name, { counts: new Map(), nulls: 0 });
  }
  has(name: string): boolean {
    return this.numeric.has(name) || this.categorical.has(name);
  }
  /** Its columns and counts, as data: a scan kept in this process (scan.ts) gives them to a counter set up alike. */
  snapshot(): CounterSnapshot {
    return structuredClone({ numeric: [...this.numeric], categorical: [...this.categorical] });
  }
  /** Takes the columns and counts of a snapshot in place of its own. */
  restore(s: CounterSnapshot): void {
    const copy = structuredClone(s);
    this.numeric.clear();
    for (const [k, v] of copy.numeric) this.numeric.set(k, v as never);
    this.categorical.clear();
    for (const [k, v] of copy.categorical) this.categorical.set(k, v as never);
  }
  addNumber(name: string, v: number | null): void {
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
        c.distinct = undefined;
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
  addNumbers(name: string, values: Float64Array, n: number): void {
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
        const mid = (lo + hi) >> 1;
        if (v <= edges[mid]) hi = mid;
        else lo = mid + 1;
      }
      counts[lo]++;
      if (distinct && !distinct.has(v)) {
        distinct.add(v);
        if (distinct.size > PROFILE_DISTINCT_CAP) {
          distinct = undefined;
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
  addValue(name: string, v: string | null): void {
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
  binned(name: string, ref: Profile[string]): { reference: number[]; actual: number[]; ordered: boolean } | undefined {
    const num = this.numeric.get(name);
    if (ref.kind === "numeric") {
      if (!num || num.counts.length !== ref.fractions.length) return undefined;
      return { reference: ref.fractions, actual: num.counts, ordered: true };
    }
    const cat = this.categorical.get(name);
    if (!cat) return undefined;
    const keys = Object.keys(ref.fractions)
      .filter((k) => k !== OTHER)
      .sort();
    const known = new Set(keys);
    let other = 0;
    for (const [k, v] of cat.counts) if (!known.has(k)) other += v;
    const withOther = other > 0 || OTHER in ref.fractions;
    return {
      reference: [...keys.map((k) => ref.fractions[k]), ...(withOther ? [ref.fractions[OTHER] ?? 0] : [])],
      actual: [...keys.map((k) => cat.counts.get(k) ?? 0), ...(withOther ? [other] : [])],
      ordered: false,
    };
  }

  /** The profile; categorical values beyond the top ones are pooled as __other__ (or against `keep`). */
  result(keep?: Profile): Profile {
    const out: Profile = {};
    const r6 = (x: number) => Number(x.toFixed(6));
    for (const [name, c] of this.numeric) {
      const n = c.counts.reduce((a, b) => a + b, 0);
      const total = n + c.nulls;
      const mean = n ? c.sum / n : 0;
      out[name] = {
        kind: "numeric",
        edges: c.edges,
        fractions: c.counts.map((k) => (n ? r6(k / n) : 0)),
        nullFraction: total ? r6(c.nulls / total) : 0,
        count: n,
        distinct: c.many ? PROFILE_DISTINCT_CAP + 1 : (c.distinct?.size ?? 0),
        ...(n
          ? { mean: r6(mean), std: r6(Math.sqrt(Math.max(c.sq / n - mean * mean, 0))), min: c.min, max: c.max }
          : {}),
      };
    }
    for (const [name, c] of this.categorical) {
      const n = [...c.counts.values()].reduce((a, b) => a + b, 0);
      const total = n + c.nulls;
      const prior = keep?.[name];
      const kept =
        prior?.kind === "categorical"
          ? new Set(Object.keys(prior.fractions).filter((k) => k !== OTHER))
          : new Set(
              [...c.counts.entries()]
                .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
                .slice(0, PROFILE_TOP_VALUES)
                .map(([k]) => k),
            );
      const fractions: Record<string, number> = {};
      let other = 0;
      for (const k of [...kept].sort()) fractions[k] = n ? r6((c.counts.get(k) ?? 0) / n) : 0;
      for (const [k, v] of c.counts) if (!kept.has(k)) other += v;
      if (other > 0 || prior?.kind === "categorical") fractions[OTHER] = n ? r6(other / n) : 0;
      out[name] = {
        kind: "categorical",
        fractions,
        nullFraction: total ? r6(c.nulls / total) : 0,
        count: n,
        distinct: Math.min(c.counts.size, PROFILE_DISTINCT_CAP + 1),
      };
    }
    return out;
  }
}

/** addNumbers of a bins-only column: each value's bin counted (a NaN as a null, ±Infinity left out), nothing else. */
function addBins(c: { edges: number[]; counts: number[]; nulls: number }, values: Float64Array, n: number): void {
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
      const mid = (lo + hi) >> 1;
      if (v <= edges[mid]) hi = mid;
      else lo = mid + 1;
    }
    counts[lo]++;
  }
  c.nulls += nulls;
}

/**
 * Drift of each counted column against a reference profile (see drift.ts): PSI on bins merged to hold enough rows,
 * and the chi-square test on the same bins. `referenceRows` is the reference dataset's row count (spec.rows), when
 * known. A column with too few rows to judge maps to null.
 */
export function profileDrift(
  reference: Profile,
  referenceRows: number | undefined,
  counter: ProfileCounter,
): Record<string, FeatureDrift | null> {
  const out: Record<string, FeatureDrift | null> = {};
  for (const [name, ref] of Object.entries(reference)) {
    if (!counter.has(name)) continue;
    const b = counter.binned(name, ref);
    if (!b) continue;
    const n = referenceRows !== undefined ? referenceRows * (1 - ref.nullFraction) : undefined;
    out[name] = featureDrift(b.reference, n, b.actual, b.ordered) ?? null;
  }
  return out;
}
