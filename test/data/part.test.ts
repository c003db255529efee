/**
 * Reading a part of a data file (a shard job's, #26): CSV by byte ranges aligned to line starts, Parquet by row
 * groups. The parts of any split, concatenated, are the rows of one read; the byte ranges meet.
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parquetWriteFile } from "hyparquet-writer";
import { readBatches } from "../../src/data/read.ts";

const dir = mkdtempSync(join(tmpdir(), "mg-part-"));

async function ids(path: string, part?: { index: number; count: number }) {
  const out: number[] = [];
  const offsets: number[] = [];
  let bytes: { start: number; end: number } | undefined;
  const p = part && { ...part, onPart: (b: { start: number; end: number }) => (bytes = b) };
  for await (const b of readBatches(path, { numeric: ["id"], columns: ["id"], batchSize: 1000, part: p })) {
    offsets.push(b.offset);
    for (const v of b.numeric![0]!) out.push(v);
  }
  return { out, offsets, bytes };
}

test("CSV: the parts of any split are the rows of one read, in order, and their byte ranges meet", async () => {
  const p = join(dir, "d.csv");
  let text = "id,note\r\n";
  // lines of varying length, CRLF, a quoted comma: boundaries fall anywhere in a line
  for (let i = 0; i < 5000; i++) text += `${i},"${"x".repeat(i % 37)}, y"\r\n`;
  writeFileSync(p, text);
  const whole = (await ids(p)).out;
  for (const count of [1, 2, 3, 7, 64]) {
    const parts = [];
    for (let index = 1; index <= count; index++) parts.push(await ids(p, { index, count }));
    assert.deepEqual(
      parts.flatMap((x) => x.out),
      whole,
      `${count} parts`,
    );
    assert.equal(parts[0].bytes!.start, "id,note\r\n".length);
    assert.equal(parts[count - 1].bytes!.end, text.length);
    for (let k = 1; k < count; k++) assert.equal(parts[k].bytes!.start, parts[k - 1].bytes!.end);
    // offsets count from the part's first row
    for (const x of parts) if (x.offsets.length) assert.equal(x.offsets[0], 0);
  }
});

test("Parquet: a part is its share of the row groups, with the file's row offsets", async () => {
  const p = join(dir, "d.parquet");
  const n = 25_000;
  parquetWriteFile({
    filename: p,
    columnData: [
      { name: "id", data: Float64Array.from({ length: n }, (_, i) => i), type: "DOUBLE" },
      { name: "c", data: Array.from({ length: n }, (_, i) => `v${i % 5}`), type: "STRING" },
    ],
    rowGroupSize: 4000,
  });
  const whole = (await ids(p)).out;
  for (const count of [1, 2, 3, 9]) {
    const parts = [];
    for (let index = 1; index <= count; index++) parts.push(await ids(p, { index, count }));
    assert.deepEqual(
      parts.flatMap((x) => x.out),
      whole,
      `${count} parts`,
    );
    for (const x of parts) if (x.offsets.length) assert.equal(x.offsets[0], x.out[0]);
  }
});
