import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parquetWriteFile } from "hyparquet-writer";
import { main } from "../../src/cli/main.ts";
import { stablePart } from "../../src/evaluate/engine.ts";
import { logisticRegressionModel } from "../support/onnx-build.ts";
import { bufferIo } from "../../src/util/io.ts";
import { rng } from "../support/sklearn.ts";

const dir = mkdtempSync(join(tmpdir(), "mg-shard-"));
const r = rng(31);
let csv = "x1,x2,segment,y\n";
// 20,000 rows: three batches of 8,192 rows, so each of three shards holds one batch
for (let i = 0; i < 20000; i++) {
  const x1 = Math.round((r() * 2 - 1) * 1e4) / 1e4;
  const x2 = Math.round((r() * 2 - 1) * 1e4) / 1e4;
  const y = x1 - 0.5 * x2 + (r() - 0.5) * 1.5 > 0 ? 1 : 0;
  csv += `${x1},${x2},${["a", "b", "c", "d"][Math.floor(r() * 4)]},${y}\n`;
}
writeFileSync(join(dir, "data.csv"), csv);
writeFileSync(join(dir, "cand.onnx"), logisticRegressionModel({ weights: [1, -0.5], bias: 0 }));
writeFileSync(join(dir, "base.onnx"), logisticRegressionModel({ weights: [0.8, -0.2], bias: 0.1 }));

async function cli(...args: string[]) {
  const io = bufferIo(dir);
  const code = await main(["evaluate", ...args], io);
  assert.equal(code, 0, io.stderr);
  return io.stdout;
}

const common = [
  "--model",
  "cand.onnx",
  "--baseline",
  "base.onnx",
  "--data",
  "data.csv",
  "--task",
  "binary-classification",
  "--label",
  "y",
  "--slice",
  "segment",
  "--resamples",
  "100",
];

test("sharded (3 shards, evaluated in any order) then merged equals a single run, intervals and AUC included", async () => {
  const single = JSON.parse(await cli(...common, "--json", "--out", "single.json"));
  for (const i of [3, 1, 2]) await cli(...common, "--shard", `${i}/3`);
  const states = [1, 2, 3].map((i) => `.modelgate/evaluations/cand.shard-${i}-of-3.json`);
  // each shard read its third of the bytes (records aligned to line starts), and the parts meet
  const parts = states.map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")));
  assert.equal(parts[0].shard.bytes.start, "x1,x2,segment,y\n".length);
  assert.equal(parts[1].shard.bytes.start, parts[0].shard.bytes.end);
  assert.equal(parts[2].shard.bytes.start, parts[1].shard.bytes.end);
  assert.equal(parts[2].shard.bytes.end, csv.length);
  for (const p of parts) assert.ok(Math.abs(p.rows - 20000 / 3) < 200, `${p.rows} rows`);
  const merged = JSON.parse(await cli("merge", states[2], states[0], states[1], "--json", "--out", "merged.json"));
  assert.equal(merged.dataset.rows, 20000);
  assert.equal(JSON.stringify(stablePart(merged)), JSON.stringify(stablePart(single)));
});

test("merge refuses CSV parts that do not meet (a shard that started inside a quoted field)", async () => {
  const states = [1, 2, 3].map((i) => `.modelgate/evaluations/cand.shard-${i}-of-3.json`);
  const second = JSON.parse(readFileSync(join(dir, states[1]), "utf8"));
  // as a shard whose first line break was inside a quoted field would have found its first record
  second.shard.bytes.start += 3;
  writeFileSync(join(dir, "moved.json"), JSON.stringify(second));
  const io = bufferIo(dir);
  assert.equal(await main(["evaluate", "merge", states[0], "moved.json", states[2]], io), 2);
  assert.match(
    io.stderr,
    /moved\.json starts its rows at byte \d+, but .*cand\.shard-1-of-3\.json read to byte \d+: the file has a line break inside a quoted field/,
  );
});

test("Parquet: shards read their row groups; merged, they equal a single run", async () => {
  const rows = csv
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split(","));
  parquetWriteFile({
    filename: join(dir, "data.parquet"),
    columnData: [
      { name: "x1", data: Float64Array.from(rows, (r) => Number(r[0])), type: "DOUBLE" },
      { name: "x2", data: Float64Array.from(rows, (r) => Number(r[1])), type: "DOUBLE" },
      { name: "segment", data: rows.map((r) => r[2]), type: "STRING" },
      { name: "y", data: Int32Array.from(rows, (r) => Number(r[3])), type: "INT32" },
    ],
    rowGroupSize: 3000,
  });
  const pq = common.map((a) => (a === "data.csv" ? "data.parquet" : a));
  const single = JSON.parse(await cli(...pq, "--json", "--out", "pq-single.json"));
  for (const i of [2, 1]) await cli(...pq, "--shard", `${i}/2`, "--out", `pq-${i}.json`);
  const first = JSON.parse(readFileSync(join(dir, "pq-1.json"), "utf8"));
  assert.equal(first.rows, 9000, "row groups 1-3 of 7 (3,000 rows each)");
  const merged = JSON.parse(await cli("merge", "pq-2.json", "pq-1.json", "--json", "--out", "pq-merged.json"));
  assert.equal(JSON.stringify(stablePart(merged)), JSON.stringify(stablePart(single)));
});

test("merge refuses a missing shard and shards of different runs", async () => {
  await cli(...common, "--shard", "1/2", "--out", "a1.json");
  await cli(...common, "--shard", "2/2", "--seed", "7", "--out", "b2.json");
  const io = bufferIo(dir);
  assert.equal(await main(["evaluate", "merge", "a1.json"], io), 2);
  assert.match(io.stderr, /shards 2\/2 are missing/);
  const io2 = bufferIo(dir);
  assert.equal(await main(["evaluate", "merge", "a1.json", "b2.json"], io2), 2);
  assert.match(io2.stderr, /b2\.json was evaluated with other settings, data or models than a1\.json/);
});
