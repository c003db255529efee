import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { collectColumnStats } from "../../src/init/collect.ts";
import { guessTask, planColumns, planInputs, slug, tensorReview } from "../../src/init/infer.ts";
import { buildModel, linearRegressorModel } from "../support/onnx-build.ts";
import { readOnnxSignature } from "../../src/onnx/signature.ts";

async function statsOf(csv: string) {
  const dir = mkdtempSync(join(tmpdir(), "mg-infer-"));
  writeFileSync(join(dir, "d.csv"), csv);
  return collectColumnStats(join(dir, "d.csv"), "d.csv");
}

test("column types: integers, floats, booleans, text; 'nan' and empty cells are nulls of a numeric column", async () => {
  const stats = await statsOf("i,f,b,t,n,in\n1,1.5,true,a,nan,1\n2,,false,b,2.5,nan\n3,3,TRUE,nan,,3\n");
  const plans = planColumns(stats, "", undefined, new Set());
  const byName = Object.fromEntries(plans.map((p) => [p.name, p]));
  assert.deepEqual(
    plans.map((p) => [p.name, p.type, p.nullable]),
    [
      ["i", "integer", false],
      ["f", "float", true],
      ["b", "boolean", false],
      ["t", "string", false],
      ["n", "float", true],
      ["in", "float", true], // integers with a "nan" cannot be an integer column (nan is not a whole number)
    ],
  );
  assert.deepEqual([byName.i.min, byName.i.max, byName.i.expected], [0, undefined, { max: 4 }]);
  assert.deepEqual(byName.t.values, ["a", "b", "nan"], "in a text column, nan is a value");
});

test("roles: ids need an id-like name and unique values; text with few values is a slice, else ignored", async () => {
  const rows = Array.from({ length: 40 }, (_, i) => `${i},${i % 3},c${i},${["x", "y"][i % 2]},${i % 2}`);
  const stats = await statsOf(`user_id,group_id,comment,segment,y\n${rows.join("\n")}\n`);
  const roles = Object.fromEntries(
    planColumns(stats, "y", "binary-classification", new Set()).map((p) => [p.name, p.role]),
  );
  assert.deepEqual(roles, { user_id: "id", group_id: "feature", comment: "ignore", segment: "slice", y: "label" });
});

test("task: a ZipMap or a label output is classification; one float column is a score or a value by the label", async () => {
  const single = readOnnxSignature(linearRegressorModel({ coefficients: [1, 2], intercept: 0 }));
  const label = async (values: number[]) => (await statsOf(`y\n${values.join("\n")}\n`))[0];
  assert.equal(guessTask(single, await label([0, 1, 1, 0])).task, "binary-classification");
  assert.equal(guessTask(single, await label([0.5, 1.25, 7, 3])).task, "regression");
  assert.equal(guessTask(single, await label([1, 2, 3, 4, 5])).task, "regression");
  const threeClasses = readOnnxSignature(
    buildModel({
      inputs: [{ name: "x", type: "float32", shape: ["N", 2] }],
      outputs: [{ name: "probabilities", type: "float32", shape: ["N", 3] }],
      nodes: [{ op: "Softmax", inputs: ["x"], outputs: ["probabilities"] }],
    }),
  );
  assert.equal(guessTask(threeClasses, undefined).task, "multiclass-classification");
});

test("inputs: by name when every input is a column; else one tensor, whose width the feature count must match", () => {
  const cols = readOnnxSignature(
    buildModel({
      inputs: [
        { name: "a", type: "float32", shape: ["N", 1] },
        { name: "b", type: "int64", shape: ["N", 1] },
      ],
      outputs: [{ name: "a", type: "float32", shape: ["N", 1] }],
      nodes: [],
    }),
  );
  assert.deepEqual(planInputs(cols, ["a", "b", "y"]), { mode: "columns", features: ["a", "b"] });
  assert.match(planInputs(cols, ["a", "y"]).review ?? "", /inputs "b" have no column/);
  const tensor = readOnnxSignature(linearRegressorModel({ coefficients: [1, 2], intercept: 0 }));
  const plan = planInputs(tensor, ["p", "q", "r", "y"]);
  assert.deepEqual(plan, { mode: "tensor", tensor: "float_input", features: [] });
  assert.match(tensorReview(tensor, plan, ["p", "q", "r"]) ?? "", /takes 2 features but 3 numeric columns/);
});

test("names: any text becomes a DNS label", () => {
  assert.equal(slug("Fraud Detector_v2.onnx", "x"), "fraud-detector-v2-onnx");
  assert.equal(slug("---", "model"), "model");
  assert.equal(slug("a".repeat(80), "x").length, 63);
});
