import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parquetWriteFile } from "hyparquet-writer";
import { parquetLayout, parquetUnitBatches, readParquetUnits } from "../../src/data/parquet.ts";
import { type Batch, readBatches } from "../../src/data/read.ts";

const dir = mkdtempSync(join(tmpdir(), "mg-parquet-units-"));
const N = 12000;

function write(name: string, rowGroupSize: number): string {
  const path = join(dir, name);
  parquetWriteFile({
    filename: path,
    columnData: [
      { name: "s", data: Array.from({ length: N }, (_, i) => ["north", "south", "west"][i % 3]), type: "STRING" },
      { name: "a", data: Array.from({ length: N }, (_, i) => (i % 97 === 3 ? null : i * 1.5 - 7)), type: "DOUBLE" },
      { name: "y", data: Array.from({ length: N }, (_, i) => i % 2), type: "INT32" },
      { name: "b", data: Array.from({ length: N }, (_, i) => Math.sin(i)), type: "DOUBLE" },
    ],
    rowGroupSize,
  });
  return path;
}

/** A batch with its number columns copied (a unit's batches reuse their memory). */
function kept(b: Batch): Batch {
  return { ...b, numeric: b.numeric?.map((c) => c?.slice()) };
}

async function byUnits(path: string, o: { columns: string[]; numeric: string[]; batchSize: number }) {
  const layout = await parquetLayout(path, { ...o, displayName: "d.parquet" });
  assert.ok(layout, "laid out for the workers");
  const units = [];
  const batches: Batch[] = [];
  for await (const unit of readParquetUnits(path, layout)) {
    units.push([unit.group, unit.from, unit.to, unit.offset]);
    for await (const b of parquetUnitBatches(layout, unit)) batches.push(kept(b));
  }
  return { units, batches };
}

test("Parquet units: the batches a worker decodes from a row group's bytes are the batches of reading the file", async () => {
  const o = { columns: ["b", "y", "a", "s"], numeric: ["a", "b"], batchSize: 1000 };
  const path = write("groups.parquet", 2000);
  const seq: Batch[] = [];
  for await (const b of readBatches(path, { ...o, displayName: "d.parquet" })) seq.push(kept(b));
  const { units, batches } = await byUnits(path, o);
  assert.equal(units.length, 6);
  assert.deepEqual(batches, seq);
  assert.ok(Number.isNaN(batches[0].numeric![2]![3]));
  // one large row group: cut into units of 16 batches
  const one = write("one.parquet", N);
  const small = { ...o, batchSize: 250 };
  const seq1: Batch[] = [];
  for await (const b of readBatches(one, { ...small, displayName: "d.parquet" })) seq1.push(kept(b));
  const split = await byUnits(one, small);
  assert.deepEqual(split.units, [
    [0, 0, 4000, 0],
    [0, 4000, 8000, 4000],
    [0, 8000, 12000, 8000],
  ]);
  assert.deepEqual(split.batches, seq1);
});

test("Parquet units: a file whose batches would cross a row group is left to the reader in one thread", async () => {
  const path = write("unaligned.parquet", 2500);
  const o = { columns: ["a", "y"], numeric: ["a"], batchSize: 1000, displayName: "d.parquet" };
  assert.equal(await parquetLayout(path, o), undefined);
  assert.ok(await parquetLayout(path, { ...o, batchSize: 500 }));
});
