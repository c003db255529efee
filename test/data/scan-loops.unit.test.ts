/**
 * validate's loops over a batch written for a cold start (src/data/scan.ts): row hashes for leakage, and the drift
 * counts of a numeric column, each the same as the per-value code they replaced.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { type Batch, type Cell, cellToString, parseNumberText } from "../../src/data/batch.ts";
import { ProfileCounter } from "../../src/data/profile.ts";
import { newRowHashes, rowHashList } from "../../src/data/row-hashes.ts";
import { laneKernel } from "../../src/data/row-lanes-wasm.ts";
import { RowLanes } from "../../src/data/scan.ts";

// the row hashing of session 5 (one call per word), kept here as the reference
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const mixA = (h: number, k: number) => {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
};
const mixB = (h: number, k: number) => {
  k = Math.imul(k ^ 0x9e3779b9, 0x85ebca77);
  k = (k << 17) | (k >>> 15);
  h ^= Math.imul(k, 0xc2b2ae3d);
  h = (h << 11) | (h >>> 21);
  return (Math.imul(h, 9) + 0x165667b1) | 0;
};
const fmix = (h: number) => {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
};
function plainInteger(text: string): number | undefined {
  const neg = text.length > 0 && text.charCodeAt(0) === 45;
  let i = neg ? 1 : 0;
  if (i === text.length || text.length - i > 15) return undefined;
  let n = 0;
  for (; i < text.length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    n = n * 10 + d;
  }
  return neg ? -n : n;
}
function referenceHash(row: (Cell | "missing")[]): string {
  let a = 0x5bd1e995;
  let b = 0x27d4eb2f;
  const word = (k: number) => {
    a = mixA(a, k);
    b = mixB(b, k);
  };
  const number = (v: number) => {
    f64[0] = v + 0;
    word(0x4e);
    word(u32[0]);
    word(u32[1]);
  };
  const text = (t: string) => {
    word(0x54);
    word(t.length);
    let i = 0;
    for (; i + 1 < t.length; i += 2) word(t.charCodeAt(i) | (t.charCodeAt(i + 1) << 16));
    if (i < t.length) word(t.charCodeAt(i));
  };
  for (const cell of row) {
    if (cell === "missing") word(0x4d);
    else if (typeof cell === "number") {
      if (cell - cell === 0) number(cell);
      else text(String(cell));
    } else if (typeof cell === "string") {
      const n = plainInteger(cell) ?? parseNumberText(cell);
      if (typeof n !== "number" || Number.isNaN(n)) text(cell);
      else if (n - n === 0) number(n);
      else text(String(n));
    } else {
      const t = cell === null ? "" : String(cellToString(cell));
      const n = Number(t);
      if (t !== "" && n - n === 0 && String(n) === t) number(n);
      else text(t);
    }
  }
  return `${fmix(a)}:${fmix(b)}`;
}

for (const [how, wasm] of [
  ["WebAssembly", true],
  ["JavaScript", false],
] as const) {
  test(`row hashes (${how}) are those of the per-word code: numbers, texts of numbers, other texts, other kinds, nulls, missing`, () => {
    if (wasm) assert.ok(laneKernel(16), "WebAssembly runs in this Node");
    const texts: Cell[] = ["1", "1.0", "-0", "abc", "", "nan", " 2 ", "1e3", "12345678901234567890", "ü€𝄞", "Infinity"];
    const others: Cell[] = [
      true,
      false,
      12n,
      2n ** 70n,
      null,
      new Date(0),
      3,
      -0,
      Number.NaN,
      Number.POSITIVE_INFINITY,
    ];
    const n = 40;
    const textCol = Array.from({ length: n }, (_, r) => texts[(r * 7) % texts.length]);
    const otherCol = Array.from({ length: n }, (_, r) => others[(r * 3) % others.length]);
    // a numeric column: finite numbers, NaN for nulls, and a few cells that were not numbers (notNumbers' texts)
    const nums = Float64Array.from({ length: n }, (_, r) =>
      r % 5 === 0 ? Number.NaN : r % 7 === 0 ? -0 : r * 1.5 - 20,
    );
    const notNumber = new Map([
      [5, "x5"],
      [15, "1,5"],
    ]);
    const batch: Batch = {
      columns: ["t", "o", "x"],
      length: n,
      offset: 0,
      data: [textCol, otherCol, []],
      numeric: [undefined, undefined, nums],
    };
    const lanes = new RowLanes(wasm);
    lanes.start(n);
    lanes.column(batch, 0, []);
    lanes.missing();
    lanes.column(batch, 2, [undefined, undefined, notNumber]);
    lanes.column(batch, 1, []);
    const got = newRowHashes();
    lanes.finish(got);
    const want = new Set<string>();
    for (let r = 0; r < n; r++) {
      const x = nums[r];
      const xCell = Number.isNaN(x) ? (notNumber.get(r) ?? null) : x;
      want.add(referenceHash([textCol[r], "missing", xCell, otherCol[r]]));
    }
    assert.equal(got.size, want.size);
    assert.deepEqual(
      rowHashList(got)
        .map(([hi, lo]) => `${hi}:${lo}`)
        .sort(),
      [...want].sort(),
    );
  });
}

test("a numeric column counted in one call counts as one call per value does: bins, nulls, sums in order, distinct", () => {
  const values = Float64Array.from({ length: 300 }, (_, r) =>
    r % 11 === 0 ? Number.NaN : r % 37 === 0 ? Number.POSITIVE_INFINITY : ((r * 7919) % 257) / 3 - 20,
  );
  const one = new ProfileCounter();
  const each = new ProfileCounter();
  for (const k of [one, each]) {
    k.addNumericColumn("x", [-10, 0, 0.5, 10, 40]);
    k.addNumericColumn("y", [1]);
  }
  one.addNumbers("x", values, 200);
  one.addNumbers("x", values.subarray(200), 100);
  // what scan.ts's per-value loop gives a counter: a finite value, or null for NaN (±Infinity is a type error)
  for (const v of values) {
    if (Number.isNaN(v)) each.addNumber("x", null);
    else if (Number.isFinite(v)) each.addNumber("x", v);
  }
  assert.deepEqual(one.snapshot(), each.snapshot());
  // few distinct values keep their set; a column the counter does not have is left alone
  one.addNumbers("y", Float64Array.of(1, 2, 1), 3);
  each.addNumber("y", 1);
  each.addNumber("y", 2);
  each.addNumber("y", 1);
  one.addNumbers("z", values, 10);
  assert.deepEqual(one.snapshot(), each.snapshot());
});

test("a drift check's bins-only column counts the bins and nulls a full column counts, and is never taken for one", () => {
  const values = Float64Array.from({ length: 300 }, (_, r) =>
    r % 11 === 0 ? Number.NaN : r % 37 === 0 ? Number.NEGATIVE_INFINITY : ((r * 7919) % 257) / 3 - 20,
  );
  const edges = [-10, 0, 0.5, 10, 40];
  const full = new ProfileCounter();
  const bins = new ProfileCounter();
  const binsEach = new ProfileCounter();
  full.addNumericColumn("x", edges);
  bins.addNumericColumn("x", edges, true);
  binsEach.addNumericColumn("x", edges, true);
  // a snapshot tells them apart: a scan kept for one (scan.ts) is never given to the other
  assert.notDeepEqual(bins.snapshot(), full.snapshot());
  full.addNumbers("x", values, 300);
  bins.addNumbers("x", values, 120);
  bins.addNumbers("x", values.subarray(120), 180);
  for (const v of values) {
    if (Number.isNaN(v)) binsEach.addNumber("x", null);
    else if (Number.isFinite(v)) binsEach.addNumber("x", v);
  }
  const ref = { kind: "numeric" as const, edges, fractions: [0.2, 0.2, 0.2, 0.2, 0.1, 0.1], nullFraction: 0 };
  const want = full.binned("x", ref as never);
  assert.deepEqual(bins.binned("x", ref as never), want);
  assert.deepEqual(binsEach.binned("x", ref as never), want);
  const nulls = (k: ProfileCounter) => (k.snapshot().numeric[0][1] as { nulls: number }).nulls;
  assert.equal(nulls(bins), nulls(full));
  assert.equal(nulls(binsEach), nulls(full));
});

test("row hashes of batches larger than the kernel's first memory, then smaller: the same in WebAssembly and JavaScript", () => {
  const hashes = (wasm: boolean, n: number) => {
    const nums = Float64Array.from({ length: n }, (_, r) => (r % 97 === 0 ? Number.NaN : (r * 7919) / 13 - 500));
    const batch: Batch = { columns: ["x", "y"], length: n, offset: 0, data: [[], []], numeric: [nums, nums] };
    const lanes = new RowLanes(wasm);
    lanes.start(n);
    lanes.column(batch, 0, []);
    lanes.column(batch, 1, []);
    const got = newRowHashes();
    lanes.finish(got);
    return rowHashList(got)
      .map(([hi, lo]) => `${hi}:${lo}`)
      .sort();
  };
  for (const n of [20_000, 50_000, 300]) {
    const js = hashes(false, n);
    assert.equal(js.length, n - Math.ceil(n / 97) + 1, `${n} rows: distinct numbers, and the nulls' one row`);
    assert.deepEqual(hashes(true, n), js);
  }
});
