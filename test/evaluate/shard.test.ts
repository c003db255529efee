import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
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
  const shard2 = JSON.parse(readFileSync(join(dir, states[1]), "utf8"));
  assert.equal(shard2.rows, 8192);
  const merged = JSON.parse(await cli("merge", states[2], states[0], states[1], "--json", "--out", "merged.json"));
  assert.equal(merged.dataset.rows, 20000);
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
