import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { type Batch, cellToNumber, readBatches } from "../../src/data/read.ts";
import { rng } from "../support/sklearn.ts";

const dir = mkdtempSync(join(tmpdir(), "mg-readnum-"));

/** Every row of the named columns: numbers from Batch.numeric when asked, else the cells' numbers. */
async function collect(path: string, columns: string[], numeric: string[] | undefined, batchSize: number) {
  const out: Record<string, unknown[]> = Object.fromEntries(columns.map((c) => [c, []]));
  const offsets: number[] = [];
  for await (const b of readBatches(path, { columns, numeric, batchSize }) as AsyncGenerator<Batch>) {
    offsets.push(b.offset);
    b.columns.forEach((c, i) => {
      const nums = b.numeric?.[i];
      for (let r = 0; r < b.length; r++) {
        if (nums) out[c].push(nums[r]);
        else if (numeric?.includes(c) === false || !numeric) {
          const v = cellToNumber(b.data[i][r]);
          out[c].push(numeric?.includes(c) ? (v ?? Number.NaN) : b.data[i][r]);
        } else out[c].push(b.data[i][r]);
      }
    });
  }
  return { out, offsets };
}

test("the numeric CSV path gives exactly the numbers and cells of the generic reader", async () => {
  const r = rng(5);
  const spellings = [
    "1",
    "-0",
    "0.1",
    "1e-7",
    "-2.5E+3",
    "123456789012345678",
    "0.30000000000000004",
    "  7 ",
    "abc",
    "",
    "1.7976931348623157e308",
    "4.9e-324",
    ".5",
    "5.",
    "+3",
  ];
  let csv = "\uFEFFa,b,label,note\r\n";
  for (let i = 0; i < 3000; i++) {
    const a = i % 17 === 0 ? spellings[i % spellings.length] : String(Math.round((r() * 2 - 1) * 1e6) / 1e6);
    const b = String((r() - 0.5) * 10 ** Math.floor(r() * 40 - 20));
    const note = i % 5 === 0 ? '"quoted, with ""quotes""\nand a line break"' : i % 7 === 0 ? "" : `n${i}`;
    const label = i % 11 === 0 ? `"${i % 2}"` : String(i % 2);
    csv += `${a},${b},${label},${note}${i % 3 === 0 ? "\r\n" : "\n"}`;
  }
  csv += "1,2,1,last line without a line break";
  const path = join(dir, "mixed.csv");
  writeFileSync(path, csv);
  const cols = ["a", "b", "label", "note"];
  for (const batchSize of [7, 1000, 8192]) {
    const generic = await collect(path, cols, undefined, batchSize);
    const fast = await collect(path, cols, ["a", "b"], batchSize);
    assert.deepEqual(fast.offsets, generic.offsets);
    for (const c of ["a", "b"]) {
      const want = generic.out[c].map((v) => cellToNumber(v as string | null) ?? Number.NaN);
      assert.deepEqual(fast.out[c], want, `column ${c}, batch size ${batchSize}`);
    }
    assert.deepEqual(fast.out.note, generic.out.note);
    assert.deepEqual(fast.out.label, generic.out.label);
  }
});

test("the numeric path reports a ragged row, and other formats fill Batch.numeric from their cells", async () => {
  const path = join(dir, "ragged.csv");
  writeFileSync(path, "a,b\n1,2\n3\n");
  await assert.rejects(collect(path, ["a", "b"], ["a"], 10), /ragged\.csv:3: row 2: 1 field where the header has 2/);
  const jl = join(dir, "x.jsonl");
  writeFileSync(jl, '{"a": 1.5, "b": "x"}\n{"a": null, "b": "y"}\n');
  const got = await collect(jl, ["a", "b"], ["a"], 10);
  assert.deepEqual(got.out.a, [1.5, Number.NaN]);
  assert.deepEqual(got.out.b, ["x", "y"]);
});
