/** validate's one read of a dataset (src/data/scan.ts): keys, distinct values and row hashes. */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { sharedRowHashes } from "../../src/data/row-hashes.ts";
import { scanDataset } from "../../src/data/scan.ts";
import type { Dataset } from "../../src/manifest/schema.ts";

async function scan(csv: string, columns: object[], opts: Parameters<typeof scanDataset>[2] = {}) {
  const dir = mkdtempSync(join(tmpdir(), "mg-scan-"));
  try {
    writeFileSync(join(dir, "d.csv"), csv);
    const d = { spec: { path: "d.csv", format: "csv", columns } } as unknown as Dataset;
    return await scanDataset(join(dir, "d.csv"), d, opts);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("a row's values hash alike however the number is written; other texts and missing columns apart", async () => {
  const r = await scan("a,b\n1,x\n1.0,x\n1e0,x\n-0,x\n0,x\n0.0,y\nnan,x\nNaN,x\n,x\n", [{ name: "a", type: "float" }], {
    hashColumns: ["a", "b"],
  });
  assert.equal(r.rowHashes?.size, 4); // {1 x}, {-0 x, 0 x}, {0 y}, {nan x, NaN x, empty x: a null each}
  const other = await scan("a,b\n1,x\n", [{ name: "a", type: "string" }], { hashColumns: ["a", "b", "c"] });
  assert.equal(other.rowHashes?.size, 1);
  const same = await scan("a,b\n1.00,x\n", [{ name: "a", type: "string" }], { hashColumns: ["a", "b"] });
  assert.equal(sharedRowHashes(same.rowHashes!, r.rowHashes!), 1);
  assert.equal(sharedRowHashes(other.rowHashes!, r.rowHashes!), 0);
});

test("unique and allowed keys: a number by its text, an integer beyond 2^53 by its digits", async () => {
  const r = await scan("id,c\n5,1\n5.0,2\n9007199254740993,05\n9007199254740992,3\n-0,1\n0,1\n", [
    { name: "id", type: "integer", unique: true },
    { name: "c", type: "integer", values: [1, 2, "05"] },
  ]);
  const id = r.stats.get("id");
  assert.equal(id?.duplicates?.count, 2);
  assert.deepEqual(id?.duplicates?.examples, ["5", "0"]);
  assert.deepEqual(
    [...(id?.counts ?? [])],
    [
      ["5", 2],
      ["9007199254740993", 1],
      ["9007199254740992", 1],
      ["0", 2],
    ],
  );
  const c = r.stats.get("c");
  assert.deepEqual(c?.notAllowed?.examples, ["5", "3"]);
});

test("only the `distinct` columns keep their distinct values", async () => {
  const r = await scan(
    "a,b\n1,x\n2,y\n",
    [
      { name: "a", type: "integer" },
      { name: "b", type: "string" },
    ],
    {
      distinct: ["b"],
    },
  );
  assert.equal(r.stats.get("a")?.distinct.size, 0);
  assert.deepEqual([...(r.stats.get("b")?.distinct ?? [])], ["x", "y"]);
});

test("CSV integers: a canonical integer's text as its number, any other cell as its text (readBatches `integers`)", async () => {
  const { readBatches } = await import("../../src/data/read.ts");
  const dir = mkdtempSync(join(tmpdir(), "mg-scan-"));
  try {
    const file = join(dir, "d.csv");
    writeFileSync(file, 'a,b\n12,x\n-7,x\n0,x\n007,x\n-0,x\n1.0,x\n"3",x\n"",x\n,x\n9007199254740993,x\n 5,x\n');
    const batches = [];
    for await (const b of readBatches(file, { integers: ["a"] })) batches.push(b);
    assert.equal(batches.length, 1);
    const b = batches[0];
    assert.deepEqual([...(b.numeric?.[0] ?? [])].slice(0, 3), [12, -7, 0]);
    assert.deepEqual(b.notNumbers?.[0], {
      rows: [3, 4, 5, 6, 7, 9, 10],
      texts: ["007", "-0", "1.0", "3", "", "9007199254740993", " 5"],
    });
    assert.ok(Number.isNaN(b.numeric?.[0]?.[8])); // an empty unquoted cell: null
    assert.deepEqual(b.data[1], ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // the scan's keys are those of the texts: "007" and "7" apart, "-0" and "0" alike (as numbers), an empty quoted
  // cell a null as an empty unquoted one; row hashes by the numbers
  const r = await scan('id,b\n7,x\n007,x\n-0,x\n0,x\n"",x\n,x\n', [{ name: "id", type: "integer", unique: true }], {
    hashColumns: ["id"],
  });
  const id = r.stats.get("id");
  assert.equal(id?.nulls, 2);
  assert.deepEqual(id?.duplicates?.examples, ["7", "0"]);
  assert.equal(r.rowHashes?.size, 3);
});

test("one uniqueBy column: a number and a text are the same key when the text is the number's (String(n))", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-scan-"));
  try {
    const ids = [5, "5", -0, "0", null, null, "x", "x", 1e21, "1e+21", "05", 7];
    writeFileSync(
      join(dir, "d.jsonl"),
      ids
        .map((id) => `${JSON.stringify({ id })}\n`)
        .join("")
        .replace('"id":0', '"id":-0'),
    );
    const d = {
      spec: {
        path: "d.jsonl",
        format: "jsonl",
        columns: [{ name: "id", type: "string" }],
        checks: { uniqueBy: ["id"] },
      },
    } as unknown as Dataset;
    const r = await scanDataset(join(dir, "d.jsonl"), d);
    assert.equal(r.uniqueByDuplicates?.count, 5);
    assert.equal(r.uniqueByDuplicates?.firstRow, 2);
    assert.deepEqual(r.uniqueByDuplicates?.examples, ['["5"]', '["0"]', "[null]"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("one uniqueBy column read as numbers: numbers and texts keyed as one value each (String(n)), nulls alike", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-scan-"));
  try {
    // an integer column: canonical integers come as numbers, "05", "x", "1e3" and "-0" as their texts
    const ids = ["5", "05", "5", "x", "", "", "7", "1e3", "1000", "1000", "-0", "0"];
    writeFileSync(join(dir, "d.csv"), `id,n\n${ids.map((id) => `${id},1`).join("\n")}\n`);
    const d = {
      spec: {
        path: "d.csv",
        columns: [
          { name: "id", type: "integer", nullable: true },
          { name: "n", type: "integer" },
        ],
        checks: { uniqueBy: ["id"] },
      },
    } as unknown as Dataset;
    const r = await scanDataset(join(dir, "d.csv"), d);
    assert.equal(r.uniqueByDuplicates?.count, 3);
    assert.equal(r.uniqueByDuplicates?.firstRow, 3);
    assert.equal(r.uniqueByDuplicates?.firstLine, 4);
    assert.deepEqual(r.uniqueByDuplicates?.examples, ['["5"]', "[null]", '["1000"]']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
