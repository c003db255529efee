import assert from "node:assert/strict";
import { test } from "node:test";
import { argsortAscending, sortFloat32 } from "../../src/evaluate/sort.ts";

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
