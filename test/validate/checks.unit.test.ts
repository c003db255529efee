/** validate's checks that read no file (references.ts, leakage.ts): manifests parsed from text, findings compared. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Loaded, Repository } from "../../src/manifest/repo.ts";
import type { Dataset, Model } from "../../src/manifest/schema.ts";
import { parseManifest } from "../../src/manifest/yaml.ts";
import { addRowHash, newRowHashes, reserveRowHashes } from "../../src/data/row-hashes.ts";
import { checkLeakage, rowHashColumns } from "../../src/validate/leakage.ts";
import { checkDatasetReferences, checkGates, checkModelColumns } from "../../src/validate/references.ts";
import { collector } from "../../src/validate/validate.ts";

function loaded<T>(file: string, text: string, kind: "Model" | "Dataset"): Loaded<T> {
  const parsed = parseManifest(file, text, kind);
  assert.ok(parsed.manifest?.value, JSON.stringify(parsed.findings));
  return { file, abs: `/repo/${file}`, dir: "/repo", src: parsed.manifest.src, value: parsed.manifest.value as T };
}

const model = (extra = "") =>
  loaded<Model>(
    "models/churn/model.yaml",
    `apiVersion: modelgate.dev/v1alpha1
kind: Model
metadata: { name: churn }
spec:
  version: 1.0.0
  owners: [alice]
  task: binary-classification
  artifact: { path: model.onnx }
  inputs: { features: [tenure, charges] }
  label: { column: churned }
  training: { command: [python, t.py], datasets: [churn-train] }
  evaluation:
    datasets: [churn-eval]
    slices: [{ column: region }]
${extra}`,
    "Model",
  );

const dataset = (name: string, columns: string[]) =>
  loaded<Dataset>(
    `data/${name}.yaml`,
    `apiVersion: modelgate.dev/v1alpha1
kind: Dataset
metadata: { name: ${name} }
spec:
  path: ${name}.csv
  columns:
${columns.map((c) => `    - { name: ${c}, type: float }`).join("\n")}
`,
    "Dataset",
  );

const repo = (datasets: Loaded<Dataset>[], invalid: Repository["invalid"] = []) =>
  ({ root: "/repo", config: { spec: { paths: { data: "data" } } }, datasets, invalid }) as unknown as Repository;

test("a dataset a model names must exist: a near miss is suggested; one whose manifest is invalid is not repeated", () => {
  const m = model();
  const eval_ = dataset("churn-eval", ["tenure", "charges", "churned", "region"]);
  const byName = new Map([["churn-eval", eval_]]);
  const { findings, report } = collector();
  assert.deepEqual(checkDatasetReferences(repo([eval_]), m, byName, report.error), ["churn-eval"]);
  assert.equal(findings.length, 1);
  assert.deepEqual(
    { check: findings[0].check, line: findings[0].line, message: findings[0].message },
    { check: "reference", line: 11, message: 'dataset "churn-train" does not exist; add data/churn-train.yaml' },
  );
  const quiet = collector();
  checkDatasetReferences(
    repo([eval_], [{ kind: "Dataset", file: "data/t.yaml", name: "churn-train" }]),
    m,
    byName,
    quiet.report.error,
  );
  assert.deepEqual(quiet.findings, []);
});

test("columns a model needs must be declared in its evaluation dataset, with a near miss", () => {
  const m = model();
  const { findings, report } = collector();
  checkModelColumns(m, new Map([["churn-eval", dataset("churn-eval", ["tenure", "charge", "churned"])]]), report.error);
  assert.deepEqual(
    findings.map((f) => f.message),
    [
      'column "charges" is not declared in dataset "churn-eval" (data/churn-eval.yaml); did you mean "charge"?',
      'column "region" is not declared in dataset "churn-eval" (data/churn-eval.yaml)',
    ],
  );
});

test("gates name a metric of the task and a bound; a sliceGap needs its slice", () => {
  const m = model(`  gates:
    - { metric: roc_acu, min: 0.7 }
    - { metric: recall }
    - { sliceGap: recall, over: age, max: 0.1 }
    - { sliceGap: recall, over: region, max: 0.1 }
`);
  const { findings, report } = collector();
  checkGates(m, report.error);
  assert.deepEqual(
    findings.map((f) => [f.line, f.message]),
    [
      [16, '"roc_acu" is not a binary-classification metric; did you mean "roc_auc"?'],
      [17, 'gate on "recall" has no bound; add min, max, maxDrop or maxRise'],
      [18, 'sliceGap over "age" needs a slice on that column in spec.evaluation.slices'],
    ],
  );
});

/** A set of row hashes: each number as both halves. */
function hashes(rows: number[]) {
  const set = newRowHashes();
  reserveRowHashes(set, rows.length);
  for (const r of rows) addRowHash(set, r, r);
  return set;
}

test("leakage: rows of the evaluation data found in the training data, counted from the scans' row hashes", () => {
  const m = model();
  assert.deepEqual(
    rowHashColumns([m]),
    new Map([
      ["churn-train", ["tenure", "charges", "churned"]],
      ["churn-eval", ["tenure", "charges", "churned"]],
    ]),
  );
  const scans = new Map([
    ["churn-train", { rows: 4, rowHashes: hashes([1, 2, 3, 4]) }],
    ["churn-eval", { rows: 4, rowHashes: hashes([3, 4, 5, 6]) }],
  ]);
  const { findings, report } = collector();
  assert.deepEqual(checkLeakage(m, "churn-eval", scans, report.error), {
    model: "churn",
    train: "churn-train",
    eval: "churn-eval",
    shared: 2,
    evalRows: 4,
    fraction: 0.5,
  });
  assert.equal(findings.length, 1);
  assert.match(
    findings[0].message,
    /^2 of 4 evaluation rows of "churn-eval" \(50\.00%\) also appear in training dataset "churn-train"/,
  );
  assert.equal(
    checkLeakage(m, "churn-eval", new Map([["churn-eval", scans.get("churn-eval")!]]), report.error),
    undefined,
  );
});
