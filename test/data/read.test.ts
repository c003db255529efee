import assert from "node:assert/strict";
import { closeSync, mkdtempSync, openSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parquetReadObjects } from "hyparquet";
import { parquetWriteFile } from "hyparquet-writer";
import { type Batch, DataError, MAX_RECORD_BYTES, parseNumberText, readBatches } from "../../src/data/read.ts";
import { exitCodeOf } from "../../src/errors.ts";

const dir = mkdtempSync(join(tmpdir(), "mg-read-"));

/** Every row as cells (and numbers for the `numeric` columns), with the line each starts on. */
async function rows(path: string, opts: { batchSize?: number; numeric?: string[]; columns?: string[] } = {}) {
  const out: unknown[][] = [];
  const lines: number[] = [];
  const notNumbers: [number, string, string][] = [];
  let columns: string[] = [];
  for await (const b of readBatches(path, { batchSize: 8192, ...opts }) as AsyncGenerator<Batch>) {
    columns = b.columns;
    for (let r = 0; r < b.length; r++) {
      out.push(b.columns.map((_, c) => (b.numeric?.[c] ? b.numeric[c]![r] : b.data[c][r])));
      if (b.lines) lines.push(b.lines[r]);
    }
    b.notNumbers?.forEach((x, c) => {
      x?.rows.forEach((r, i) => {
        notNumbers.push([b.offset + r + 1, b.columns[c], x.texts[i]]);
      });
    });
  }
  return { columns, rows: out, lines, notNumbers };
}

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

test("CSV: quoted commas, doubled quotes, newlines inside quotes, CRLF, empty vs quoted-empty, lines of rows", async () => {
  const p = file("q.csv", 'id,text,n\r\n1,"a, b",2\r\n2,"say ""hi""",\r\n3,"line one\nline two",""\r\n\r\n4,x,5\r\n');
  const { columns, rows: r, lines } = await rows(p);
  assert.deepEqual(columns, ["id", "text", "n"]);
  assert.deepEqual(r, [
    ["1", "a, b", "2"],
    ["2", 'say "hi"', null],
    ["3", "line one\nline two", ""],
    ["4", "x", "5"],
  ]);
  // row 3 spans lines 4-5, line 6 is blank
  assert.deepEqual(lines, [2, 3, 4, 7]);
});

test("CSV: records split across reads parse the same, in small batches, numbers and cells alike", async () => {
  const lines = ["k,v,x"];
  for (let i = 0; i < 200000; i++) lines.push(`${i},"x,${"y".repeat(i % 37)}""z",${i / 8}`);
  const p = file("big.csv", `${lines.join("\n")}\n`);
  for (const numeric of [undefined, ["x", "k"]]) {
    const { rows: r } = await rows(p, { batchSize: 1000, numeric });
    assert.equal(r.length, 200000);
    for (const i of [0, 12345, 131071, 199999]) {
      const want = numeric
        ? [i, `x,${"y".repeat(i % 37)}"z`, i / 8]
        : [String(i), `x,${"y".repeat(i % 37)}"z`, String(i / 8)];
      assert.deepEqual(r[i], want);
    }
  }
});

test("numbers: one rule for every format; the byte parser gives exactly Number() of the text", async () => {
  assert.equal(parseNumberText(" 7 "), 7);
  assert.equal(parseNumberText("-2.5E+3"), -2500);
  assert.equal(parseNumberText(".5"), 0.5);
  assert.equal(parseNumberText("5."), 5);
  assert.equal(parseNumberText("-inf"), -Infinity);
  assert.equal(parseNumberText("Infinity"), Infinity);
  assert.ok(Number.isNaN(parseNumberText("NaN")));
  assert.equal(parseNumberText(""), null);
  for (const bad of ["0x10", "12kg", '249.40"x', "1_000", "--1", "e5"])
    assert.equal(parseNumberText(bad), undefined, bad);

  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const texts: string[] = [];
  for (let i = 0; i < 20000; i++) {
    const v = (rand() - 0.5) * 10 ** Math.floor(rand() * 50 - 25);
    texts.push(i % 3 === 0 ? v.toPrecision(1 + Math.floor(rand() * 17)) : i % 3 === 1 ? v.toExponential(6) : String(v));
  }
  texts.push("123456789012345678", "0.30000000000000004", "1.7976931348623157e308", "4.9e-324", "-0", "+3", "1e400");
  const p = file("nums.csv", `v\n${texts.join("\n")}\n`);
  const { rows: r } = await rows(p, { numeric: ["v"] });
  r.forEach((row, i) => {
    assert.ok(Object.is(row[0], Number(texts[i])), `${texts[i]}: ${row[0]} is not ${Number(texts[i])}`);
  });
});

test('one verdict on a bad cell: `249.40"x` is a cell in text, not a number in numbers — never a parse error', async () => {
  const p = file("quote.csv", 'id,amount\n1,57.56\n2,249.40"x\n3,\n4,inf\n');
  assert.deepEqual((await rows(p)).rows[1], ["2", '249.40"x']);
  const num = await rows(p, { numeric: ["amount"] });
  assert.deepEqual(
    num.rows.map((x) => x[1]),
    [57.56, Number.NaN, Number.NaN, Infinity],
  );
  assert.deepEqual(num.notNumbers, [[2, "amount", '249.40"x']]);
});

test("CSV: a row with the wrong field count names the file, line and row; exit 1 as a failed data check", async () => {
  const p = file("bad.csv", 'a,b\n1,2\n"x\ny",4\n3,4,5\n');
  for (const numeric of [undefined, ["a"]]) {
    const err = await rows(p, { numeric }).then(
      () => assert.fail("no error"),
      (e) => e,
    );
    assert.ok(err instanceof DataError);
    assert.match(err.message, /bad\.csv:5: row 3: 3 fields where the header has 2; quote fields that contain commas/);
    assert.equal(exitCodeOf(err), 1);
  }
  await assert.rejects(rows(file("short.csv", "a,b\n1,2\n3\n")), /short\.csv:3: row 2: 1 field where the header has 2/);
});

test("CSV: an unclosed quote is an error naming the line its record starts on", async () => {
  const p = file("open.csv", 'a,b\n1,2\n3,"oops\n4,5\n');
  await assert.rejects(rows(p), /open\.csv:3: row 2: a quoted field is not closed before the end of the file/);
  await assert.rejects(
    rows(file("after.csv", 'a,b\n"x"y,1\n')),
    /after\.csv:2: row 1: a character after the closing quote/,
  );
  await assert.rejects(rows(file("empty.csv", "")), /empty\.csv: is empty; a CSV file needs a header row/);
});

test("CSV: a record longer than the documented maximum fails fast naming its line; below it, it is read whole", async () => {
  // one line with no line break at all, over the limit (what a broken export or a binary file looks like)
  const p = join(dir, "one-line.csv");
  const fd = openSync(p, "w");
  const chunk = Buffer.alloc(1 << 20, "1234567,");
  for (let i = 0; i < MAX_RECORD_BYTES / chunk.length + 2; i++) writeSync(fd, chunk);
  closeSync(fd);
  await assert.rejects(rows(p), (e: Error) => {
    assert.ok(e instanceof DataError);
    assert.match(e.message, /one-line\.csv:1: a record longer than 16 MiB starts here/);
    return true;
  });
  // a quote left open on line 3 swallows the rest of a large file: the message points at line 3
  const q = join(dir, "open-big.csv");
  const fd2 = openSync(q, "w");
  writeSync(fd2, 'a,b\n1,2\n3,"unclosed\n');
  const rowsChunk = Buffer.from("4,5\n".repeat(1 << 18));
  for (let i = 0; i < MAX_RECORD_BYTES / rowsChunk.length + 2; i++) writeSync(fd2, rowsChunk);
  closeSync(fd2);
  await assert.rejects(rows(q), /open-big\.csv:3: a record longer than 16 MiB starts here/);
  // a long quoted field under the limit: read whole, across several buffer refills
  const long = "z".repeat(12 * 1024 * 1024);
  const r = await rows(file("long.csv", `a,b\n1,"${long}"\n2,x\n`));
  assert.equal(r.rows.length, 2);
  assert.equal((r.rows[0][1] as string).length, long.length);
  assert.deepEqual(r.lines, [2, 3]);
});

test("a wanted column that is missing: a failed data check with a did-you-mean, in every format", async () => {
  const csv = file("cols.csv", "amuont,label\n1,0\n");
  await assert.rejects(rows(csv, { columns: ["amount", "label"] }), (e: Error) => {
    assert.ok(e instanceof DataError);
    assert.match(e.message, /cols\.csv:1: there is no column "amount"; did you mean "amuont"\?/);
    assert.equal(exitCodeOf(e), 1);
    return true;
  });
  const jl = file("cols.jsonl", '{"amuont": 1, "label": 0}\n');
  await assert.rejects(
    rows(jl, { columns: ["amount"] }),
    /cols\.jsonl:1: there is no column "amount"; did you mean "amuont"\?/,
  );
});

test("JSONL: objects per line, missing keys are null, a bad line and a misspelt key name their line", async () => {
  const p = file("d.jsonl", '{"a":1,"b":"x"}\n\n{"a":2}\n{"a":"3.5","b":null}\n');
  const r = await rows(p, { numeric: ["a"] });
  assert.deepEqual(r.rows, [
    [1, "x"],
    [2, null],
    [3.5, null],
  ]);
  assert.deepEqual(r.lines, [1, 3, 4]);
  await assert.rejects(rows(file("bad.jsonl", '{"a":1}\n{"a":\n')), /bad\.jsonl:2: row 2: not valid JSON/);
  await assert.rejects(
    rows(file("typo.jsonl", '{"amount":1,"label":0}\n{"amount":2,"label":1}\n{"amuont":3,"label":0}\n')),
    /typo\.jsonl:3: row 3: key "amuont" is not among the keys of the first line; did you mean "amount"\?/,
  );
});

test("JSONL: integers beyond 2^53 keep every digit", async () => {
  const p = file(
    "ids.jsonl",
    '{"id": 9007199254740993, "s": "9007199254740993", "x": 1.5}\n{"id": 12, "s": "a", "x": 2}\n',
  );
  const r = await rows(p);
  assert.deepEqual(r.rows, [
    [9007199254740993n, "9007199254740993", 1.5],
    [12, "a", 2],
  ]);
});

function writeParquet(name: string, n: number) {
  const p = join(dir, name);
  parquetWriteFile({
    filename: p,
    columnData: [
      { name: "x", data: Float64Array.from({ length: n }, (_, i) => i / 2), type: "DOUBLE" },
      { name: "opt", data: Array.from({ length: n }, (_, i) => (i % 7 === 0 ? null : i * 1.5)), type: "DOUBLE" },
      { name: "f32", data: Array.from({ length: n }, (_, i) => (i % 4) / 4), type: "FLOAT" },
      { name: "i32", data: Array.from({ length: n }, (_, i) => (i % 5 === 0 ? null : i % 3)), type: "INT32" },
      { name: "i64", data: Array.from({ length: n }, (_, i) => BigInt(i) * 1000000007n), type: "INT64" },
      { name: "b", data: Array.from({ length: n }, (_, i) => i % 2 === 0), type: "BOOLEAN" },
      { name: "c", data: Array.from({ length: n }, (_, i) => (i % 3 === 0 ? null : `v${i % 5}`)), type: "STRING" },
      {
        name: "num_text",
        data: Array.from({ length: n }, (_, i) => (i % 11 === 0 ? "n/a" : String(i))),
        type: "STRING",
      },
      { name: "list", data: Array.from({ length: n }, (_, i) => (i % 9 === 0 ? null : [i, i + 1])), type: "JSON" },
    ],
    rowGroupSize: 10000,
  });
  return p;
}

test("Parquet: pages decoded straight into numbers agree with hyparquet's rows, across row groups and batches", async () => {
  const n = 25003;
  const p = writeParquet("d.parquet", n);
  const want = await parquetReadObjects({ file: await (await import("hyparquet")).asyncBufferFromFile(p) });
  const numeric = ["x", "opt", "f32", "i32", "i64", "b", "num_text"];
  for (const batchSize of [4096, 777]) {
    const cells = await rows(p, { batchSize });
    const nums = await rows(p, { batchSize, numeric });
    assert.deepEqual(cells.columns, ["x", "opt", "f32", "i32", "i64", "b", "c", "num_text", "list"]);
    assert.equal(cells.rows.length, n);
    assert.equal(nums.rows.length, n);
    for (let i = 0; i < n; i++) {
      const w = want[i];
      const got = cells.rows[i];
      cells.columns.forEach((c, k) => {
        const v = w[c] === undefined ? null : w[c];
        if (c === "list") assert.deepEqual(got[k], v, `row ${i} ${c}`);
        else assert.equal(got[k], v, `row ${i} ${c}`);
      });
      const num = nums.rows[i];
      const asNumber = (v: unknown) =>
        v === null || v === undefined ? Number.NaN : typeof v === "boolean" ? Number(v) : Number(v as number);
      for (const c of ["x", "opt", "f32", "i32", "i64", "b"]) {
        assert.ok(Object.is(num[cells.columns.indexOf(c)], asNumber(w[c])), `row ${i} ${c}`);
      }
      const t = num[cells.columns.indexOf("num_text")];
      assert.ok(i % 11 === 0 ? Number.isNaN(t) : t === i, `row ${i} num_text`);
    }
    // the texts that are not numbers, by row
    assert.deepEqual(
      nums.notNumbers.map(([row, , text]) => [row, text]),
      Array.from({ length: Math.ceil(n / 11) }, (_, k) => [k * 11 + 1, "n/a"]),
    );
  }
});

test("Parquet: other encodings, codecs, required columns and a nested list column", async () => {
  const p = join(dir, "enc.parquet");
  const n = 3001;
  parquetWriteFile({
    filename: p,
    columnData: [
      {
        name: "bss",
        data: Float64Array.from({ length: n }, (_, i) => i * 0.25),
        encoding: "BYTE_STREAM_SPLIT",
        nullable: false,
      },
      {
        name: "delta",
        data: Int32Array.from({ length: n }, (_, i) => i - 7),
        encoding: "DELTA_BINARY_PACKED",
        codec: "UNCOMPRESSED",
      },
      {
        name: "dict",
        data: Array.from({ length: n }, (_, i) => (i % 13 === 0 ? null : (i % 4) + 0.5)),
      },
      { name: "list", data: Array.from({ length: n }, (_, i) => (i % 5 === 0 ? null : [i, i % 3])) },
    ],
    schema: [
      { name: "root", num_children: 4 },
      { name: "bss", type: "DOUBLE", repetition_type: "REQUIRED" },
      { name: "delta", type: "INT32", repetition_type: "REQUIRED" },
      { name: "dict", type: "DOUBLE", repetition_type: "OPTIONAL" },
      { name: "list", repetition_type: "OPTIONAL", converted_type: "LIST", num_children: 1 },
      { name: "list", repetition_type: "REPEATED", num_children: 1 },
      { name: "element", type: "INT32", repetition_type: "OPTIONAL" },
    ],
    rowGroupSize: 1000,
  });
  const want = await parquetReadObjects({ file: await (await import("hyparquet")).asyncBufferFromFile(p) });
  const nums = await rows(p, { numeric: ["bss", "delta", "dict"], batchSize: 640 });
  assert.deepEqual(nums.columns, ["bss", "delta", "dict", "list"]);
  assert.equal(nums.rows.length, n);
  nums.rows.forEach((row, i) => {
    assert.deepEqual(row, [want[i].bss, want[i].delta, want[i].dict ?? Number.NaN, want[i].list ?? null], `row ${i}`);
  });
});

test("Parquet from DuckDB (data page v1, dictionaries, nulls): the values DuckDB wrote; zstd read or refused by name", async () => {
  const fixtures = join(import.meta.dirname, "../fixtures/parquet");
  const expect = (i: number) => [
    i,
    i % 7 === 0 ? Number.NaN : i * 0.37 - 100,
    i % 5 === 0 ? Number.NaN : i % 4,
    i * 1000000007,
    i % 3 === 0 ? 1 : 0,
    i % 6 === 0 ? null : ["apac", "eu", "us"][i % 3],
    Math.fround((i % 10) / 4),
  ];
  const numeric = ["id", "amount", "small", "big", "flag", "f32"];
  const snappy = await rows(join(fixtures, "duckdb-snappy.parquet"), { numeric, batchSize: 700 });
  assert.equal(snappy.rows.length, 3000);
  snappy.rows.forEach((row, i) => {
    const want = expect(i);
    row.forEach((v, k) => {
      assert.ok(
        Object.is(v, want[k]) || (typeof v === "number" && Math.abs(v - (want[k] as number)) < 1e-9),
        `row ${i} col ${k}: ${v}`,
      );
    });
  });
  const cells = await rows(join(fixtures, "duckdb-snappy.parquet"));
  assert.deepEqual(cells.rows[6], [6, 6 * 0.37 - 100, 2, 6000000042n, true, null, 1.5]);
  assert.deepEqual(cells.rows[35], [35, null, null, 35000000245n, false, "us", 1.25]);
  const zstd = rows(join(fixtures, "duckdb-zstd.parquet"), { numeric });
  if ("zstdDecompressSync" in (await import("node:zlib")).default) assert.equal((await zstd).rows.length, 3000);
  else
    await assert.rejects(
      zstd,
      /duckdb-zstd\.parquet: row 1: column "id" \(row group 1\): .*ZSTD.*compression="snappy"/,
    );
});

test("Parquet: a damaged file is a data error naming the file", async () => {
  const p = writeParquet("damaged.parquet", 3000);
  const bytes = (await import("node:fs")).readFileSync(p);
  bytes.fill(0xff, 4, 400); // the first page header of the first column
  writeFileSync(p, bytes);
  await assert.rejects(rows(p, { numeric: ["x"] }), (e: Error) => {
    assert.ok(e instanceof DataError, String(e));
    assert.match(e.message, /damaged\.parquet: row 1: column "x" \(row group 1\)/);
    return true;
  });
  await assert.rejects(rows(file("not.parquet", "a,b\n1,2\n")), /not\.parquet: is not a readable Parquet file/);
});

test("CSV in worker threads: the batches of one sequential pass, with blocks cut inside quoted fields and lines", async () => {
  let seed = 3;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const lines = ["id,x,note,y"];
  for (let i = 0; i < 6000; i++) {
    const note =
      i % 7 === 0 ? `"multi\nline ${i}\n""quoted"", with, commas"` : i % 11 === 0 ? "" : i % 13 === 0 ? '""' : `n${i}`;
    const x = i % 17 === 0 ? "oops" : i % 19 === 0 ? "" : String(Math.round((rand() - 0.5) * 1e6) / 1e3);
    lines.push(`${i},${x},${note},${i % 2}${i % 5 === 0 ? "\r" : ""}`);
    if (i % 97 === 0) lines.push("");
  }
  const p = file("threads.csv", `${lines.join("\n")}\n`);
  const all = async (parallel: { threads: number; blockBytes: number; workersOnly?: boolean }, batchSize: number) => {
    const out: unknown[] = [];
    for await (const b of readBatches(p, { numeric: ["x", "y"], batchSize, parallel })) {
      out.push({ ...b, lines: Array.from(b.lines ?? []), numeric: b.numeric?.map((a) => (a ? Array.from(a) : a)) });
    }
    return out;
  };
  for (const batchSize of [1000, 333]) {
    const one = await all({ threads: 0, blockBytes: 1 << 30 }, batchSize);
    for (const blockBytes of [4096, 1500]) {
      for (const workersOnly of [true, false]) {
        const threaded = await all({ threads: 2, blockBytes, workersOnly }, batchSize);
        assert.deepEqual(
          threaded,
          one,
          `batch size ${batchSize}, blocks of ${blockBytes}, workers only ${workersOnly}`,
        );
      }
    }
  }
  // an error in a later block: the same line and row as one pass gives
  const bad = file("threads-bad.csv", `${lines.slice(0, 4000).join("\n")}\n1,2,3\n${lines.slice(4000).join("\n")}\n`);
  const errOf = (parallel: { threads: number; blockBytes: number; workersOnly?: boolean }) =>
    (async () => {
      for await (const _ of readBatches(bad, { numeric: ["x"], parallel }));
    })().then(
      () => assert.fail("no error"),
      (e: Error) => e.message,
    );
  const want = await errOf({ threads: 0, blockBytes: 1 << 30 });
  assert.match(want, /threads-bad\.csv:\d+: row \d+: 3 fields where the header has 4/);
  assert.equal(await errOf({ threads: 2, blockBytes: 2048, workersOnly: true }), want);
});

test("Parquet in worker threads: the batches of one sequential pass, pieces of row groups joined in order", async () => {
  const p = writeParquet("threads.parquet", 140001);
  const all = async (threads: number, batchSize: number) => {
    const out: unknown[] = [];
    const parallel = { threads, blockBytes: 0 };
    for await (const b of readBatches(p, { numeric: ["x", "opt", "i64", "num_text"], batchSize, parallel })) {
      out.push({ ...b, numeric: b.numeric?.map((a) => (a ? Array.from(a) : a)) });
    }
    return out;
  };
  for (const batchSize of [8192, 5000]) assert.deepEqual(await all(2, batchSize), await all(0, batchSize));
});
