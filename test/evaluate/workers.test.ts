/**
 * The data read in the scoring workers (CSV batches cut here and parsed there, Parquet pieces decoded there) gives the
 * record of reading in this thread: the same codes (labels and slice values in order of first appearance), the same
 * rows left out, predictions, shards and errors — on files whose columns are in another order than the model's
 * inputs, with quoted fields, CRLF, blank lines and missing values.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parquetWriteFile } from "hyparquet-writer";
import type { EvaluationSpec } from "../../src/evaluate/collect.ts";
import { evaluateModel, evaluateShard, mergeShards, stablePart } from "../../src/evaluate/engine.ts";
import { prestartScoring } from "../../src/evaluate/prestart.ts";
import { defaultScoringWorkers } from "../../src/evaluate/prestarted.ts";
import { prestartedCount } from "../../src/util/prestarted.ts";
import { rng } from "../../src/util/random.ts";
import { linearRegressorModel, logisticRegressionModel } from "../support/onnx-build.ts";

const dir = mkdtempSync(join(tmpdir(), "mg-workers-"));
const ROWS = 12000;
const cand = logisticRegressionModel({ weights: [1, -0.5, 0.25], bias: 0.1 });
const base = logisticRegressionModel({ weights: [0.8, -0.2, 0.1], bias: 0 });

/** Columns: id, x2, seg (quoted, with commas), x1, y (text), x3 — not the model's order (x1, x2, x3). */
function rows() {
  const r = rng(5);
  const out: { id: number; x1: number; x2: number | null; x3: number; seg: string; y: string; t: number }[] = [];
  for (let i = 0; i < ROWS; i++) {
    const x1 = Math.round((r() * 4 - 2) * 1e5) / 1e5;
    const x2 = i % 997 === 5 ? null : Math.round((r() * 4 - 2) * 1e5) / 1e5;
    const x3 = Math.round((r() * 2 - 1) * 1e3) / 1e3;
    const z = x1 - 0.5 * (x2 ?? 0) + 0.25 * x3 + (r() - 0.5) * 2;
    // a segment that first appears in a later batch
    const seg = i < 5000 ? ["north, east", 'say "hi"', "south"][i % 3] : ["south", "west", "north, east"][i % 3];
    out.push({ id: i, x1, x2, x3, seg, y: z > 0 ? "yes" : "no", t: z * 3 });
  }
  return out;
}

const data = rows();
const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const csvText = `id,x2,seg,x1,y,x3,t\r\n\r\n${data
  .map((d) => `${d.id},${d.x2 ?? ""},${quote(d.seg)},${d.x1},${d.y},${d.x3},${d.t}`)
  .join("\r\n")}\r\n`;
writeFileSync(join(dir, "data.csv"), csvText);
const parquetFile = (name: string, rowGroupSize: number) =>
  parquetWriteFile({
    filename: join(dir, name),
    columnData: [
      { name: "id", data: data.map((d) => d.id), type: "INT32" },
      { name: "x2", data: data.map((d) => d.x2), type: "DOUBLE" },
      { name: "seg", data: data.map((d) => d.seg), type: "STRING" },
      { name: "x1", data: data.map((d) => d.x1), type: "DOUBLE" },
      { name: "y", data: data.map((d) => d.y), type: "STRING" },
      { name: "x3", data: data.map((d) => d.x3), type: "DOUBLE" },
      { name: "t", data: data.map((d) => d.t), type: "DOUBLE" },
    ],
    rowGroupSize,
  });
// batches of 1,000 rows cross its row groups: read in this thread; aligned.parquet's do not: read in the workers
parquetFile("data.parquet", 2500);
parquetFile("aligned.parquet", 2000);

function spec(file: string, over: Partial<EvaluationSpec> = {}): EvaluationSpec {
  const io = { mode: "tensor" as const, features: ["x1", "x2", "x3"] };
  return {
    name: "m",
    task: "binary-classification",
    data: { path: join(dir, file), display: file },
    label: { column: "y", classes: ["no", "yes"], positive: "yes" },
    threshold: 0.5,
    slices: [{ column: "seg" }, { column: "x1", buckets: [-1, 0, 1] }],
    minSliceSupport: 10,
    nanPolicy: "count",
    bootstrap: { resamples: 20, seed: 3 },
    candidate: { bytes: cand, source: "cand.onnx", io },
    baseline: { bytes: base, source: "base.onnx", io },
    batchSize: 1000,
    latency: false,
    ...over,
  };
}

async function same(s: EvaluationSpec) {
  const here = await evaluateModel({ ...s, workers: 0 });
  const there = await evaluateModel({ ...s, workers: 2 });
  assert.equal(here.timings.scoringWorkers, 0);
  assert.equal(there.timings.scoringWorkers, 2);
  assert.equal(JSON.stringify(stablePart(there), null, 1), JSON.stringify(stablePart(here), null, 1));
  return there;
}

async function failure(s: EvaluationSpec): Promise<string> {
  try {
    await evaluateModel(s);
  } catch (err) {
    return `${(err as Error).name}: ${(err as Error).message}`;
  }
  return "no error";
}

test("CSV and Parquet read in the scoring workers: the record of reading in this thread", async () => {
  for (const file of ["data.csv", "data.parquet"]) {
    const rec = await same(spec(file));
    assert.equal(rec.dataset.rows, ROWS - 13, `${file}: the rows with an empty x2 are left out and counted`);
    assert.deepEqual(rec.dataset.skipped, { nan_features: 13 });
    assert.ok(rec.slices.some((s) => s.value === "west"));
    // the bytes the workers parsed are the bytes hashed (the cutter reads through the readers' hashing opener)
    const sha = createHash("sha256")
      .update(readFileSync(join(dir, file)))
      .digest("hex");
    assert.equal(rec.dataset.sha256, sha, `${file}: the record's sha256 is the file's`);
  }
});

test("Parquet row groups decoded in the scoring workers: the record, the digest and the errors of reading in this thread", async () => {
  const rec = await same(spec("aligned.parquet"));
  assert.equal(rec.dataset.rows, ROWS - 13);
  const sha = createHash("sha256")
    .update(readFileSync(join(dir, "aligned.parquet")))
    .digest("hex");
  assert.equal(rec.dataset.sha256, sha);
  const linear = logisticRegressionModel({ weights: [0.1, 0.8, -0.2], bias: 0 });
  const io = { mode: "tensor" as const, features: ["x3", "x1", "x2"] };
  await same(spec("aligned.parquet", { baseline: { bytes: linear, source: "base.onnx", io } }));
  const here = await failure({ ...spec("aligned.parquet", { nanPolicy: "fail" }), workers: 0 });
  const there = await failure({ ...spec("aligned.parquet", { nanPolicy: "fail" }), workers: 2 });
  assert.match(here, /aligned\.parquet: row 6: feature "x2" is not a finite number \(empty or NaN\)/);
  assert.equal(there, here);
});

test("the input tensor filled as CSV is parsed: the record of reading in this thread, any baseline", async () => {
  // every value finite (the tensor is fed as parsed); the baseline takes the features in another order, then as float64
  const clean = csvText.replace(/^(\d+),,/gm, "$1,0.5,");
  writeFileSync(join(dir, "clean.csv"), clean);
  const reordered = logisticRegressionModel({ weights: [0.1, 0.8, -0.2], bias: 0 });
  const io = { mode: "tensor" as const, features: ["x3", "x1", "x2"] };
  const rec = await same(spec("clean.csv", { baseline: { bytes: reordered, source: "base.onnx", io } }));
  assert.equal(rec.dataset.rows, ROWS);
  await same(spec("clean.csv", { baseline: undefined, nanPolicy: "fail" }));
});

test("regression in the scoring workers: the record of reading in this thread", async () => {
  const model = linearRegressorModel({ coefficients: [1, -0.5, 0.25], intercept: 0 });
  const io = { mode: "tensor" as const, features: ["x1", "x2", "x3"] };
  for (const file of ["data.csv", "data.parquet"]) {
    await same(
      spec(file, {
        task: "regression",
        label: { column: "t" },
        candidate: { bytes: model, source: "reg.onnx", io },
        baseline: undefined,
      }),
    );
  }
});

test("shards read in the scoring workers merge into the single run", async () => {
  for (const file of ["data.csv", "data.parquet"]) {
    const single = await evaluateModel({ ...spec(file), workers: 0 });
    const states = [];
    for (const index of [2, 1, 3])
      states.push(await evaluateShard({ ...spec(file), workers: 2, shard: { index, count: 3 } }));
    const merged = await mergeShards(states);
    assert.equal(JSON.stringify(stablePart(merged)), JSON.stringify(stablePart(single)));
  }
});

test("a bad value fails the same way in the scoring workers: the first in the file, its line and row", async () => {
  const lines = csvText.split("\r\n");
  lines[7001] = lines[7001].replace(/^(\d+),[^,]*,/, "$1,abc,"); // data row 7000 (line 7002): x2 is text
  lines[9500] = lines[9500].replace(/,(yes|no),/, ",,"); // data row 9499: no label
  writeFileSync(join(dir, "bad.csv"), lines.join("\r\n"));
  const expected = [
    /bad\.csv:8: row 6: feature "x2" is not a finite number \(empty or NaN\)/, // the first empty x2
    /bad\.csv:9501: row 9499: no label in "y"/,
  ];
  for (const [k, over] of [{ nanPolicy: "fail" as const }, {}].entries()) {
    const here = await failure({ ...spec("bad.csv", over), workers: 0 });
    const there = await failure({ ...spec("bad.csv", over), workers: 2 });
    assert.equal(there, here);
    assert.match(here, expected[k]);
  }
  // a record with a field too many, past the first batches
  lines[5001] = `${lines[5001]},1`;
  writeFileSync(join(dir, "bad2.csv"), lines.join("\r\n"));
  const here = await failure({ ...spec("bad2.csv"), workers: 0 });
  assert.equal(await failure({ ...spec("bad2.csv"), workers: 2 }), here);
  assert.match(here, /DataError: bad2\.csv:5002: row 5000: 8 fields where the header has 7/);
});

test("scoring workers started before the command loads (prestart.ts): taken by the pool, the same record; ended when not", async () => {
  const workers = defaultScoringWorkers();
  if (workers === 0) return; // one CPU: no workers to start
  const args = (data: string) => ["--model", "cand.onnx", "--data", join(dir, data), "--task", "binary-classification"];
  // not a quick look, or a file under the size: none started
  await prestartScoring(["m", "--data", join(dir, "aligned.parquet")], 0)();
  await prestartScoring(args("aligned.parquet"))();
  assert.equal(prestartedCount("scoring"), 0);
  const end = prestartScoring(args("aligned.parquet"), 0);
  assert.equal(prestartedCount("scoring"), workers);
  const s = spec("aligned.parquet");
  // with the latency: measured in a worker's session (this thread opens none), and onnxruntime's version told by it
  const there = await evaluateModel({ ...s, workers, latency: true });
  await end();
  assert.equal(there.timings.scoringWorkers, workers);
  assert.equal(there.timings.latency?.candidate.runs, 200);
  assert.equal(there.timings.latency?.baseline?.runs, 200);
  assert.equal(prestartedCount("scoring"), 0, "the pool took the prestarted workers");
  const here = await evaluateModel({ ...s, workers: 0 });
  assert.equal(JSON.stringify(stablePart(there), null, 1), JSON.stringify(stablePart(here), null, 1));
  // started, not taken: ended when the command is done (the test's process would not end otherwise)
  await prestartScoring(args("aligned.parquet"), 0)();
});
