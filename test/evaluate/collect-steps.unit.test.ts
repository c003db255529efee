/** The steps of one evaluation pass (src/evaluate/collect.ts) over batches built in memory: no file, no model. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { DataError } from "../../src/data/batch.ts";
import type { Batch } from "../../src/data/read.ts";
import { defaultBaselineRefs } from "../../src/evaluate/baseline.ts";
import {
  bucketKey,
  Dict,
  keyOf,
  newCodes,
  passColumns,
  prepareBatch,
  shownNumber,
} from "../../src/evaluate/collect.ts";

/** A batch of 4 rows: x numeric (read as numbers), city text, label y, slice age (numbers). */
function batch(x: number[], y: (string | number | null)[], opts: { notNumbers?: Batch["notNumbers"] } = {}): Batch {
  return {
    columns: ["x", "city", "y", "age"],
    length: x.length,
    data: [[], ["a", "b", null, "d"].slice(0, x.length), y, []],
    numeric: [
      Float64Array.from(x),
      undefined,
      undefined,
      Float64Array.from([20, 30, Number.NaN, 70].slice(0, x.length)),
    ],
    notNumbers: opts.notNumbers,
    offset: 100,
    lines: Int32Array.from([102, 103, 104, 105].slice(0, x.length)),
  };
}

const spec = {
  task: "binary-classification" as const,
  label: { column: "y" },
  slices: [{ column: "age", buckets: [25, 65] }],
  nanPolicy: "fail" as const,
};
const columns = { features: ["x"], strings: new Set<string>() };

test("keys: numbers in one spelling, buckets named by their edges, codes in order of first appearance", () => {
  assert.equal(keyOf("1.0"), "1");
  assert.equal(keyOf(" 2e0 "), "2");
  assert.equal(keyOf(3n), "3");
  assert.equal(keyOf("yes"), "yes");
  assert.equal(keyOf(null), null);
  assert.equal(bucketKey(10, [25, 65]), "(-inf, 25)");
  assert.equal(bucketKey(25, [25, 65]), "[25, 65)");
  assert.equal(bucketKey(90, [25, 65]), "[65, inf)");
  const d = new Dict();
  assert.deepEqual([d.code("b"), d.code("a"), d.code("b")], [0, 1, 0]);
  assert.deepEqual(d.keys, ["b", "a"]);
});

test("the columns of a pass: every model's features once, then the label and the slices; a label among the features is refused", () => {
  const runners = [
    { columns: ["x", "city"], stringColumns: () => ["city"] },
    { columns: ["x", "z"], stringColumns: () => [] },
  ];
  const c = passColumns({ label: { column: "y" }, slices: [{ column: "age" }] }, runners);
  assert.deepEqual(c.all, ["x", "city", "z", "y", "age"]);
  assert.deepEqual([...c.strings], ["city"]);
  assert.throws(
    () => passColumns({ label: { column: "x" }, slices: [] }, runners),
    /the label column "x" is also listed as a feature/,
  );
});

test("a batch: labels coded across batches, slice values bucketed (an empty age is its own slice)", () => {
  const codes = newCodes(spec);
  const p = prepareBatch(batch([1, 2, 3, 4], ["1", "0", "1.0", 0]), spec, columns, codes, "d.csv");
  assert.deepEqual([...p.labels], [0, 1, 0, 1]);
  assert.deepEqual(codes.labels.keys, ["1", "0"]);
  assert.deepEqual([...p.slices[0]], [0, 1, 2, 3]);
  assert.deepEqual(codes.slices[0].keys, ["(-inf, 25)", "[25, 65)", "(null)", "[65, inf)"]);
  assert.equal(p.skipped, 0);
  assert.equal(p.offset, 100);
  assert.deepEqual([...p.fb.numeric.get("x")!], [1, 2, 3, 4]);
  // the next batch goes on with the same codes
  const q = prepareBatch(batch([5], ["0"]), spec, columns, codes, "d.csv");
  assert.deepEqual([...q.labels], [1]);
});

test("a feature that is not a finite number fails at its file line, or with nanPolicy count leaves its row out", () => {
  const bad = batch([1, Number.NaN, Infinity, 4], [1, 0, 1, 0], { notNumbers: [{ rows: [1], texts: ["12kg"] }] });
  assert.throws(
    () => prepareBatch(bad, spec, columns, newCodes(spec), "d.csv"),
    (e: unknown) =>
      e instanceof DataError &&
      e.message ===
        'd.csv:103: row 102: feature "x" is not a finite number ("12kg"); fix the data, or set spec.evaluation.nanPolicy: count to skip and count such rows',
  );
  const p = prepareBatch(bad, { ...spec, nanPolicy: "count" }, columns, newCodes(spec), "d.csv");
  assert.equal(p.skipped, 2);
  assert.equal(p.fb.length, 2);
  assert.deepEqual([...p.fb.numeric.get("x")!], [1, 4]);
  assert.deepEqual([...p.labels], [0, 1]);
  assert.equal(p.slices[0].length, 2);
  assert.equal(shownNumber(bad, 0, 2, Infinity), "Infinity");
});

test("every evaluated row needs a label; a regression target must be a finite number", () => {
  assert.throws(
    () => prepareBatch(batch([1, 2], ["1", null]), spec, columns, newCodes(spec), "d.csv"),
    /^DataError: d\.csv:103: row 102: no label in "y"/,
  );
  const regression = { ...spec, task: "regression" as const };
  const p = prepareBatch(batch([1, 2], [1.5, "2.5"]), regression, columns, newCodes(spec), "d.csv");
  assert.ok(p.labels instanceof Float64Array);
  assert.deepEqual([...p.labels], [1.5, 2.5]);
  assert.throws(
    () => prepareBatch(batch([1], ["n/a"]), regression, columns, newCodes(spec), "d.csv"),
    /target "y" is not a finite number \("n\/a"\)/,
  );
});

test("the default baseline: the highest production tag, then the base branch (origin's first)", () => {
  assert.deepEqual(defaultBaselineRefs(["m#production#2", "m#production#10", "m#production#x"], {}), [
    "m#production#10",
    "main",
    "origin/main",
  ]);
  assert.deepEqual(defaultBaselineRefs([], { GITHUB_BASE_REF: "release" }), ["origin/release", "release"]);
});
