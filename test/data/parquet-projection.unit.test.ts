import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parquetMetadata } from "hyparquet";
import { parquetWriteFile } from "hyparquet-writer";
import { type Batch, readBatches } from "../../src/data/read.ts";

const dir = mkdtempSync(join(tmpdir(), "mg-parquet-projection-"));
const N = 70000; // more than a reader thread's piece (65,536 rows), so that the threaded path runs

/** A file whose "junk" column chunks are overwritten with garbage, found by the footer's offsets. */
function damagedFile(): string {
  const path = join(dir, "damaged.parquet");
  parquetWriteFile({
    filename: path,
    columnData: [
      { name: "junk", data: Array.from({ length: N }, (_, i) => `text ${i}`), type: "STRING" },
      { name: "b", data: Array.from({ length: N }, (_, i) => i / 4), type: "DOUBLE" },
      { name: "y", data: Array.from({ length: N }, (_, i) => i % 2), type: "INT32" },
      { name: "a", data: Array.from({ length: N }, (_, i) => (i % 7 === 0 ? null : i * 1.5)), type: "DOUBLE" },
    ],
    rowGroupSize: 20000,
  });
  const bytes = readFileSync(path);
  const meta = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer);
  let damaged = 0;
  for (const rg of meta.row_groups) {
    const c = rg.columns.find((x) => x.meta_data?.path_in_schema[0] === "junk")!.meta_data!;
    const start = Number(c.dictionary_page_offset ?? c.data_page_offset);
    bytes.fill(0xff, start, start + Number(c.total_compressed_size));
    damaged++;
  }
  assert.equal(damaged, 4);
  writeFileSync(path, bytes);
  return path;
}

async function all(batches: AsyncIterable<Batch>): Promise<Batch[]> {
  const out: Batch[] = [];
  for await (const b of batches) out.push(b);
  return out;
}

test("Parquet: only the wanted columns' chunks are read — another column's damaged bytes are never touched", async () => {
  const path = damagedFile();
  const o = { columns: ["a", "y", "b"], numeric: ["a", "b"], batchSize: 1024 };
  const seq = await all(readBatches(path, o));
  assert.equal(
    seq.reduce((n, b) => n + b.length, 0),
    N,
  );
  assert.deepEqual(seq[0].columns, ["a", "y", "b"]);
  assert.ok(Number.isNaN(seq[0].numeric![0]![0]));
  assert.equal(seq[0].numeric![0]![1], 1.5);
  assert.equal(seq[4].numeric![2]![1], (4 * 1024 + 1) / 4);
  assert.deepEqual(seq[0].data[1].slice(0, 3), [0, 1, 0]);
  // in reader threads (pieces of row groups decoded there, joined in order): the same batches
  const threaded = await all(readBatches(path, { ...o, parallel: { threads: 2, blockBytes: 0 } }));
  assert.deepEqual(threaded, seq);
  // the damaged column itself is a data error naming the file
  await assert.rejects(all(readBatches(path, { columns: ["junk"] })), /damaged\.parquet: .*column "junk"/);
});
