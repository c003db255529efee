/** planChanges (src/plan/changes.ts): changed paths → models, over an index of the head commit; no git, no disk. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { type PlanIndex, planChanges } from "../../src/plan/changes.ts";

const index: PlanIndex = {
  config: "modelgate.yaml",
  modelDirs: ["models"],
  models: [
    { name: "churn", dir: "models/churn", datasets: ["shared-eval"] },
    {
      name: "fraud",
      dir: "models/fraud",
      artifact: "artifacts/fraud.onnx",
      output: "build/fraud.onnx",
      workdir: "src/fraud",
      datasets: ["fraud-train", "shared-eval"],
    },
    { name: "solo", dir: "models/solo", datasets: ["solo-eval"] },
  ],
  datasets: [
    { name: "shared-eval", manifest: "data/shared-eval.yaml", data: "data/shared-eval.csv" },
    { name: "fraud-train", manifest: "data/fraud-train.yaml", data: "data/raw/fraud-train.csv" },
    { name: "solo-eval", manifest: "data/solo-eval.yaml", data: "data/solo.csv" },
  ],
  baseDatasets: [],
};

test("a path in a model's folder, its artifact, output or workdir plans that model, with the path as the reason", () => {
  const r = planChanges(
    [
      { status: "M", path: "models/churn/MODEL_CARD.md" },
      { status: "M", path: "src/fraud/train.py" },
      { status: "M", path: "artifacts/fraud.onnx" },
      { status: "A", path: "src/other/tool.py" },
    ],
    index,
  );
  assert.deepEqual(r.models, ["churn", "fraud"]);
  assert.deepEqual(r.reasons, {
    churn: ["models/churn/MODEL_CARD.md"],
    fraud: ["artifacts/fraud.onnx", "src/fraud/train.py"],
  });
  assert.deepEqual(r.deleted, []);
});

test("a dataset's manifest or data file plans every model that uses it; modelgate.yaml plans all", () => {
  assert.deepEqual(planChanges([{ status: "M", path: "data/shared-eval.csv" }], index).models, ["churn", "fraud"]);
  assert.deepEqual(planChanges([{ status: "M", path: "data/fraud-train.yaml" }], index).models, ["fraud"]);
  assert.deepEqual(planChanges([{ status: "M", path: "modelgate.yaml" }], index).models, ["churn", "fraud", "solo"]);
  assert.deepEqual(planChanges([{ status: "M", path: "README.md" }], index).models, []);
});

test("a model folder moved to a new name is a rename; a removed manifest without a successor is a deletion", () => {
  const renamedIndex = {
    ...index,
    models: index.models.map((m) => (m.name === "solo" ? { ...m, name: "single", dir: "models/single" } : m)),
  };
  const r = planChanges(
    [
      { status: "R", from: "models/solo/model.yaml", path: "models/single/model.yaml" },
      { status: "R", from: "models/solo/model.onnx", path: "models/single/model.onnx" },
    ],
    renamedIndex,
  );
  assert.deepEqual(r.renamed, [{ from: "solo", to: "single" }]);
  assert.deepEqual(r.deleted, []);
  assert.deepEqual(r.models, ["single"]);

  const gone = { ...index, models: index.models.filter((m) => m.name !== "solo") };
  const d = planChanges([{ status: "D", path: "models/solo/model.yaml" }], gone);
  assert.deepEqual(d.deleted, ["solo"]);
  assert.deepEqual(d.renamed, []);
});

test("shards: the manifest's shards win; else the evaluation dataset's locked rows above shardRows split it", () => {
  const sharding = {
    ...index,
    models: [
      { name: "big", dir: "models/big", datasets: ["big-eval"], evaluationDataset: "big-eval" },
      {
        name: "tuned",
        dir: "models/tuned",
        datasets: ["big-eval"],
        evaluationDataset: "big-eval",
        shardRows: 1_000_000,
      },
      { name: "pinned", dir: "models/pinned", datasets: ["big-eval"], evaluationDataset: "big-eval", shards: 1 },
      { name: "four", dir: "models/four", datasets: ["small-eval"], evaluationDataset: "small-eval", shards: 4 },
      { name: "small", dir: "models/small", datasets: ["small-eval"], evaluationDataset: "small-eval" },
      { name: "unlocked", dir: "models/unlocked", datasets: ["no-rows"], evaluationDataset: "no-rows" },
      { name: "huge", dir: "models/huge", datasets: ["huge-eval"], evaluationDataset: "huge-eval", shardRows: 1 },
    ],
    datasets: [
      { name: "big-eval", manifest: "data/big.yaml", rows: 5_000_000 },
      { name: "small-eval", manifest: "data/small.yaml", rows: 2_000_000 },
      { name: "no-rows", manifest: "data/no-rows.yaml" },
      { name: "huge-eval", manifest: "data/huge.yaml", rows: 10_000 },
    ],
  };
  const r = planChanges([{ status: "M", path: "modelgate.yaml" }], sharding);
  assert.deepEqual(r.shards, { big: 3, tuned: 5, four: 4, huge: 256 });
  assert.deepEqual(r.autoShards, {
    big: { dataset: "big-eval", rows: 5_000_000, shardRows: 2_000_000 },
    tuned: { dataset: "big-eval", rows: 5_000_000, shardRows: 1_000_000 },
    huge: { dataset: "huge-eval", rows: 10_000, shardRows: 1 },
  });
  // only planned models are split
  const one = planChanges([{ status: "M", path: "models/small/model.yaml" }], sharding);
  assert.deepEqual([one.models, one.shards, one.autoShards], [["small"], {}, undefined]);
});
