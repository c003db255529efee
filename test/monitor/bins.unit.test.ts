/**
 * A window's numeric bins (issue #23's speed at 10M rows): the WebAssembly SIMD counter (src/monitor/bin-simd.ts) and
 * the Tallier that uses it give the very counts, nulls and distinct values of the walk they replace
 * (`while (j < k && v > e[j]) j++`), on random values, on the edges themselves, ±0, NaN, ±Infinity and the extremes.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { binCounter, SIMD_MAX_EDGES } from "../../src/monitor/bin-simd.ts";
import type { NumericReference } from "../../src/monitor/drift.ts";
import { Tallier, WindowAccumulator, type WindowRows } from "../../src/monitor/window.ts";
import { rng } from "../../src/util/random.ts";

const SPECIAL = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  0,
  -0,
  1,
  -1,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
];

/** The walk: each finite value's bin, nulls (NaN, ±Infinity) apart. */
function walk(xs: Float64Array, e: ArrayLike<number>) {
  const counts = new Array(e.length + 1).fill(0);
  let nulls = 0;
  for (const v of xs) {
    if (v - v !== 0) {
      nulls++;
      continue;
    }
    let j = 0;
    while (j < e.length && v > e[j]) j++;
    counts[j]++;
  }
  return { counts, nulls };
}

/** Ascending finite edges (some repeated, some special) and values on them, near them, special or anywhere. */
function sample(r: () => number, k: number, n: number) {
  const pick = <T>(a: ArrayLike<T>) => a[Math.floor(r() * a.length)];
  const edges = Float64Array.from({ length: k }, () =>
    r() < 0.2 ? pick(SPECIAL.filter(Number.isFinite)) : Math.round((r() * 4 - 2) * 100) / 100,
  ).sort();
  const xs = Float64Array.from({ length: n }, () => {
    const u = r();
    if (u < 0.05) return pick(SPECIAL);
    if (u < 0.3) return pick(edges);
    if (u < 0.35) return pick(edges) + (r() < 0.5 ? -1e-12 : 1e-12);
    return Math.round((r() * 5 - 2.5) * 100) / 100;
  });
  return { edges, xs };
}

test("the SIMD counter gives the walk's counts and nulls: 1 to 16 edges, odd and even lengths, longer than a chunk", (t) => {
  const count = binCounter();
  if (!count) return t.skip("no WebAssembly SIMD here");
  const r = rng(11);
  for (let trial = 0; trial < 400; trial++) {
    const k = 1 + (trial % SIMD_MAX_EDGES);
    const n = trial % 50 === 0 ? 20_001 : Math.floor(r() * 600);
    const { edges, xs } = sample(r, k, n);
    const counts = new Float64Array(k + 1);
    const nulls: number = count(xs, n, edges, counts);
    const want = walk(xs, edges);
    assert.deepEqual(Array.from(counts), want.counts, `trial ${trial}: edges ${Array.from(edges)}`);
    assert.equal(nulls, want.nulls, `trial ${trial}`);
  }
});

test("a Tallier counts every numeric column as the walk does, whichever way it bins it", () => {
  const r = rng(5);
  const n = 3001;
  // deciles (SIMD), 20 edges (the lookup table), unsorted edges (the walk), one edge
  const edgeSets = [sample(r, 9, 0).edges, sample(r, 20, 0).edges, Float64Array.of(0.5, -1, 2), Float64Array.of(0)];
  const refs: NumericReference[] = edgeSets.map((e) => ({
    kind: "numeric",
    edges: Array.from(e),
    fractions: new Array(e.length + 1).fill(1 / (e.length + 1)),
    rows: 5000,
  }));
  const columns = refs.map((ref, i) => ({ name: `c${i}`, ref }));
  const values = edgeSets.map((e) => sample(r, e.length, n).xs.map((v, i) => (i < 3 ? 7 : v)));
  // a column of few values: its distinct count is exact
  values[3] = Float64Array.from({ length: n }, (_, i) => [0, 1, -0, Number.NaN][i % 4]);
  const rows: WindowRows = {
    length: n,
    version: new Int32Array(n),
    numeric: new Map(values.map((v, i) => [`c${i}`, v])),
    text: new Map(),
    preds: new Float64Array(n),
    scored: new Uint8Array(n),
    label: new Array(n).fill(null),
  };
  const tally = new Tallier({ columns, width: 1, slices: [], versions: 1 }).tally(rows);
  values.forEach((xs, i) => {
    const c = tally.columns[i];
    assert.equal(c.kind, "numeric");
    if (c.kind !== "numeric") return;
    const want = walk(xs, refs[i].edges);
    assert.deepEqual(Array.from(c.counts), want.counts, `column ${i}`);
    assert.equal(c.nulls, want.nulls, `column ${i}`);
    const distinct = new Set(Array.from(xs).filter(Number.isFinite));
    assert.equal(c.seen.length, Math.min(distinct.size, 6), `column ${i}: distinct values up to FEW + 1`);
  });
});

test("a Tallier numbers a batch's labels in the order first met, one-character ones by their character too", () => {
  const r = rng(3);
  const pool = ["1", "0", "yes", "é", null, "10", " ", "1.0"];
  const n = 5000;
  const label = Array.from({ length: n }, () => pool[Math.floor(r() * (r() < 0.9 ? 2 : pool.length))]);
  const rows: WindowRows = {
    length: n,
    version: new Int32Array(n),
    numeric: new Map(),
    text: new Map(),
    preds: new Float64Array(n),
    scored: new Uint8Array(n),
    label,
  };
  const tally = new Tallier({ columns: [], width: 1, slices: [], versions: 1 }).tally(rows);
  const keys: string[] = [];
  const codes = label.map((l) => {
    if (l === null) return -1;
    if (!keys.includes(l)) keys.push(l);
    return keys.indexOf(l);
  });
  assert.deepEqual(tally.labelKeys, keys);
  assert.deepEqual(Array.from(tally.labelCodes), codes);
});

test("the prediction counted at the summary, its reference given then, is the prediction counted batch by batch", () => {
  const r = rng(11);
  const batch = (n: number, preds: Float64Array): WindowRows => ({
    length: n,
    version: new Int32Array(n),
    numeric: new Map(),
    text: new Map(),
    preds,
    scored: new Uint8Array(n),
    label: new Array(n).fill("1"),
  });
  const { edges, xs } = sample(r, 9, 7000);
  const numeric: NumericReference = {
    kind: "numeric",
    edges: Array.from(edges),
    fractions: new Array(10).fill(0.1),
    rows: 5000,
  };
  const classes = ["a", "b", "c"];
  const probs = Float64Array.from({ length: 7000 * 3 }, (_, i) => (i % 97 === 0 ? Number.NaN : r()));
  const cases = [
    { width: 1, ref: numeric, preds: xs },
    {
      width: 3,
      ref: { kind: "categorical", fractions: { a: 0.3, b: 0.3, c: 0.4 }, rows: 5000 } as const,
      preds: probs,
    },
  ];
  for (const { width, ref, preds } of cases) {
    const spec = { columns: [], width, slices: [], versions: 1, ...(width > 1 ? { classes } : {}) };
    const early = new WindowAccumulator({ ...spec, prediction: ref });
    const late = new WindowAccumulator(spec);
    // batches of uneven sizes, as the feed cuts them
    for (let at = 0, k = 0; at < 7000; k++) {
      const n = Math.min([1, 4096, 999, 2048][k % 4], 7000 - at);
      const b = batch(n, preds.slice(at * width, (at + n) * width));
      early.add(b);
      late.add(b);
      at += n;
    }
    const want = early.summary().prediction;
    assert.ok(want);
    assert.deepEqual(late.summary({ prediction: ref }).prediction, want, `width ${width}`);
    assert.deepEqual(late.summary({ shared: true, prediction: ref }).prediction, want, `width ${width}, shared`);
  }
});
