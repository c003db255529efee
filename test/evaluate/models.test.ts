import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parquetWriteFile } from "hyparquet-writer";
import ort from "onnxruntime-node";
import { type EvaluationSpec, evaluateModel } from "../../src/evaluate/engine.ts";
import {
  columnsModel,
  linearRegressorModel,
  softmaxRegressionModel,
  treeEnsembleClassifierModel,
} from "../support/onnx-build.ts";
import { assertClose, rng, sklearn } from "../support/sklearn.ts";

const dir = mkdtempSync(join(tmpdir(), "mg-models-"));

function spec(
  over: Partial<EvaluationSpec> & Pick<EvaluationSpec, "task" | "data" | "label" | "candidate">,
): EvaluationSpec {
  return {
    name: "m",
    threshold: 0.5,
    slices: [],
    minSliceSupport: 30,
    nanPolicy: "fail",
    bootstrap: { resamples: 20, seed: 1 },
    latency: false,
    ...over,
  };
}

async function run(bytes: Uint8Array, x: number[][], output: string): Promise<Float32Array> {
  const s = await ort.InferenceSession.create(bytes);
  const out = await s.run(
    { [s.inputNames[0]]: new ort.Tensor("float32", Float32Array.from(x.flat()), [x.length, x[0].length]) },
    [output],
  );
  return out[output].data as Float32Array;
}

test("TreeEnsembleClassifier from Parquet: metrics equal scikit-learn on the model's probabilities", async () => {
  const r = rng(21);
  const n = 3000;
  const f0: number[] = [];
  const f1: number[] = [];
  const y: bigint[] = [];
  for (let i = 0; i < n; i++) {
    f0.push(r());
    f1.push(r());
    y.push(f0[i] + 0.3 * f1[i] + (r() - 0.5) * 0.6 > 0.65 ? 1n : 0n);
  }
  const path = join(dir, "tree.parquet");
  parquetWriteFile({
    filename: path,
    columnData: [
      { name: "f0", data: f0, type: "DOUBLE" },
      { name: "f1", data: f1, type: "DOUBLE" },
      { name: "y", data: y, type: "INT64" },
    ],
  });
  const trees = [
    [
      { id: 0, feature: 0, value: 0.5, yes: 1, no: 2 },
      { id: 1, leaf: [0.9, 0.1] },
      { id: 2, feature: 1, value: 0.4, yes: 3, no: 4 },
      { id: 3, leaf: [0.45, 0.55] },
      { id: 4, leaf: [0.1, 0.9] },
    ],
    [
      { id: 0, feature: 0, value: 0.7, yes: 1, no: 2 },
      { id: 1, leaf: [0.7, 0.3] },
      { id: 2, leaf: [0.2, 0.8] },
    ],
  ];
  const bytes = treeEnsembleClassifierModel({ trees, features: 2, classes: [0, 1] });
  const rec = await evaluateModel(
    spec({
      task: "binary-classification",
      data: { path },
      label: { column: "y" },
      candidate: { bytes, source: "tree.onnx", io: { mode: "tensor", features: ["f0", "f1"] } },
    }),
  );
  const x = f0.map((v, i) => [v, f1[i]]);
  const p = await run(bytes, x, "probabilities");
  const ref = await sklearn({ task: "binary", y: y.map(Number), score: x.map((_, i) => p[i * 2 + 1]), threshold: 0.5 });
  for (const [k, v] of Object.entries(rec.candidate.metrics)) assertClose(v, ref[k], k);
  assert.equal(rec.dataset.format, "parquet");
});

test("multiclass (softmax, string classes from JSONL): metrics equal scikit-learn", async () => {
  const r = rng(22);
  const n = 2400;
  const classes = ["bronze", "gold", "silver"];
  const x: number[][] = [];
  const y: number[] = [];
  let s = "";
  for (let i = 0; i < n; i++) {
    const row = [r() * 2 - 1, r() * 2 - 1];
    const c = row[0] + (r() - 0.5) > 0.3 ? 1 : row[1] + (r() - 0.5) > 0 ? 2 : 0;
    x.push(row);
    y.push(c);
    s += `${JSON.stringify({ a: row[0], b: row[1], tier: classes[c] })}\n`;
  }
  const path = join(dir, "multi.jsonl");
  writeFileSync(path, s);
  const bytes = softmaxRegressionModel({
    weights: [
      [0, 2, 0],
      [-1, 0, 1],
    ],
    bias: [0, -0.5, 0],
  });
  const rec = await evaluateModel(
    spec({
      task: "multiclass-classification",
      data: { path },
      label: { column: "tier", classes },
      slices: [{ column: "tier" }],
      candidate: { bytes, source: "softmax.onnx", io: { mode: "tensor", features: ["a", "b"] } },
    }),
  );
  const p = await run(bytes, x, "probabilities");
  const ref = await sklearn({ task: "multiclass", y, proba: Array.from(p), k: 3 });
  for (const [k, v] of Object.entries(rec.candidate.metrics)) assertClose(v, ref[k], k);
  assert.deepEqual(rec.candidate.confusion?.matrix, ref.confusion);
  assert.deepEqual(rec.candidate.confusion?.labels, classes);
  assert.ok(rec.fairness.some((f) => f.metric === "recall_macro"));
});

test("regression (LinearRegressor): mae, rmse, r2, mape (zero targets skipped and counted), median_ae, max_error", async () => {
  const r = rng(23);
  const n = 2001;
  const x: number[][] = [];
  const y: number[] = [];
  let s = "size,rooms,price\n";
  for (let i = 0; i < n; i++) {
    const row = [Math.round(r() * 200), Math.floor(r() * 6)];
    const t = i % 100 === 0 ? 0 : Math.round(1000 + 3 * row[0] + 50 * row[1] + (r() - 0.5) * 300);
    x.push(row);
    y.push(t);
    s += `${row.join(",")},${t}\n`;
  }
  const path = join(dir, "houses.csv");
  writeFileSync(path, s);
  const bytes = linearRegressorModel({ coefficients: [3.1, 45], intercept: 990 });
  const rec = await evaluateModel(
    spec({
      task: "regression",
      data: { path },
      label: { column: "price" },
      candidate: { bytes, source: "lin.onnx", io: { mode: "tensor", features: ["size", "rooms"] } },
    }),
  );
  const p = await run(bytes, x, "variable");
  const ref = await sklearn({ task: "regression", y, pred: Array.from(p) });
  for (const [k, v] of Object.entries(rec.candidate.metrics)) assertClose(v, ref[k], k);
  assert.equal(rec.dataset.skipped.mape_zero_targets, 21);
});

test("columns mode: one input per column with float, int64 and string casts", async () => {
  const r = rng(24);
  let s = "amount,count,channel,y\n";
  const rows: [number, number, string, number][] = [];
  for (let i = 0; i < 600; i++) {
    const row: [number, number, string, number] = [
      Math.round(r() * 100) / 10,
      Math.floor(r() * 5),
      r() < 0.5 ? "web" : "app",
      0,
    ];
    row[3] = 0.1 * row[0] + 0.2 * row[1] + (row[2] === "web" ? 0.5 : -0.5) + (r() - 0.5) * 2 > 1 ? 1 : 0;
    rows.push(row);
    s += `${row.join(",")}\n`;
  }
  const path = join(dir, "cols.csv");
  writeFileSync(path, s);
  const opts = { wAmount: 0.1, wCount: 0.2, channels: ["web", "app"], wChannel: [0.5, -0.5], bias: -1 };
  const bytes = columnsModel(opts);
  const rec = await evaluateModel(
    spec({
      task: "binary-classification",
      data: { path },
      label: { column: "y" },
      candidate: {
        bytes,
        source: "cols.onnx",
        io: {
          mode: "columns",
          features: ["amount", "count", "channel"],
          signature: {
            inputs: [
              { name: "amount", type: "float32", shape: [-1, 1] },
              { name: "count", type: "int64", shape: ["N", 1] },
              { name: "channel", type: "string", shape: ["N", 1] },
            ],
            outputs: [{ name: "probabilities", type: "float32", shape: ["N", 2] }],
          },
        },
      },
    }),
  );
  const s2 = await ort.InferenceSession.create(bytes);
  const out = await s2.run({
    amount: new ort.Tensor("float32", Float32Array.from(rows.map((x) => x[0])), [rows.length, 1]),
    count: new ort.Tensor("int64", BigInt64Array.from(rows.map((x) => BigInt(x[1]))), [rows.length, 1]),
    channel: new ort.Tensor(
      "string",
      rows.map((x) => x[2]),
      [rows.length, 1],
    ),
  });
  const p = out.probabilities.data as Float32Array;
  const ref = await sklearn({
    task: "binary",
    y: rows.map((x) => x[3]),
    score: rows.map((_, i) => p[i * 2 + 1]),
    threshold: 0.5,
  });
  for (const [k, v] of Object.entries(rec.candidate.metrics)) assertClose(v, ref[k], k);
});

test("a declared signature that differs from the model names the input and both values", async () => {
  const bytes = linearRegressorModel({ coefficients: [1, 2], intercept: 0 });
  const path = join(dir, "sig.csv");
  writeFileSync(path, "a,b,y\n1,2,3\n");
  await assert.rejects(
    evaluateModel(
      spec({
        task: "regression",
        data: { path },
        label: { column: "y" },
        candidate: {
          bytes,
          source: "models/lin.onnx",
          io: {
            mode: "tensor",
            features: ["a", "b"],
            signature: {
              inputs: [{ name: "float_input", type: "float64", shape: ["N", 2] }],
              outputs: [{ name: "variable", type: "float32", shape: ["N", 1] }],
            },
          },
        },
      }),
    ),
    /models\/lin\.onnx does not match its declared signature:\n {2}input "float_input": the manifest says float64 \[N, 2\], the model has float32 \[N, 2\]/,
  );
});

test("labels outside the declared classes are a check failure that names them and their counts", async () => {
  const path = join(dir, "outside.csv");
  writeFileSync(path, "a,b,tier\n1,2,gold\n2,1,silver\n0,0,platinum\n1,1,platinum\n");
  const bytes = softmaxRegressionModel({
    weights: [
      [1, 0, 0],
      [0, 1, 0],
    ],
    bias: [0, 0, 0],
  });
  await assert.rejects(
    evaluateModel(
      spec({
        task: "multiclass-classification",
        data: { path },
        label: { column: "tier", classes: ["bronze", "gold", "silver"] },
        candidate: { bytes, source: "m.onnx", io: { mode: "tensor", features: ["a", "b"] } },
      }),
    ),
    /label "tier" has values outside the classes \[bronze, gold, silver\]: "platinum" \(2 rows\); fix the data or spec\.label\.classes/,
  );
});
