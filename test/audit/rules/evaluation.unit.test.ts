import assert from "node:assert/strict";
import { test } from "node:test";
import { stringify } from "yaml";
import { answerEvaluation, type EvaluationAnswer } from "../../../src/audit/judging.ts";
import type { EntryFacts, EntryRule, VerifyFacts } from "../../../src/audit/rules/context.ts";
import {
  evaluationAtItsAddress,
  evaluationBound as boundHere,
  evaluationVerdict as verdictHere,
  readEvaluation,
} from "../../../src/audit/rules/evaluation.ts";
import { runRules, verifyHistory } from "../../../src/audit/verify.ts";
import { sha256Of } from "../../../src/ledger/canonical.ts";
import { judge } from "../../../src/report/gates.ts";
import { makeModel, makeRecord } from "../../report/builder.ts";
import { entryAt, World } from "./world.ts";

const checks = (fs: { check: string; message: string }[]) => fs.map((f) => f.check);

/**
 * The facts with each publish record's evaluation answered as ../../../src/audit/judge-worker.ts answers it (from the
 * same bytes and manifest): the rules must find the same with those answers as when they read and judge themselves.
 */
function answered(facts: VerifyFacts): VerifyFacts {
  const evaluations = new Map();
  for (const v of facts.views.values()) {
    for (const e of v.entries) {
      const buf = facts.blobs.get(`${facts.snap.tip}:${e.record.evaluation.path}`);
      if (e.record.action !== "publish" || !buf) continue;
      const manifest = facts.manifests.get(e.digest);
      evaluations.set(e.digest, { sha256: sha256Of(buf), ...answerEvaluation(buf, e.record, manifest) });
    }
  }
  return { ...facts, evaluations };
}

/** The rule, run both ways (here and with the worker's answers), which must agree. */
const both =
  (rule: EntryRule): EntryRule =>
  (facts: VerifyFacts, at: EntryFacts) => {
    const here = rule(facts, at);
    assert.deepEqual(rule(answered(facts), at), here);
    return here;
  };
const evaluationBound = both(boundHere);
const evaluationVerdict = both(verdictHere);

test("a publish record bound to its evaluation record and manifest passes the three rules; a release is not theirs", () => {
  const w = new World();
  w.release(w.publish("churn", "1.0.0"));
  const facts = w.facts();
  for (const seq of [1, 2]) {
    for (const rule of [evaluationAtItsAddress, evaluationBound, evaluationVerdict])
      assert.deepEqual(rule(facts, entryAt(facts, "churn", seq)), []);
  }
});

test("evaluation-missing: kept anywhere but at its content address", () => {
  const w = new World();
  w.publish("churn", "1.0.0", (r) => ({ ...r, evaluation: { ...r.evaluation, path: "records/churn/eval.json" } }));
  const facts = w.facts();
  const [f] = evaluationAtItsAddress(facts, entryAt(facts, "churn", 1));
  assert.equal(f.check, "evaluation-missing");
  assert.equal(f.path, "records/churn/eval.json");
  assert.match(
    f.message,
    /keeps its evaluation record at records\/churn\/eval\.json, not at its content address records\/churn\/evaluations\/[0-9a-f]{64}\.json/,
  );
});

test("evaluation-missing, -binding: absent, changed since, or not an evaluation record", () => {
  const w = new World();
  const p = w.publish("churn", "1.0.0");
  const path = p.record.evaluation.path;
  const found = (world: World) => {
    const facts = world.facts();
    return evaluationBound(facts, entryAt(facts, "churn", 1));
  };
  w.blobs.delete(`tip:${path}`);
  const [gone] = found(w);
  assert.equal(gone.check, "evaluation-missing");
  assert.match(
    gone.message,
    /but records\/churn\/evaluations\/[0-9a-f]{64}\.json is not in git at HEAD \([0-9a-f]{12}\)$/,
  );
  assert.deepEqual(evaluationVerdict(w.facts(), entryAt(w.facts(), "churn", 1)), [], "nothing to judge");

  w.blobs.set(`tip:${path}`, Buffer.from("edited"));
  const [changed] = found(w);
  assert.equal(changed.check, "evaluation-binding");
  assert.match(
    changed.message,
    /has digest sha256:[0-9a-f]{64}, but record #1 \(publish 1\.0\.0 to staging\) cites sha256:[0-9a-f]{64}: the evaluation record was changed after it was published$/,
  );

  assert.match(readEvaluation(Buffer.from('{"kind":"Other"}')).error ?? "", /not an evaluation record/);
  const notJson = new World();
  notJson.evaluationBytes = () => Buffer.from("{not json");
  notJson.publish("churn", "1.0.0");
  const [shape] = found(notJson);
  assert.equal(shape.check, "evaluation-missing");
  assert.match(shape.message, /^records\/churn\/evaluations\/[0-9a-f]{64}\.json: not JSON: /);
});

test("evaluation-binding: the evaluation record evaluated another artifact, metric, or the manifest declares another", () => {
  const w = new World();
  w.publish("churn", "1.0.0", (r) => ({
    ...r,
    model: { ...r.model, sha256: "9".repeat(64) },
    evaluation: { ...r.evaluation, metrics: { roc_auc: 0.5 } },
  }));
  w.manifest = (m, v) => makeModel(m, { version: v, artifact: { path: "model.onnx", sha256: "8".repeat(64) } });
  w.publish("churn", "1.1.0");
  const facts = w.facts();
  const [f] = evaluationBound(facts, entryAt(facts, "churn", 1));
  assert.equal(f.check, "evaluation-binding");
  assert.match(f.message, /it evaluated the artifact sha256:[0-9a-f]{64}, but the record published sha256:9{64}/);
  assert.match(f.message, /metric roc_auc is 0\.91 there, 0\.5 in the record/);
  const [g] = evaluationBound(facts, entryAt(facts, "churn", 2));
  assert.match(g.message, /disagree: the manifest at the source commit [0-9a-f]{12} declares artifact sha256:8{64}$/);
});

test("evaluation-verdict: judged again against the manifest at the merged commit, a gate fails or differs", () => {
  const w = new World();
  w.manifest = (m, v) => makeModel(m, { version: v, gates: [{ metric: "roc_auc", min: 0.95, severity: "fail" }] });
  w.publish("churn", "1.0.0");
  const facts = w.facts();
  const [f] = evaluationVerdict(facts, entryAt(facts, "churn", 1));
  assert.equal(f.check, "evaluation-verdict");
  assert.match(
    f.message,
    /published 1\.0\.0 with verdict pass, but its evaluation record judged against the manifest at [0-9a-f]{12} gives roc_auc .*: fail \(/,
  );

  const label = judge({ model: makeModel("churn"), record: makeRecord({ name: "churn" }) }).results[0].label;
  const claims = new World();
  claims.publish("churn", "1.0.0", (r) => ({
    ...r,
    evaluation: { ...r.evaluation, gates: [{ gate: label, status: "warn" }] },
  }));
  const cf = claims.facts();
  const [d] = evaluationVerdict(cf, entryAt(cf, "churn", 1));
  assert.match(
    d.message,
    new RegExp(`gives ${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: pass, the record says warn$`),
  );
});

test("a manifest at the merged commit that is invalid, or of another model, is not judged (../manifest/at-commit.ts's rules)", () => {
  for (const text of [
    stringify({
      ...makeModel("churn", { gates: [{ metric: "roc_auc", min: 0.99, severity: "fail" }] }),
      apiVersion: "v0",
    }),
    "spec: [unclosed\n",
    stringify(makeModel("fraud", { gates: [{ metric: "roc_auc", min: 0.99, severity: "fail" }] })),
  ]) {
    const w = new World();
    const p = w.publish("churn", "1.0.0");
    w.blobs.set(`${p.record.source}:models/churn/model.yaml`, Buffer.from(text));
    const facts = w.facts();
    assert.equal(facts.manifests.get(p.digest), undefined);
    assert.deepEqual(checks(evaluationVerdict(facts, entryAt(facts, "churn", 1))), []);
  }
});

test("verify with the worker's answers still coming: the same findings in the same order, also when the worker fails", async () => {
  const w = new World();
  w.publish("churn", "1.0.0", (r) => ({ ...r, model: { ...r.model, sha256: "9".repeat(64) }, approvals: [] }));
  w.manifest = (m, v) => makeModel(m, { version: v, gates: [{ metric: "roc_auc", min: 0.95, severity: "fail" }] });
  w.publish("churn", "1.1.0", (r) => ({ ...r, pullRequest: null }));
  const facts = w.facts();
  const want = runRules(answered(facts));
  assert.deepEqual(
    [...new Set(want.map((f) => f.check))].sort(),
    ["approval", "evaluation-binding", "evaluation-verdict"],
    "findings of the deferred rules and of others, interleaved",
  );
  assert.ok(checks(want).indexOf("approval") > checks(want).indexOf("evaluation-binding"));
  const views = [...facts.views.values()];
  const verify = (answers: ReadonlyMap<string, EvaluationAnswer> | undefined, unanswered = async () => {}) =>
    verifyHistory(facts.snap, views, facts.blobs, undefined, undefined, {
      manifests: facts.manifests,
      later: { answers: Promise.resolve(answers), unanswered },
    });
  assert.deepEqual((await verify(answered(facts).evaluations)).findings, want);
  let read = 0;
  const failed = await verify(undefined, async () => {
    read++;
  });
  assert.equal(read, 1);
  assert.deepEqual(failed.findings, runRules(facts));
});
