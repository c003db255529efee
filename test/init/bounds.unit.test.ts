import assert from "node:assert/strict";
import { test } from "node:test";
import { type ColumnStats, expectedRange, numericBounds } from "../../src/init/infer.ts";

const stats = (min: number, max: number, median: number, integers = false): ColumnStats => ({
  name: "x",
  rows: 100,
  nulls: 0,
  nans: 0,
  booleans: 0,
  numbers: 100,
  integers: integers ? 100 : 0,
  min,
  max,
  median,
  distinct: new Set(),
  distinctOverflow: true,
});

test("expectedRange: each extreme moved out by its distance from the median, rounded outward to 2 digits", () => {
  // a long right tail (breast cancer's "area error": 6.8 to 542, median 24) keeps room for a longer one
  assert.deepEqual(expectedRange(6.8, 542, 24, false), { min: 0, max: 1100 });
  // signed: both sides move
  assert.deepEqual(expectedRange(-3.2, 4.1, 0.1, false), { min: -7, max: 9 });
  // at least a tenth of the range on a side where the median sits at the extreme
  assert.deepEqual(expectedRange(0, 16, 0, true), { min: 0, max: 32 });
  assert.deepEqual(expectedRange(10, 20, 20, true), { min: 0, max: 21 });
  // integers round to whole numbers, small floats to their own scale
  assert.deepEqual(expectedRange(1990, 2020, 2005, true), { min: 1975, max: 2035 });
  assert.deepEqual(expectedRange(0.0001, 0.0009, 0.0004, false), { min: 0, max: 0.0015 });
  // one value: no range to go on
  assert.equal(expectedRange(5, 5, 5, false), undefined);
});

test("numericBounds: min 0 where nothing is negative, 0/1 flags bounded, the rest only expected", () => {
  assert.deepEqual(numericBounds(stats(6.8, 542, 24), "float"), { min: 0, expected: { max: 1100 } });
  assert.deepEqual(numericBounds(stats(100, 110, 105), "float"), { min: 0, expected: { min: 95, max: 115 } });
  assert.deepEqual(numericBounds(stats(-3.2, 4.1, 0.1), "float"), { expected: { min: -7, max: 9 } });
  assert.deepEqual(numericBounds(stats(0, 1, 0, true), "integer"), { min: 0, max: 1 });
  assert.deepEqual(numericBounds(stats(0, 1, 0), "float"), { min: 0, expected: { max: 2 } });
  assert.deepEqual(numericBounds({ ...stats(0, 0, 0), min: undefined, max: undefined }, "float"), {});
});
