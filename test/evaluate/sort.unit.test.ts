import assert from "node:assert/strict";
import { test } from "node:test";
import { BinaryMetricSet } from "../../src/evaluate/metrics.ts";
import { argsortAscending, sortFloat32, sortFloat32Labeled, valueOfKey } from "../../src/evaluate/sort.ts";

/** The stable ascending order by comparison, NaN last and -0 before 0 (the radix sort orders by the bits): what it must give. */
function byComparison(values: Float64Array): number[] {
  return Array.from(values.keys()).sort((a, b) => {
    const va = values[a];
    const vb = values[b];
    if (Number.isNaN(va) !== Number.isNaN(vb)) return Number.isNaN(va) ? 1 : -1;
    if (va < vb) return -1;
    if (va > vb) return 1;
    if (Object.is(va, -0) !== Object.is(vb, -0)) return Object.is(va, -0) ? -1 : 1;
    return a - b;
  });
}

test("float32 scores sort as a stable comparison sort, and the sorted values are the scores in that order", () => {
  let s = 7;
  const rnd = () => {
    s = (s * 1103515245 + 12345) >>> 0;
    return s / 2 ** 32;
  };
  const cases: Float64Array[] = [
    // probabilities with ties (few distinct values) and many distinct ones
    Float64Array.from({ length: 5000 }, () => Math.fround(Math.round(rnd() * 20) / 20)),
    Float64Array.from({ length: 5000 }, () => Math.fround(rnd())),
    // negative, zero and minus zero, large, NaN
    Float64Array.from([
      3,
      -1,
      0,
      -0,
      Number.NaN,
      Math.fround(1e30),
      Math.fround(-1e-30),
      0.5,
      -1,
      Number.POSITIVE_INFINITY,
      0,
    ]),
    // one value for every row: every digit the same, no pass moves anything
    new Float64Array(100).fill(0.25),
    new Float64Array(0),
  ];
  for (const values of cases) {
    const expected = byComparison(values);
    assert.deepEqual(Array.from(argsortAscending(values)), expected);
    const r = sortFloat32(values);
    assert.ok(r);
    assert.deepEqual(Array.from(r.order), expected);
    assert.deepEqual(
      Array.from(r.sorted, (v) => (Object.is(v, -0) ? "-0" : String(v))),
      expected.map((i) => (Object.is(values[i], -0) ? "-0" : String(values[i]))),
    );
  }
  // values float32 cannot hold exactly: no radix order (argsortAscending compares them)
  assert.equal(sortFloat32(Float64Array.from([0.1, 0.2])), undefined);
  assert.deepEqual(Array.from(argsortAscending(Float64Array.from([0.3, 0.1, 0.2]))), [1, 2, 0]);
});

test("the point metrics' walk (terms computed as it goes) equals the walk with every weight 1, bit for bit", () => {
  let s = 3;
  const rnd = () => {
    s = (s * 1103515245 + 12345) >>> 0;
    return s / 2 ** 32;
  };
  const n = 50000;
  // ties, scores of exactly 0 and 1 (log-loss clipping), and float64 scores (the gathered path)
  for (const f32 of [true, false]) {
    const score = Float64Array.from({ length: n }, () => {
      const v = Math.round(rnd() * 1000) / 1000;
      return f32 ? Math.fround(v) : v + 1e-9;
    });
    score[5] = 0;
    score[6] = 1;
    const y = Uint8Array.from(score, (p) => (rnd() < p ? 1 : 0));
    const point = new Float64Array(11);
    new BinaryMetricSet(y, score, 0.5).compute(null, point);
    const weighted = new Float64Array(11);
    new BinaryMetricSet(y, score, 0.5).compute(new Uint8Array(n).fill(1), weighted);
    assert.deepEqual(Array.from(point), Array.from(weighted));
    assert.ok(Array.from(point).every((v, i) => Object.is(v, weighted[i])));
    // after a weighted walk made the terms, the point estimate reads them: the same again
    const both = new BinaryMetricSet(y, score, 0.5);
    both.compute(new Uint8Array(n).fill(1), new Float64Array(11));
    const again = new Float64Array(11);
    both.compute(null, again);
    assert.ok(Array.from(point).every((v, i) => Object.is(v, again[i])));
  }
});

test("float32 scores sorted with their labels: the keys and labels of sortFloat32's order; the set's metrics the same bit for bit", () => {
  let s = 11;
  const rnd = () => {
    s = (s * 1103515245 + 12345) >>> 0;
    return s / 2 ** 32;
  };
  const n = 20000;
  const cases: Float64Array[] = [
    // ties (few distinct values), scores on every calibration edge and on the threshold, 0 and 1
    Float64Array.from({ length: n }, () => Math.fround(Math.round(rnd() * 20) / 20)),
    Float64Array.from({ length: n }, () => Math.fround(rnd())),
    // NaN at both ends of the order (either sign), -0 and 0, infinities, outside [0, 1]
    Float64Array.from(
      { length: n },
      (_, i) => [Number.NaN, -Number.NaN, -0, 0, Number.POSITIVE_INFINITY, -2, 1.5][i % 9] ?? Math.fround(rnd()),
    ),
    new Float64Array(300).fill(0.5),
    new Float64Array(0),
  ];
  // a negative NaN: its sign bit set (keyed below every number)
  const negNaN = new Float64Array(new BigUint64Array([0xfff8000000000000n]).buffer)[0];
  cases[2][1] = negNaN;
  for (const score of cases) {
    const y = Uint8Array.from(score, () => (rnd() < 0.4 ? 1 : 0));
    const old = sortFloat32(score)!;
    const labeled = sortFloat32Labeled(score, y)!;
    assert.deepEqual(
      Array.from(labeled.labels),
      Array.from(old.order, (i) => y[i]),
    );
    assert.ok(Array.from(labeled.keys).every((key, k) => Object.is(valueOfKey(key), old.sorted[k])));
    // every output of the set, with the order sorted up front and on demand
    const eager = new BinaryMetricSet(y, score, 0.5);
    const lazy = new BinaryMetricSet(y, score, 0.5, true);
    const a = new Float64Array(11);
    const b = new Float64Array(11);
    eager.compute(null, a);
    lazy.compute(null, b);
    assert.ok(
      Array.from(a).every((v, i) => Object.is(v, b[i])),
      `${a} vs ${b}`,
    );
    // the point walk (calibration bins found from the last row's) against the walk with every weight 1 (eceBin)
    const ones = new Float64Array(11);
    new BinaryMetricSet(y, score, 0.5).compute(new Uint8Array(score.length).fill(1), ones);
    assert.ok(
      Array.from(a).every((v, i) => Object.is(v, ones[i])),
      `${a} vs ${ones}`,
    );
    assert.deepEqual(lazy.confusion(), eager.confusion());
    assert.deepEqual(lazy.curves(), eager.curves());
    const w = Uint8Array.from(score, () => Math.floor(rnd() * 3));
    eager.compute(w, a);
    lazy.compute(w, b);
    assert.ok(Array.from(a).every((v, i) => Object.is(v, b[i])));
    assert.deepEqual(lazy.rank(), eager.rank());
    assert.deepEqual(lazy.confusion(w), eager.confusion(w));
  }
  // values float32 cannot hold: none (the set sorts its order as before)
  assert.equal(sortFloat32Labeled(Float64Array.from([0.1, 0.2]), new Uint8Array(2)), undefined);
  const score = Float64Array.from([0.1, 0.7, 0.3, 0.7]);
  const y = Uint8Array.from([0, 1, 1, 0]);
  const a = new Float64Array(11);
  const b = new Float64Array(11);
  new BinaryMetricSet(y, score, 0.5).compute(null, a);
  new BinaryMetricSet(y, score, 0.5, true).compute(null, b);
  assert.deepEqual(Array.from(a), Array.from(b));
});

test("the point walk's confusion matrix and curves are those their own walks give", () => {
  let s = 11;
  const rnd = () => {
    s = (s * 1103515245 + 12345) >>> 0;
    return s / 2 ** 32;
  };
  // a float32 NaN with its sign bit set (x86's default NaN), which sorts below every number
  const negNaN = new Float32Array(new Uint32Array([0xffc00000]).buffer)[0];
  const cases: { score: Float64Array; y: Uint8Array }[] = [];
  for (const n of [1, 2, 7, 300, 5000]) {
    const ties = Float64Array.from({ length: n }, () => Math.fround(Math.round(rnd() * 20) / 20));
    const distinct = Float64Array.from({ length: n }, () => Math.fround(rnd()));
    const odd = Float64Array.from(
      { length: n },
      (_, i) => [Number.NaN, negNaN, 0.5, -0, 0, Number.POSITIVE_INFINITY, -1, 2][i % 8] ?? Math.fround(rnd()),
    );
    for (const score of [ties, distinct, odd]) {
      cases.push({ score, y: Uint8Array.from({ length: n }, () => (rnd() < 0.4 ? 1 : 0)) });
      cases.push({ score, y: new Uint8Array(n).fill(1) }); // one class: no curves
    }
  }
  for (const { score, y } of cases) {
    for (const onDemand of [true, false]) {
      for (const threshold of [0.5, 0, 1.5]) {
        const walked = new BinaryMetricSet(y, score, threshold, onDemand);
        walked.compute(null, new Float64Array(walked.names.length));
        const own = new BinaryMetricSet(y, score, threshold, onDemand);
        assert.deepEqual(walked.confusion(), own.confusion());
        assert.deepEqual(walked.curves(), own.curves());
        // asked again, or for another size: walked again, the same
        assert.deepEqual(walked.confusion(), own.confusion());
        assert.deepEqual(walked.curves(11), own.curves(11));
      }
    }
  }
});
