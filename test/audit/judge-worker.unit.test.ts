import assert from "node:assert/strict";
import { test } from "node:test";
import { prefixIndex } from "../../src/audit/blob-ids.ts";
import { startEvaluationJudge } from "../../src/audit/judge-worker.ts";
import { answerEvaluation } from "../../src/audit/judging.ts";
import { sha256Of } from "../../src/ledger/canonical.ts";
import { makeModel } from "../report/builder.ts";
import { World } from "./rules/world.ts";

/**
 * audit verify's worker (run here from the sources, through tsx): it answers each publish record's evaluation and each
 * ledger's prefix index exactly as the main thread computes them (./rules/evaluation.unit.test.ts checks that the rules
 * find the same with such answers).
 */
/** What the judge is given for each publish: its evaluation record's bytes at the tip, the record, the manifest. */
function judgeItems(w: World, published: ReturnType<World["publish"]>[]) {
  const facts = w.facts();
  return published.map((p) => ({
    digest: p.digest,
    bytes: facts.blobs.get(`${facts.snap.tip}:${p.record.evaluation.path}`) as Buffer,
    record: p.record,
    manifest: facts.manifests.get(p.digest),
  }));
}

/** The answers the main thread gives for them itself. */
const judgedHere = (items: ReturnType<typeof judgeItems>) =>
  new Map(
    items.map((it) => [
      it.digest,
      { sha256: sha256Of(it.bytes), ...answerEvaluation(it.bytes, it.record, it.manifest) },
    ]),
  );

test("the judge worker answers as the main thread: digests, gaps, verdicts, unreadable records, prefix indexes", async () => {
  const w = new World();
  w.manifest = (m, v) => makeModel(m, { version: v, gates: [{ metric: "roc_auc", min: 0.95, severity: "fail" }] });
  const one = w.publish("churn", "1.0.0");
  w.release(one);
  w.evaluationBytes = () => Buffer.from("{not json");
  const two = w.publish("churn", "1.1.0");
  const items = judgeItems(w, [one, two]);
  const judge = startEvaluationJudge(true);
  assert.ok(judge);
  try {
    const ledger = w.ledgers.get("churn")?.text;
    const [index, none] = await Promise.all([
      judge.prefixIndex("churn", ledger, "sha1"),
      judge.prefixIndex("fraud", undefined, "sha1"),
    ]);
    assert.deepEqual(index, prefixIndex(ledger, "sha1"));
    assert.equal(index.size, 4); // the empty text and each of the three lines
    assert.deepEqual(none, new Map());
    judge.add(items.slice(0, 1));
    judge.add(items.slice(1));
    const answers = await judge.answers();
    assert.deepEqual(answers, judgedHere(items));
    assert.match(String(answers?.get(two.digest)?.error), /^not JSON: /);
    const first = answers?.get(one.digest) as { judged: { results: { status: string }[] } } | undefined;
    assert.equal(first?.judged.results[0].status, "fail");
  } finally {
    judge.end();
  }
});

test("the main thread judges what the worker has not reached once it asks for its answers: the same answers", async () => {
  const w = new World();
  w.manifest = (m, v) => makeModel(m, { version: v, gates: [{ metric: "roc_auc", min: 0.95, severity: "fail" }] });
  const published = Array.from({ length: 40 }, (_, i) => w.publish("churn", `1.${i}.0`));
  const items = judgeItems(w, published);
  const judge = startEvaluationJudge(true);
  assert.ok(judge);
  try {
    judge.add(items);
    const answers = await judge.answers();
    assert.deepEqual(answers, judgedHere(items));
  } finally {
    judge.end();
  }
});
