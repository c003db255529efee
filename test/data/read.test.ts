import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parquetWriteFile } from "hyparquet-writer";
import { readBatches, type Batch } from "../../src/data/read.ts";

const dir = mkdtempSync(join(tmpdir(), "mg-read-"));

async function rows(path: string, batchSize = 8192): Promise<{ columns: string[]; rows: unknown[][] }> {
  const out: unknown[][] = [];
  let columns: string[] = [];
  for await (const b of readBatches(path, { batchSize }) as AsyncGenerator<Batch>) {
    columns = b.columns;
    for (let r = 0; r < b.length; r++) out.push(b.data.map((c) => c[r]));
  }
  return { columns, rows: out };
}

test("CSV: quoted commas, doubled quotes, newlines inside quotes, CRLF, empty vs quoted-empty", async () => {
  const p = join(dir, "q.csv");
  writeFileSync(p, 'id,text,n\r\n1,"a, b",2\r\n2,"say ""hi""",\r\n3,"line one\nline two",""\r\n');
  const { columns, rows: r } = await rows(p);
  assert.deepEqual(columns, ["id", "text", "n"]);
  assert.deepEqual(r, [
    ["1", "a, b", "2"],
    ["2", 'say "hi"', null],
    ["3", "line one\nline two", ""],
  ]);
});

test("CSV: records split across 1 MiB read chunks parse the same, in small batches", async () => {
  const p = join(dir, "big.csv");
  const lines = ["k,v"];
  for (let i = 0; i < 60000; i++) lines.push(`${i},"x,${"y".repeat(i % 37)}""z"`);
  writeFileSync(p, `${lines.join("\n")}\n`);
  const { rows: r } = await rows(p, 1000);
  assert.equal(r.length, 60000);
  for (const i of [0, 12345, 59999]) assert.deepEqual(r[i], [String(i), `x,${"y".repeat(i % 37)}"z`]);
});

test("CSV: a row with the wrong field count names the file and line", async () => {
  const p = join(dir, "bad.csv");
  writeFileSync(p, "a,b\n1,2\n3,4,5\n");
  await assert.rejects(rows(p), /bad\.csv:3: row has 3 fields but the header has 2/);
});

test("CSV: an unclosed quote is an error naming the line it starts on", async () => {
  const p = join(dir, "open.csv");
  writeFileSync(p, 'a,b\n1,2\n3,"oops\n4,5\n');
  await assert.rejects(rows(p), /open\.csv:3: a quoted field is not closed/);
});

test("JSONL: objects per line, missing keys are null, a bad line names its number", async () => {
  const p = join(dir, "d.jsonl");
  writeFileSync(p, '{"a":1,"b":"x"}\n{"a":2}\n');
  assert.deepEqual((await rows(p)).rows, [
    [1, "x"],
    [2, null],
  ]);
  const bad = join(dir, "bad.jsonl");
  writeFileSync(bad, '{"a":1}\n{"a":\n');
  await assert.rejects(rows(bad), /bad\.jsonl:2: not valid JSON/);
});

test("Parquet: columns and rows read back across row groups", async () => {
  const p = join(dir, "d.parquet");
  const n = 25000;
  parquetWriteFile({
    filename: p,
    columnData: [
      { name: "x", data: Float64Array.from({ length: n }, (_, i) => i / 2), type: "DOUBLE" },
      { name: "c", data: Array.from({ length: n }, (_, i) => (i % 3 === 0 ? null : `v${i % 5}`)), type: "STRING" },
    ],
    rowGroupSize: 10000,
  });
  const { columns, rows: r } = await rows(p, 4096);
  assert.deepEqual(columns, ["x", "c"]);
  assert.equal(r.length, n);
  assert.deepEqual(r[0], [0, null]);
  assert.deepEqual(r[10001], [5000.5, "v1"]);
  assert.deepEqual(r[n - 2], [(n - 2) / 2, `v${(n - 2) % 5}`]);
  assert.deepEqual(r[n - 1], [(n - 1) / 2, null]);
});
