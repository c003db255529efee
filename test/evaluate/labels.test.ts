import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { main } from "../../src/cli/main.ts";
import { UserError } from "../../src/errors.ts";
import { type EvaluationSpec, evaluateModel } from "../../src/evaluate/engine.ts";
import { chanceWarnings } from "../../src/evaluate/warnings.ts";
import { evaluationRecordSchema } from "../../src/records/evaluation.ts";
import { bufferIo } from "../../src/util/io.ts";
import {
  buildModel,
  linearClassifierZipMapModel,
  logisticRegressionModel,
  softmaxRegressionModel,
} from "../support/onnx-build.ts";
import { rng, sklearn } from "../support/sklearn.ts";

// A newcomer's labels: words ("benign"/"malignant", "yes"/"no") where the model knows 0 and 1, or nothing at all.

const dir = mkdtempSync(join(tmpdir(), "mg-labels-"));

/** Rows of x0, x1 and a label that follows x0: `pos` when x0 (plus noise) is above 0, else `neg`. */
function rows(n: number, seed: number, pos: string, neg: string) {
  const r = rng(seed);
  const out: { x0: number; x1: number; label: string }[] = [];
  for (let i = 0; i < n; i++) {
    const x0 = Math.round((r() * 2 - 1) * 1000) / 1000;
    const x1 = Math.round((r() * 2 - 1) * 1000) / 1000;
    out.push({ x0, x1, label: x0 + (r() - 0.5) * 0.8 > 0 ? pos : neg });
  }
  return out;
}

function csv(name: string, data: { x0: number; x1: number; label: string }[], sep = ","): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    `${["x0", "x1", "diagnosis"].join(sep)}\n${data.map((d) => [d.x0, d.x1, d.label].join(sep)).join("\n")}\n`,
  );
  return path;
}

const cancer = rows(600, 1, "benign", "malignant");
const cancerCsv = csv("cancer.csv", cancer);
/** P(class 1) rises with x0: class 1 is "benign", as in scikit-learn's breast cancer data (0 malignant, 1 benign). */
const noNames = logisticRegressionModel({ weights: [4, 0], bias: 0 });

function spec(over: Partial<EvaluationSpec> & Pick<EvaluationSpec, "label" | "candidate" | "data">): EvaluationSpec {
  return {
    name: "m",
    task: "binary-classification",
    threshold: 0.5,
    slices: [],
    minSliceSupport: 30,
    nanPolicy: "fail",
    bootstrap: { resamples: 200, seed: 3 },
    latency: false,
    ...over,
  };
}

const tensor = (features = ["x0", "x1"]) => ({ mode: "tensor" as const, features });

test("a model whose graph names no classes is not evaluated on word labels with a guessed column: the error names spec.label.classes", async () => {
  // before: "malignant" (the larger label) was read from column 1, which is benign's probability: AUC near 0, silently
  await assert.rejects(
    evaluateModel(
      spec({
        data: { path: cancerCsv },
        label: { column: "diagnosis" },
        candidate: { bytes: noNames, source: "model.onnx", io: tensor() },
      }),
    ),
    (err: Error) => {
      assert.ok(err instanceof UserError, String(err));
      assert.match(
        err.message,
        /model\.onnx: the model's graph names no classes for its 2 probability columns, and label "diagnosis" in .*cancer\.csv has "benign", "malignant", not the column numbers 0 to 1: which column is which cannot be told\. Set spec\.label\.classes to the labels in the order of the model's columns \(e\.g\. classes: \[benign, malignant\] if column 0 is the probability of "benign"\), or spec\.label\.labels to each label's column \(e\.g\. labels: \{benign: 0, malignant: 1\}\)/,
      );
      return true;
    },
  );
});

test("spec.label.classes in the model's column order: the score is the positive class's own column, as scikit-learn computes it", async () => {
  const rec = await evaluateModel(
    spec({
      data: { path: cancerCsv },
      label: { column: "diagnosis", classes: ["malignant", "benign"], positive: "malignant" },
      candidate: { bytes: noNames, source: "model.onnx", io: tensor() },
    }),
  );
  // malignant's probability is column 0: 1 − sigmoid(4·x0)
  const score = cancer.map((d) => 1 - 1 / (1 + Math.exp(-Math.fround(4 * Math.fround(d.x0)))));
  const ref = await sklearn({
    task: "binary",
    y: cancer.map((d) => (d.label === "malignant" ? 1 : 0)),
    score,
    threshold: 0.5,
  });
  assert.ok(
    Math.abs(rec.candidate.metrics.roc_auc! - ref.roc_auc) < 1e-6,
    `${rec.candidate.metrics.roc_auc} vs ${ref.roc_auc}`,
  );
  assert.ok(rec.candidate.metrics.roc_auc! > 0.9);
  assert.equal(rec.model.positiveLabel, "malignant");
  assert.equal(rec.warnings, undefined);
});

test("ROC AUC below 0.5 on a binary task warns in the record: are the classes swapped? (and says which column was read, and why)", async () => {
  const lines: string[] = [];
  const io = bufferIo(dir, {});
  const rec = await evaluateModel(
    spec({
      data: { path: cancerCsv },
      // the wrong order: the model's column 0 is malignant's probability
      label: { column: "diagnosis", classes: ["benign", "malignant"], positive: "malignant" },
      candidate: { bytes: noNames, source: "model.onnx", io: tensor() },
    }),
    io,
  );
  lines.push(io.stderr);
  assert.ok(rec.candidate.metrics.roc_auc! < 0.1);
  evaluationRecordSchema.parse(rec);
  assert.equal(rec.warnings?.length, 1);
  const w = rec.warnings![0];
  assert.equal(w.code, "roc_auc_below_chance");
  assert.equal(w.role, "candidate");
  assert.match(
    w.message,
    /^candidate: roc_auc 0\.0\d{3} \(95% interval \[0\.\d{4}, 0\.\d{4}\]\) is below 0\.5: the model scores "malignant" rows lower than the others, the wrong way round\. Are the classes swapped\? The score is column 1 of output "probabilities", taken as the probability of "malignant" because spec\.label\.classes lists \[benign, malignant\] in the model's column order; check spec\.label\.classes, spec\.label\.labels and spec\.label\.positive/,
  );
  assert.match(w.message, /the label column \(spec\.label\.column is "diagnosis"\)/);
  // evaluate says it too, as it happens
  assert.match(lines.join(""), /warning: candidate: roc_auc 0\.0\d{3} .* Are the classes swapped\?/);
});

test("features in another order than the model was trained on: ROC AUC near 0.5 warns, naming feature order, class mapping and label column", async () => {
  const rec = await evaluateModel(
    spec({
      data: { path: cancerCsv },
      label: { column: "diagnosis", classes: ["malignant", "benign"], positive: "benign" },
      // the model was trained on [x0, x1]; x1 says nothing about the label
      candidate: { bytes: noNames, source: "model.onnx", io: tensor(["x1", "x0"]) },
    }),
  );
  const auc = rec.candidate.metrics.roc_auc!;
  const [lo, hi] = rec.candidate.intervals.roc_auc;
  assert.ok(lo <= 0.5 && 0.5 <= hi, `${auc} [${lo}, ${hi}]`);
  const w = rec.warnings?.find((x) => x.role === "candidate");
  assert.ok(w, JSON.stringify(rec.warnings));
  assert.match(
    w.message,
    /roc_auc 0\.\d{4} \(95% interval \[0\.\d{4}, 0\.\d{4}\]\) is (not told apart from chance|below 0\.5)/,
  );
  assert.match(w.message, /the features in another order than the model was trained on \(spec\.inputs\.features/);
  assert.match(w.message, /spec\.label\.column is "diagnosis"/);
  if (w.code === "roc_auc_near_chance")
    assert.match(w.message, /the class mapping \(the score is column 1 of output "probabilities"/);
  // a good model gets no warning
  const good = await evaluateModel(
    spec({
      data: { path: cancerCsv },
      label: { column: "diagnosis", classes: ["malignant", "benign"], positive: "benign" },
      candidate: { bytes: noNames, source: "model.onnx", io: tensor() },
    }),
  );
  assert.equal(good.warnings, undefined);
});

test("word labels and a model whose graph names 0 and 1: the error says to map them in spec.label.labels, and the mapping evaluates", async () => {
  const yesNo = rows(500, 2, "yes", "no");
  const path = csv("yes-no.csv", yesNo);
  // LinearClassifier + ZipMap with classlabels_ints [0, 1], as skl2onnx writes a model trained on y encoded as 0/1
  const bytes = linearClassifierZipMapModel({ coefficients: [[3, 0]], intercepts: [0], classes: [0, 1] });
  const candidate = { bytes, source: "zipmap.onnx", io: tensor() };
  // `init` writes the data's classes; before, evaluate said "declare spec.label.classes in the model's order"
  for (const label of [{ column: "diagnosis" }, { column: "diagnosis", classes: ["no", "yes"], positive: "yes" }]) {
    await assert.rejects(evaluateModel(spec({ data: { path }, label, candidate })), (err: Error) => {
      assert.ok(err instanceof UserError, String(err));
      assert.match(
        err.message,
        /zipmap\.onnx: the model's classes are \[0, 1\] \(named in its graph\), and "no", "yes" are not among them\. If they are the same classes under other names, say which is which in spec\.label\.labels \(label: the model's class\), e\.g\. labels: \{no: 0, yes: 1\} if "no" is the model's class 0/,
      );
      return true;
    });
  }
  const mapped = await evaluateModel(
    spec({ data: { path }, label: { column: "diagnosis", labels: { no: 0, yes: 1 }, positive: "yes" }, candidate }),
  );
  const numeric = await evaluateModel(
    spec({
      data: {
        path: csv(
          "yes-no-01.csv",
          yesNo.map((d) => ({ ...d, label: d.label === "yes" ? "1" : "0" })),
        ),
      },
      label: { column: "diagnosis" },
      candidate,
    }),
  );
  assert.ok(mapped.candidate.metrics.roc_auc! > 0.9);
  assert.deepEqual(mapped.candidate.metrics, numeric.candidate.metrics);
  assert.deepEqual(mapped.model.classes, ["no", "yes"]);
  assert.equal(mapped.model.positiveLabel, "yes");
  assert.deepEqual(mapped.candidate.confusion?.labels, ["no", "yes"]);
  // a mapping to a class the model does not have, or two labels to one class, is refused by name
  await assert.rejects(
    evaluateModel(spec({ data: { path }, label: { column: "diagnosis", labels: { no: 0, yes: 2 } }, candidate })),
    /spec\.label\.labels maps "yes" to "2", which is not one of the model's classes \(named in its graph\): \[0, 1\]/,
  );
  await assert.rejects(
    evaluateModel(spec({ data: { path }, label: { column: "diagnosis", labels: { no: 1, yes: 1 } }, candidate })),
    /spec\.label\.labels maps both "no" and "yes" to the model's class "1"; map each class from one label/,
  );
  // class names in the graph (classlabels_strings) need no mapping
  const named = await evaluateModel(
    spec({
      data: { path },
      label: { column: "diagnosis" },
      candidate: {
        bytes: linearClassifierZipMapModel({ coefficients: [[3, 0]], intercepts: [0], classes: ["no", "yes"] }),
        source: "named.onnx",
        io: tensor(),
      },
    }),
  );
  assert.deepEqual(named.candidate.metrics, numeric.candidate.metrics);
});

test("one score per row and word labels: the positive class is asked for, not taken as the larger word", async () => {
  const score = buildModel({
    inputs: [{ name: "input", type: "float32", shape: ["N", 2] }],
    outputs: [{ name: "score", type: "float32", shape: ["N", 1] }],
    initializers: [
      { name: "W", type: "float32", dims: [2, 1], values: [-4, 0] },
      { name: "B", type: "float32", dims: [1], values: [0] },
    ],
    nodes: [
      { op: "MatMul", inputs: ["input", "W"], outputs: ["z0"] },
      { op: "Add", inputs: ["z0", "B"], outputs: ["z"] },
      { op: "Sigmoid", inputs: ["z"], outputs: ["score"] },
    ],
  });
  const candidate = { bytes: score, source: "score.onnx", io: tensor() };
  await assert.rejects(
    evaluateModel(spec({ data: { path: cancerCsv }, label: { column: "diagnosis" }, candidate })),
    /the model gives one score per row, the probability of one class, and label "diagnosis" has "benign", "malignant": which class the score is for cannot be told\. Set spec\.label\.positive to that class/,
  );
  const rec = await evaluateModel(
    spec({ data: { path: cancerCsv }, label: { column: "diagnosis", positive: "malignant" }, candidate }),
  );
  assert.ok(rec.candidate.metrics.roc_auc! > 0.9);
});

test("multiclass: a model without class names and word labels fails with the field to set; 0..k-1 labels are its columns", async () => {
  const r = rng(5);
  const names = ["bronze", "gold", "silver"];
  let words = "a,b,tier\n";
  let codes = "a,b,tier\n";
  for (let i = 0; i < 300; i++) {
    const a = r() * 2 - 1;
    const b = r() * 2 - 1;
    const c = a > 0.3 ? 1 : b > 0 ? 2 : 0;
    words += `${a},${b},${names[c]}\n`;
    codes += `${a},${b},${c}\n`;
  }
  writeFileSync(join(dir, "tiers.csv"), words);
  writeFileSync(join(dir, "tiers-01.csv"), codes);
  const bytes = softmaxRegressionModel({
    weights: [
      [0, 2, 0],
      [-1, 0, 1],
    ],
    bias: [0, -0.5, 0],
  });
  const base = {
    task: "multiclass-classification" as const,
    candidate: { bytes, source: "soft.onnx", io: tensor(["a", "b"]) },
  };
  await assert.rejects(
    evaluateModel(spec({ ...base, data: { path: join(dir, "tiers.csv") }, label: { column: "tier" } })),
    /soft\.onnx: the model's graph names no classes for its 3 probability columns, .* Set spec\.label\.classes/,
  );
  const coded = await evaluateModel(
    spec({ ...base, data: { path: join(dir, "tiers-01.csv") }, label: { column: "tier" } }),
  );
  const declared = await evaluateModel(
    spec({ ...base, data: { path: join(dir, "tiers.csv") }, label: { column: "tier", classes: names } }),
  );
  assert.deepEqual(coded.candidate.metrics, declared.candidate.metrics);
  assert.deepEqual(declared.model.classes, names);
});

test("`evaluate MODEL` reads spec.label.labels from the Model manifest and prints the warnings", async () => {
  const root = mkdtempSync(join(tmpdir(), "mg-labels-repo-"));
  mkdirSync(join(root, "data"));
  mkdirSync(join(root, "models/screening"), { recursive: true });
  writeFileSync(
    join(root, "modelgate.yaml"),
    "apiVersion: modelgate.dev/v1alpha1\nkind: Config\nmetadata:\n  name: t\nspec: {}\n",
  );
  writeFileSync(join(root, "data/cancer.csv"), readFileSync(cancerCsv));
  writeFileSync(
    join(root, "data/cancer.yaml"),
    `apiVersion: modelgate.dev/v1alpha1
kind: Dataset
metadata:
  name: cancer
spec:
  path: cancer.csv
  columns:
    - {name: x0, type: float}
    - {name: x1, type: float}
    - {name: diagnosis, type: string, role: label}
`,
  );
  writeFileSync(join(root, "models/screening/model.onnx"), noNames);
  const manifest = (label: string) => `apiVersion: modelgate.dev/v1alpha1
kind: Model
metadata:
  name: screening
spec:
  version: 1.0.0
  owners: [alice]
  task: binary-classification
  artifact:
    path: model.onnx
  inputs:
    features: [x0, x1]
  label:
    column: diagnosis
${label}
  evaluation:
    datasets: [cancer]
    bootstrap: {resamples: 100, seed: 1}
`;
  const run = async () => {
    const io = bufferIo(root, {});
    const code = await main(["evaluate", "screening", "--baseline", "none", "--no-latency"], io);
    return { code, out: io.stdout, err: io.stderr };
  };
  writeFileSync(join(root, "models/screening/model.yaml"), manifest("    positive: malignant"));
  const guessed = await run();
  assert.equal(guessed.code, 2, guessed.err);
  assert.match(guessed.err, /Set spec\.label\.classes to the labels in the order of the model's columns/);

  writeFileSync(
    join(root, "models/screening/model.yaml"),
    manifest("    labels: {malignant: 0, benign: 1}\n    positive: malignant"),
  );
  const mapped = await run();
  assert.equal(mapped.code, 0, mapped.err);
  assert.doesNotMatch(mapped.err, /warning:/);
  const rec = evaluationRecordSchema.parse(
    JSON.parse(readFileSync(join(root, ".modelgate/evaluations/screening.json"), "utf8")),
  );
  assert.ok(rec.candidate.metrics.roc_auc! > 0.9);

  writeFileSync(
    join(root, "models/screening/model.yaml"),
    manifest("    labels: {malignant: 1, benign: 0}\n    positive: malignant"),
  );
  const swapped = await run();
  assert.equal(swapped.code, 0, swapped.err);
  assert.match(
    swapped.err,
    /warning: candidate: roc_auc 0\.\d{4} .*Are the classes swapped\? The score is column 1 of output "probabilities", taken as the probability of "malignant" because spec\.label\.labels maps the labels to the model's columns \{benign: 0, malignant: 1\}/,
  );
});

test("chance warnings: swapped only when the whole interval is below 0.5; at chance when it holds 0.5; none above it", () => {
  const ctx = { positive: "1", label: "y", rows: 400, features: ["a", "b"] };
  const read = { output: "probabilities", column: 1, of: ["0", "1"], classes: ["0", "1"], source: "index" as const };
  const codes = (auc: number, interval?: [number, number]) =>
    chanceWarnings([{ role: "candidate", auc, interval, read }], ctx).map((w) => w.code);
  assert.deepEqual(codes(0.03, [0.02, 0.04]), ["roc_auc_below_chance"]);
  // 0.48 whose interval holds 0.5 is chance, not swapped classes (swapped, it would be 0.52: chance too)
  assert.deepEqual(codes(0.48, [0.43, 0.53]), ["roc_auc_near_chance"]);
  assert.deepEqual(codes(0.55, [0.49, 0.61]), ["roc_auc_near_chance"]);
  assert.deepEqual(codes(0.62, [0.56, 0.68]), []);
  // without an interval (no resamples): within 0.05 of 0.5 is near, further below is below
  assert.deepEqual(codes(0.4), ["roc_auc_below_chance"]);
  assert.deepEqual(codes(0.47), ["roc_auc_near_chance"]);
  assert.deepEqual(codes(0.53), ["roc_auc_near_chance"]);
  assert.deepEqual(codes(0.6), []);
  const [w] = chanceWarnings([{ role: "baseline", auc: 0.52, interval: [0.47, 0.57], read }], ctx);
  assert.match(
    w.message,
    /^baseline: roc_auc 0\.5200 \(95% interval \[0\.4700, 0\.5700\]\) is not told apart from chance \(0\.5\) on these 400 rows: .* the class mapping \(the score is column 1 of output "probabilities", taken as the probability of "1" because the labels are the column numbers \[0, 1\]\)/,
  );
});
