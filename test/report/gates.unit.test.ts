import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { judge } from "../../src/report/gates.ts";
import { makeModel, makeRecord } from "./builder.ts";

describe("gates", () => {
  it("passes a model that meets every gate", () => {
    const v = judge({ model: makeModel(), record: makeRecord() });
    assert.equal(v.status, "pass");
    assert.deepEqual(
      v.results.map((r) => r.status),
      ["pass", "pass", "pass"],
    );
  });

  it("fails min with a reason naming value and bound", () => {
    const v = judge({ model: makeModel(), record: makeRecord({ metrics: { roc_auc: 0.8, recall: 0.7 } }) });
    assert.equal(v.status, "fail");
    assert.match(v.results[0].reason, /roc_auc 0\.8000 is below the minimum 0\.85/);
    assert.deepEqual(v.results[0].path, ["spec", "gates", 0]);
  });

  it("maxDrop fails when the interval's lower bound is below −maxDrop even if the point estimate is within", () => {
    const record = makeRecord({ deltas: { roc_auc: [-0.01, -0.03, 0.01] } });
    const v = judge({ model: makeModel(), record });
    assert.equal(v.results[1].status, "fail");
    assert.match(v.results[1].reason, /drop larger than 0\.02 cannot be ruled out/);
  });

  it("maxDrop passes when the whole interval is above −maxDrop", () => {
    const v = judge({ model: makeModel(), record: makeRecord({ deltas: { roc_auc: [-0.005, -0.015, 0.005] } }) });
    assert.equal(v.results[1].status, "pass");
  });

  it("maxDrop without an interval warns on a small drop and fails on a large one", () => {
    const small = judge({
      model: makeModel(),
      record: makeRecord({ resamples: 0, deltas: { roc_auc: [-0.01, -0.01, -0.01] } }),
    });
    assert.equal(small.results[1].status, "warn");
    const large = judge({
      model: makeModel(),
      record: makeRecord({ resamples: 0, deltas: { roc_auc: [-0.05, -0.05, -0.05] } }),
    });
    assert.equal(large.results[1].status, "fail");
  });

  it("maxDrop with no baseline warns (nothing to compare against)", () => {
    const v = judge({ model: makeModel(), record: makeRecord({ baseline: null }) });
    assert.equal(v.results[1].status, "warn");
    assert.equal(v.status, "warn");
  });

  it("latency gates read timings.latency", () => {
    const model = makeModel("churn", { gates: [{ metric: "latency_p95_ms", max: 5, severity: "fail" }] });
    assert.equal(judge({ model, record: makeRecord({ latencyP95: 4 }) }).status, "pass");
    const v = judge({ model, record: makeRecord({ latencyP95: 7.5 }) });
    assert.equal(v.status, "fail");
    assert.match(v.results[0].reason, /latency_p95_ms 7\.50 is above the maximum 5/);
  });

  it("slice gaps are computed from supported slices when the record has no fairness entry", () => {
    const v = judge({ model: makeModel(), record: makeRecord({ regions: { north: 0.9, south: 0.7 } }) });
    assert.equal(v.results[2].status, "fail");
    assert.match(v.results[2].reason, /recall gap over region 0\.2000 \(north 0\.9000 vs south 0\.7000\) exceeds 0\.1/);
  });

  it("a failing gate with severity warn only warns", () => {
    const model = makeModel("churn", { gates: [{ metric: "roc_auc", min: 0.95, severity: "warn" }] });
    const v = judge({ model, record: makeRecord() });
    assert.equal(v.status, "warn");
  });

  it("a missing record fails the model and says how to get one", () => {
    const v = judge({ model: makeModel(), recordPath: ".modelgate/evaluations/churn.json" });
    assert.equal(v.status, "fail");
    assert.match(
      v.results[0].reason,
      /no evaluation record for churn at \.modelgate\/evaluations\/churn\.json; run `modelgate evaluate churn`/,
    );
  });

  it("a metric missing from the record fails and lists what is there", () => {
    const model = makeModel("churn", { gates: [{ metric: "roc_aux", min: 0.5, severity: "fail" }] });
    const v = judge({ model, record: makeRecord() });
    assert.match(v.results[0].reason, /roc_aux is not in the evaluation record \(it has roc_auc, accuracy/);
  });

  it("validation errors in the model's datasets fail it", () => {
    const v = judge({
      model: makeModel(),
      record: makeRecord(),
      modelFile: "models/churn/model.yaml",
      datasetFiles: new Map([["churn-eval", "data/churn-eval.yaml"]]),
      findings: [
        { severity: "error", check: "data", file: "data/churn-eval.yaml", line: 12, message: "nulls in tenure" },
        { severity: "error", check: "data", file: "data/other.yaml", message: "not ours" },
      ],
    });
    assert.equal(v.status, "fail");
    assert.match(
      v.results.find((r) => r.label === "validation")!.reason,
      /1 validation error, first: data\/churn-eval\.yaml:12 nulls in tenure/,
    );
  });
});
