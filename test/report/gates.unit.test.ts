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

  it("maxDrop fails only when the whole interval is a drop beyond the tolerance", () => {
    const record = makeRecord({ deltas: { roc_auc: [-0.05, -0.07, -0.03] } });
    const v = judge({ model: makeModel(), record });
    assert.equal(v.results[1].status, "fail");
    assert.match(
      v.results[1].reason,
      /95% interval \[−0\.0700, −0\.0300\]: the whole interval is a drop larger than 0\.02/,
    );
  });

  it("maxDrop passes when the whole interval is above −maxDrop", () => {
    const v = judge({ model: makeModel(), record: makeRecord({ deltas: { roc_auc: [-0.005, -0.015, 0.005] } }) });
    assert.equal(v.results[1].status, "pass");
    assert.doesNotMatch(v.results[1].reason, /too small/);
  });

  it("a retrain on a small evaluation set: an interval wider than the tolerance warns and says the smallest detectable change", () => {
    // 300 rows: the delta's interval is ±0.06 around a small drop; the old rule (lower bound below −maxDrop) failed it
    const record = makeRecord({ deltas: { roc_auc: [-0.004, -0.064, 0.056] } });
    record.dataset.rows = 300;
    const v = judge({ model: makeModel(), record });
    assert.equal(v.results[1].status, "warn");
    assert.equal(v.status, "warn");
    assert.match(
      v.results[1].reason,
      /roc_auc delta −0\.0040, 95% interval \[−0\.0640, \+0\.0560\]: a drop larger than 0\.02 is neither shown nor ruled out; the evaluation set \(300 rows\) is too small to detect a drop of 0\.02: the smallest change it can tell from noise is about 0\.0600 \(half the interval's width\)/,
    );
    // an interval narrower than twice the tolerance that still reaches past it: undecided, but not too small to tell
    const near = judge({ model: makeModel(), record: makeRecord({ deltas: { roc_auc: [-0.015, -0.025, -0.005] } }) });
    assert.equal(near.results[1].status, "warn");
    assert.match(near.results[1].reason, /neither shown nor ruled out; more evaluation rows would decide/);
  });

  it("maxRise: fails when the whole interval is a rise beyond it, warns when the interval holds both", () => {
    const model = makeModel("churn", { gates: [{ metric: "log_loss", maxRise: 0.01, severity: "fail" }] });
    const rise = (d: [number, number, number]) => {
      const record = makeRecord({
        metrics: { roc_auc: 0.9, log_loss: 0.3 + d[0] },
        baseline: { roc_auc: 0.9, log_loss: 0.3 },
        deltas: { log_loss: d },
      });
      return judge({ model, record }).results[0];
    };
    assert.equal(rise([0.05, 0.03, 0.07]).status, "fail");
    assert.equal(rise([0.01, -0.01, 0.03]).status, "warn");
    assert.equal(rise([0, -0.005, 0.005]).status, "pass");
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

  it("the evaluation record's warnings are results of their own, so the report and the check run show them", () => {
    const record = makeRecord();
    record.warnings = [
      {
        code: "roc_auc_below_chance",
        role: "candidate",
        message:
          'candidate: roc_auc 0.0079 is below 0.5: the model scores "1" rows lower than the others. Are the classes swapped?',
      },
    ];
    const v = judge({ model: makeModel(), record });
    assert.equal(v.status, "warn");
    const w = v.results.find((r) => r.label === "ROC AUC below chance");
    assert.ok(w, JSON.stringify(v.results));
    assert.equal(w.status, "warn");
    assert.match(w.reason, /Are the classes swapped\?/);
    assert.deepEqual(w.path, ["spec", "label"]);
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
