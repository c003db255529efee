import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { cutCsv, parseCsvBatch } from "../../src/data/csv-cut.ts";
import { type Batch, MAX_RECORD_BYTES, type ReadOptions, readBatches } from "../../src/data/read.ts";

const dir = mkdtempSync(join(tmpdir(), "mg-csv-cut-"));

function file(name: string, text: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** The batches readCsv yields, or the message it fails with. */
async function sequential(path: string, o: ReadOptions): Promise<Batch[] | string> {
  const out: Batch[] = [];
  try {
    for await (const b of readBatches(path, o)) out.push(b);
  } catch (err) {
    return `${(err as Error).name}: ${(err as Error).message}`;
  }
  return out;
}

/** The batches of cutCsv, each parsed by parseCsvBatch, or the first message (in file order) they fail with. */
async function cut(path: string, o: ReadOptions): Promise<Batch[] | string> {
  const out: Batch[] = [];
  const scratch = {};
  try {
    for await (const { layout, raw } of cutCsv(path, { batchSize: 8192, displayName: path, ...o })) {
      // the bytes travel to a worker thread: a batch owns its buffer
      assert.equal(raw.bytes.byteOffset, 0);
      // parsed into memory reused from batch to batch (as a scoring worker does): each batch copied before the next
      out.push(structuredClone(parseCsvBatch(structuredClone(layout), raw, scratch)));
    }
  } catch (err) {
    return `${(err as Error).name}: ${(err as Error).message}`;
  }
  return out;
}

async function same(path: string, o: ReadOptions): Promise<Batch[] | string> {
  const a = await sequential(path, o);
  const b = await cut(path, o);
  assert.deepEqual(b, a);
  return a;
}

test("cut CSV batches parse into the batches of one sequential pass: quotes, CRLF, CR, blank lines, empty cells", async () => {
  const text =
    'id,text,n,x\r\n\r\n1,"a, b",2,0.5\r\n2,"say ""hi""",,-1e3\r\n3,"line one\nline two\r\nthree","",7\r\n\r\n4,x,5,nan\r' +
    '5,"",6,inf\n\n6,,,\n7,"q""\n""",8,9';
  const p = file("mixed.csv", text);
  for (const batchSize of [1, 2, 3, 8192]) {
    for (const numeric of [undefined, ["n", "x"], ["x"]]) {
      const b = await same(p, { batchSize, numeric, columns: ["id", "text", "n", "x"] });
      assert.ok(Array.isArray(b));
      assert.equal(
        b.reduce((a, x) => a + x.length, 0),
        7,
      );
    }
  }
});

test("cut CSV batches: only the model's columns, in another order than the file's, as numbers", async () => {
  const p = file("order.csv", "a,label,b,c,d\n1,0,2,3,x\n4,1,5,6,y\n7,0,,9,z\n");
  const b = await same(p, { columns: ["c", "a", "b", "label"], numeric: ["c", "a", "b"], batchSize: 2 });
  assert.ok(Array.isArray(b));
  assert.deepEqual(b[0].columns, ["c", "a", "b", "label"]);
  assert.deepEqual([...b[0].numeric![0]!], [3, 6]);
  assert.deepEqual([...b[1].numeric![2]!], [Number.NaN]);
  assert.deepEqual(b[1].data[3], ["0"]);
  assert.equal(b[1].offset, 2);
  assert.deepEqual([...b[1].lines!], [4]);
});

test("cut CSV batches: records split across reads (and a quote or CR at a read's end) cut the same", async () => {
  const lines = ["k,v,x,pad"];
  for (let i = 0; i < 120000; i++) {
    const v = i % 5 === 0 ? `"x,${"y".repeat(i % 37)}""z\n"` : i % 7 === 0 ? "" : `v${i}`;
    lines.push(`${i},${v},${i / 8},${"p".repeat(40)}`);
  }
  for (const eol of ["\n", "\r\n", "\r"]) {
    const p = file("big.csv", `${lines.join(eol)}${eol}`);
    const b = await same(p, { batchSize: 5000, numeric: ["x", "k"] });
    assert.ok(Array.isArray(b));
    assert.equal(
      b.reduce((a, x) => a + x.length, 0),
      120000,
    );
  }
});

test("cut CSV batches fail as the sequential pass fails: field counts, an unclosed quote, a character after a quote", async () => {
  const cases = [
    "a,b\n1,2\n3\n",
    "a,b\n1,2\n3,4,5\n",
    'a,b\n1,2\n3,"open\n4,5\n',
    'a,b\n1,"x"y\n',
    "a,b\n1,2\n3,4\n5", // no line break at the end
    'a;b\n1;"2;3"\n',
  ];
  for (const [i, text] of cases.entries()) {
    const p = file(`bad${i}.csv`, text);
    for (const batchSize of [1, 8192]) await same(p, { batchSize, numeric: ["b"], delimiter: i === 5 ? ";" : "," });
  }
  const failed = await cut(file("bad0.csv", cases[0]), { batchSize: 1 });
  assert.match(String(failed), /bad0\.csv:3: row 2: 1 field where the header has 2/);
});

test("cut CSV batches: a record longer than the maximum fails naming its line, as the sequential pass does", async () => {
  const long = Buffer.alloc(MAX_RECORD_BYTES + 10, 120);
  const p = file("long.csv", Buffer.concat([Buffer.from("a,b\n1,2\n3,"), long, Buffer.from("\n")]));
  const r = await same(p, { batchSize: 1 });
  assert.match(String(r), /long\.csv:3: a record longer than 16 MiB/);
});

test("CSV numbers read from the bytes equal Number(text): leading zeros, 15 and 16 significant digits, exponents", async () => {
  const texts = [
    "0.000000000000123456789012345",
    "000000000000000012345",
    "123456789012345",
    "1234567890123456",
    "12345678901234.56",
    "0.1234567890123456",
    "-0.000001",
    "-0",
    "+7.5e-3",
    "1e22",
    "1e23",
    ".5",
    "5.",
    "9007199254740993",
    "0.30000000000000004",
  ];
  const p = file("digits.csv", `x\n${texts.join("\n")}\n`);
  for await (const { layout, raw } of cutCsv(p, { batchSize: 8192, displayName: p, columns: ["x"], numeric: ["x"] })) {
    const b = parseCsvBatch(layout, raw);
    const got = Array.from(b.numeric![0]!);
    assert.deepEqual(
      got.map((v) => (Object.is(v, -0) ? "-0" : String(v))),
      texts.map((t) => (Object.is(Number(t), -0) ? "-0" : String(Number(t)))),
    );
  }
});
