import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import ort from "onnxruntime-node";
import { main } from "../../src/cli/main.ts";
import { stablePart } from "../../src/evaluate/engine.ts";
import { buildModel, linearClassifierZipMapModel, logisticRegressionModel } from "../support/onnx-build.ts";
import { evaluationRecordSchema } from "../../src/records/evaluation.ts";
import { bufferIo } from "../../src/util/io.ts";
import { makeFixtureRepo } from "../support/fixture-repo.ts";
import { bundleCli } from "../support/run-action.ts";
import { assertClose, rng, sklearn } from "../support/sklearn.ts";

/** A data file the evaluator has never seen: 3 features, a region, a 0/1 label, written as a user would. */
function writeData(dir: string, n: number, seed: number): { path: string; x: number[][]; y: number[] } {
  const r = rng(seed);
  const x: number[][] = [];
  const y: number[] = [];
  let s = "amount,age,score,region,is_fraud\n";
  for (let i = 0; i < n; i++) {
    const row = [Math.round(r() * 50000) / 100, Math.floor(18 + r() * 60), Math.round((r() * 2 - 1) * 1e4) / 1e4];
    const z = 0.004 * row[0] - 0.03 * row[1] + 1.5 * row[2] + (r() - 0.5) * 2;
    x.push(row);
    y.push(z > 0 ? 1 : 0);
    s += `${row.join(",")},${["eu", "us", "apac"][i % 3]},${y[i]}\n`;
  }
  const path = join(dir, "transactions.csv");
  writeFileSync(path, s);
  return { path, x, y };
}

async function predict(bytes: Uint8Array, x: number[][], output: string): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(bytes);
  const input = session.inputNames[0];
  const out = await session.run(
    { [input]: new ort.Tensor("float32", Float32Array.from(x.flat()), [x.length, x[0].length]) },
    [output],
  );
  return out[output].data as Float32Array;
}

async function cli(cwd: string, ...args: string[]) {
  const io = bufferIo(cwd);
  const code = await main(["evaluate", ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

const dir = mkdtempSync(join(tmpdir(), "mg-eval-"));
const data = writeData(dir, 4000, 11);
const cand = logisticRegressionModel({ weights: [0.004, -0.03, 1.5], bias: 0.1 });
const base = logisticRegressionModel({ weights: [0.003, -0.02, 1.0], bias: 0.0 });
writeFileSync(join(dir, "candidate.onnx"), cand);
writeFileSync(join(dir, "baseline.onnx"), base);

test("quick look: a model and a CSV it has never seen; metrics equal scikit-learn's on the same predictions", async () => {
  const r = await cli(
    dir,
    "--model",
    "candidate.onnx",
    "--baseline",
    "baseline.onnx",
    "--data",
    "transactions.csv",
    "--task",
    "binary-classification",
    "--label",
    "is_fraud",
    "--slice",
    "region",
    "--resamples",
    "200",
  );
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /roc_auc/);
  assert.match(r.out, /record: \.modelgate\/evaluations\/candidate\.json/);
  const path = join(dir, ".modelgate/evaluations/candidate.json");
  const record = evaluationRecordSchema.parse(JSON.parse(readFileSync(path, "utf8")));
  // features default to every column but the label and the slice columns, in file order
  assert.deepEqual(record.dataset.features, ["amount", "age", "score"]);
  assert.equal(record.dataset.rows, 4000);
  assert.equal(record.model.positiveLabel, 1);
  assert.match(record.runtime.onnxruntime, /^\d+\.\d+\.\d+$/);
  assert.match(record.dataset.sha256, /^[0-9a-f]{64}$/);
  assert.equal(record.timings.latency?.candidate.runs, 200);
  assert.ok((record.timings.latency?.candidate.p95_ms ?? -1) >= 0);
});

test("quick look with explicit features: every metric agrees with scikit-learn to 1e-9; deltas and intervals are coherent", async () => {
  const out = join(dir, "out", "full.json");
  const r = await cli(
    dir,
    "--model",
    "candidate.onnx",
    "--baseline",
    "baseline.onnx",
    "--data",
    "transactions.csv",
    "--task",
    "binary-classification",
    "--label",
    "is_fraud",
    "--features",
    "amount,age,score",
    "--slice",
    "region",
    "--slice",
    "age:30,50",
    "--threshold",
    "0.4",
    "--resamples",
    "300",
    "--out",
    out,
    "--json",
  );
  assert.equal(r.code, 0, r.err);
  const record = evaluationRecordSchema.parse(JSON.parse(r.out));
  assert.deepEqual(JSON.parse(readFileSync(out, "utf8")), JSON.parse(r.out));
  for (const [role, bytes] of [
    ["candidate", cand],
    ["baseline", base],
  ] as const) {
    const p = await predict(bytes, data.x, "probabilities");
    const score = Array.from({ length: data.y.length }, (_, i) => p[i * 2 + 1]);
    const ref = await sklearn({ task: "binary", y: data.y, score, threshold: 0.4 });
    const got = record[role]!;
    for (const name of Object.keys(got.metrics)) assertClose(got.metrics[name], ref[name], `${role} ${name}`);
    assert.deepEqual(got.confusion?.matrix, ref.confusion);
    assert.deepEqual(got.confusion?.labels, [0, 1]);
    for (const [name, [lo, hi]] of Object.entries(got.intervals)) {
      assert.ok(lo <= hi, `${role} ${name} interval ordered`);
      assert.ok(
        lo - 1e-12 <= (got.metrics[name] as number) + 0.05 && hi + 0.05 >= (got.metrics[name] as number),
        `${name} near its interval`,
      );
    }
  }
  const auc = record.deltas.roc_auc;
  assertClose(
    auc.delta,
    (record.candidate.metrics.roc_auc as number) - (record.baseline!.metrics.roc_auc as number),
    "delta",
  );
  assert.equal(auc.excludesZero, auc.interval[0] > 0 || auc.interval[1] < 0);
  // slices: one row per region, counts add up, each slice's metrics equal scikit-learn on its rows
  const regions = record.slices.filter((s) => s.column === "region");
  assert.deepEqual(
    regions.map((s) => s.value),
    ["apac", "eu", "us"],
  );
  assert.equal(
    regions.reduce((n, s) => n + s.count, 0),
    4000,
  );
  const p = await predict(cand, data.x, "probabilities");
  const eu = data.y.map((_, i) => i).filter((i) => i % 3 === 0);
  const refEu = await sklearn({
    task: "binary",
    y: eu.map((i) => data.y[i]),
    score: eu.map((i) => p[i * 2 + 1]),
    threshold: 0.4,
  });
  assertClose(regions[1].candidate.roc_auc, refEu.roc_auc, "eu roc_auc");
  assertClose(regions[1].candidate.recall, refEu.recall, "eu recall");
  // fairness: equal opportunity (recall) and demographic parity (positive_rate) gaps over region
  const gap = record.fairness.find((f) => f.over === "region" && f.metric === "recall" && f.role === "candidate")!;
  const recalls = regions.map((s) => s.candidate.recall as number);
  assertClose(gap.gap, Math.max(...recalls) - Math.min(...recalls), "recall gap");
  assert.ok(record.fairness.some((f) => f.metric === "positive_rate" && f.role === "baseline"));
  // numeric buckets, in order
  assert.deepEqual(
    record.slices.filter((s) => s.column === "age").map((s) => s.value),
    ["(-inf, 30)", "[30, 50)", "[50, inf)"],
  );
  assert.equal(record.slices.find((s) => s.value === "(-inf, 30)")?.count, data.x.filter((x) => x[1] < 30).length);
  // curves for the report
  assert.ok((record.candidate.curves?.roc?.length ?? 0) > 10);
});

test("the same inputs give the same bytes, timings apart", async () => {
  const args = [
    "--model",
    "candidate.onnx",
    "--data",
    "transactions.csv",
    "--task",
    "binary-classification",
    "--label",
    "is_fraud",
    "--slice",
    "region",
    "--resamples",
    "50",
    "--json",
  ];
  const a = JSON.parse((await cli(dir, ...args)).out);
  const b = JSON.parse((await cli(dir, ...args)).out);
  assert.equal(JSON.stringify(stablePart(a)), JSON.stringify(stablePart(b)));
  assert.ok(!("baseline" in a));
  assert.deepEqual(a.deltas, {});
});

test("a ZipMap model (LinearClassifier + Normalizer + ZipMap, string classes) is read through its probability tensor", async () => {
  const bytes = linearClassifierZipMapModel({
    coefficients: [[0.004, -0.03, 1.5]],
    intercepts: [0.1],
    classes: ["fraud", "legit"],
  });
  writeFileSync(join(dir, "zipmap.onnx"), bytes);
  let s = "amount,age,score,label\n";
  data.x.forEach((row, i) => {
    s += `${row.join(",")},${data.y[i] ? "legit" : "fraud"}\n`;
  });
  writeFileSync(join(dir, "strings.csv"), s);
  const r = await cli(
    dir,
    "--model",
    "zipmap.onnx",
    "--data",
    "strings.csv",
    "--task",
    "binary-classification",
    "--label",
    "label",
    "--positive-label",
    "fraud",
    "--resamples",
    "0",
    "--json",
  );
  assert.equal(r.code, 0, r.err);
  const rec = JSON.parse(r.out);
  assert.equal(rec.candidate.output, "probabilities");
  assert.match(rec.candidate.notes[0], /ZipMap.*onnxruntime-node cannot return/);
  assert.equal(rec.model.positiveLabel, "fraud");
  const session = await ort.InferenceSession.create(bytes);
  const out = await session.run(
    { float_input: new ort.Tensor("float32", Float32Array.from(data.x.flat()), [data.x.length, 3]) },
    ["output_label"],
  );
  assert.equal((out.output_label.data as string[]).length, data.x.length);
  // the probability of "fraud" is column 0 of the model's classes [fraud, legit]
  const p1 = await predict(
    logisticRegressionModel({ weights: [0.004, -0.03, 1.5], bias: 0.1 }),
    data.x,
    "probabilities",
  );
  const scoreFraud = data.y.map((_, i) => 1 - p1[i * 2 + 1]);
  const yFraud = data.y.map((v) => 1 - v);
  const ref = await sklearn({ task: "binary", y: yFraud, score: scoreFraud, threshold: 0.5 });
  assertClose(rec.candidate.metrics.roc_auc, ref.roc_auc, "roc_auc", 1e-6);
  assert.deepEqual(rec.candidate.confusion.labels, ["legit", "fraud"]);
});

test("errors: not ONNX, a missing column, NaN features, labels outside the classes", async () => {
  writeFileSync(join(dir, "not.onnx"), "id,x\n1,2\n");
  const notOnnx = await cli(
    dir,
    "--model",
    "not.onnx",
    "--data",
    "transactions.csv",
    "--task",
    "regression",
    "--label",
    "is_fraud",
  );
  assert.equal(notOnnx.code, 2);
  assert.match(notOnnx.err, /not\.onnx is not an ONNX model/);

  const missing = await cli(
    dir,
    "--model",
    "candidate.onnx",
    "--data",
    "transactions.csv",
    "--task",
    "binary-classification",
    "--label",
    "fraud",
  );
  assert.equal(missing.code, 2);
  assert.match(
    missing.err,
    /--label fraud: no such column in transactions.csv \(it has: amount, age, score, region, is_fraud\)/,
  );

  const usage = await cli(dir, "--model", "candidate.onnx");
  assert.equal(usage.code, 2);
  assert.match(usage.err, /--data, --task, --label/);

  writeFileSync(join(dir, "nan.csv"), "a,b,c,y\n1,2,3,1\n1,,3,0\n4,5,x,1\n2,2,2,0\n");
  const nan = await cli(
    dir,
    "--model",
    "candidate.onnx",
    "--data",
    "nan.csv",
    "--task",
    "binary-classification",
    "--label",
    "y",
    "--resamples",
    "0",
  );
  assert.equal(nan.code, 1);
  assert.match(nan.err, /nan\.csv:3: row 2: feature "b" is not a finite number \(empty or NaN\); .*nanPolicy: count/);
  const counted = await cli(
    dir,
    "--model",
    "candidate.onnx",
    "--data",
    "nan.csv",
    "--task",
    "binary-classification",
    "--label",
    "y",
    "--nan-policy",
    "count",
    "--resamples",
    "0",
    "--json",
  );
  assert.equal(counted.code, 0, counted.err);
  const rec = JSON.parse(counted.out);
  assert.equal(rec.dataset.rows, 2);
  assert.deepEqual(rec.dataset.skipped, { nan_features: 2 });

  writeFileSync(join(dir, "three.csv"), "a,b,c,y\n1,2,3,1\n1,2,3,0\n4,5,6,2\n");
  const three = await cli(
    dir,
    "--model",
    "candidate.onnx",
    "--data",
    "three.csv",
    "--task",
    "binary-classification",
    "--label",
    "y",
  );
  assert.equal(three.code, 1);
  assert.match(three.err, /binary-classification but label "y" has 3 classes/);
  assert.ok(!existsSync(join(dir, ".modelgate/evaluations/three.json")));
});

test("each supported slice has its own paired intervals: those of the slice's rows evaluated alone", async () => {
  const common = ["--task", "binary-classification", "--label", "is_fraud", "--features", "amount,age,score"];
  const models = ["--model", join(dir, "candidate.onnx"), "--baseline", join(dir, "baseline.onnx")];
  const all = await cli(
    dir,
    ...models,
    "--data",
    data.path,
    ...common,
    "--slice",
    "region",
    "--resamples",
    "150",
    "--no-latency",
    "--json",
    "--out",
    join(dir, "sliced.json"),
  );
  assert.equal(all.code, 0, all.err);
  const rec = evaluationRecordSchema.parse(JSON.parse(all.out));
  assert.equal(rec.bootstrap.sliceResamples, 150);
  const us = rec.slices.find((s) => s.column === "region" && s.value === "us");
  assert.ok(us?.intervals && us.deltas, JSON.stringify(us));
  const [lo, hi] = us.intervals.roc_auc;
  assert.ok(lo <= us.candidate.roc_auc! && us.candidate.roc_auc! <= hi);

  // The same rows as a file of their own, bootstrapped with the same seed and resamples: the same intervals.
  const lines = readFileSync(data.path, "utf8").trim().split("\n");
  const only = join(dir, "us-only.csv");
  writeFileSync(only, `${[lines[0], ...lines.slice(1).filter((l) => l.split(",")[3] === "us")].join("\n")}\n`);
  const alone = await cli(
    dir,
    ...models,
    "--data",
    only,
    ...common,
    "--resamples",
    "150",
    "--no-latency",
    "--json",
    "--out",
    join(dir, "alone.json"),
  );
  assert.equal(alone.code, 0, alone.err);
  const solo = evaluationRecordSchema.parse(JSON.parse(alone.out));
  assert.equal(solo.dataset.rows, us.count);
  assert.deepEqual(us.intervals.roc_auc, solo.candidate.intervals.roc_auc);
  assert.deepEqual(us.deltas.recall.interval, solo.deltas.recall.interval);
});

test("a probability output with 3 columns for 2 classes is a message and exit 1, not an unhandled rejection", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-3col-"));
  const { path } = writeData(dir, 300, 7);
  // the output's class dimension is dynamic ([N, K]), so the model's 3 columns show only when it runs
  const model = buildModel({
    inputs: [{ name: "input", type: "float32", shape: ["N", 3] }],
    outputs: [{ name: "probabilities", type: "float32", shape: ["N", "K"] }],
    initializers: [
      { name: "W", type: "float32", dims: [3, 3], values: [0.01, 0, -0.01, 0.02, 0.01, 0, 1, 0, -1] },
      { name: "B", type: "float32", dims: [3], values: [0, 0, 0] },
    ],
    nodes: [
      { op: "MatMul", inputs: ["input", "W"], outputs: ["z0"] },
      { op: "Add", inputs: ["z0", "B"], outputs: ["z"] },
      { op: "Softmax", inputs: ["z"], outputs: ["probabilities"], attributes: { axis: 1 } },
    ],
  });
  writeFileSync(join(dir, "three.onnx"), model);
  // a process of its own: an unhandled rejection ends the process, which an in-process test would not show as a user sees it
  // the CLI as users run it, bundled (built once per content of src/, shared with other test files)
  const r = spawnSync(
    process.execPath,
    [
      await bundleCli(),
      "evaluate",
      "--model",
      join(dir, "three.onnx"),
      "--data",
      path,
      "--task",
      "binary-classification",
      "--label",
      "is_fraud",
      "--features",
      "amount,age,score",
      "--resamples",
      "0",
    ],
    { encoding: "utf8" },
  );
  assert.equal(r.status, 1, r.stderr);
  assert.match(
    r.stderr,
    /modelgate evaluate: \S*three\.onnx: output "probabilities" gives 3 values per row \(900 for 300 rows\), expected 2 \(a binary classifier's probability output has 1 or 2 columns\)/,
  );
  assert.doesNotMatch(r.stderr, /\n\s+at |internal error|Node\.js v/);
});

test("--resamples beyond 100,000 is a usage error naming the flag and the range (it was a RangeError)", async () => {
  const fx = makeFixtureRepo();
  for (const args of [
    ["evaluate", "churn", "--resamples", "99999999999"],
    [
      "evaluate",
      "--model",
      "models/churn/model.onnx",
      "--data",
      "data/churn-eval.csv",
      "--task",
      "binary-classification",
      "--label",
      "churned",
      "--resamples",
      "99999999999",
    ],
    ["evaluate", "churn", "--resamples", "2.5"],
  ]) {
    const io = bufferIo(fx.root);
    assert.equal(await main(args, io), 2, io.stderr);
    assert.match(
      io.stderr,
      /^modelgate evaluate: --resamples must be a whole number from 0 to 100,000, got "(99999999999|2\.5)"\n$/,
    );
  }
  fx.write(
    "models/churn/model.yaml",
    readFileSync(join(fx.root, "models/churn/model.yaml"), "utf8").replace(
      "    datasets: [churn-eval]\n",
      "    datasets: [churn-eval]\n    bootstrap: { resamples: 99999999999 }\n",
    ),
  );
  const io = bufferIo(fx.root);
  assert.equal(await main(["validate", "--skip-data"], io), 1);
  assert.match(io.stdout, /error\s+schema\s+spec\.evaluation\.bootstrap\.resamples: .*100000/);
});
