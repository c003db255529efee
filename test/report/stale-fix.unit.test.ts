import assert from "node:assert/strict";
import { test } from "node:test";
import { type BindingFacts, recordMismatches, staleRecordMessage } from "../../src/records/bind.ts";
import type { EvaluationRecord } from "../../src/records/evaluation.ts";

/**
 * Issue #22 item 8: the advice for a stale record said `modelgate evaluate` whatever the mismatch, and re-evaluating
 * a model whose manifest pins an older file changes nothing. The advice names the command that fixes the mismatch.
 */
const A = "a".repeat(64);
const B = "b".repeat(64);
const C = "c".repeat(64);
const D = "d".repeat(64);

const record = (candidate: string, dataset: string, version = "1.0.0") =>
  ({
    model: { name: "churn", version, task: "binary-classification" },
    candidate: { sha256: candidate },
    dataset: { name: "churn-eval", sha256: dataset },
  }) as unknown as EvaluationRecord;

const facts = (artifact: { sha256?: string; declared?: string }, data: { sha256?: string; declared?: string }) =>
  ({
    name: "churn",
    manifest: "models/churn/model.yaml",
    version: "1.0.0",
    task: "binary-classification",
    artifact: { file: "models/churn/model.onnx", ...artifact },
    dataset: { name: "churn-eval", manifest: "data/churn-eval.yaml", file: "data/churn-eval.csv", ...data },
  }) satisfies BindingFacts;

const advice = (r: EvaluationRecord, f: BindingFacts) => staleRecordMessage("churn", recordMismatches(r, f));

test("the record describes the files and the manifest pins older ones: modelgate lock", () => {
  const m = advice(record(B, C), facts({ sha256: B, declared: A }, { sha256: C, declared: C }));
  assert.match(m, /^stale digest in the manifests: .*; run `modelgate lock churn` and commit \(/);
  assert.doesNotMatch(m, /modelgate evaluate/);
  assert.match(m, /candidate\.sha256: the record has b+, models\/churn\/model\.yaml spec\.artifact\.sha256 is a+\)$/);
  const data = advice(record(A, D), facts({ sha256: A, declared: A }, { sha256: D, declared: C }));
  assert.match(
    data,
    /run `modelgate lock churn` and commit \(dataset\.sha256: the record has d+, data\/churn-eval\.yaml spec\.sha256 is c+\)/,
  );
});

test("the record describes other bytes than the manifest and the files: modelgate evaluate", () => {
  assert.match(
    advice(record(A, C), facts({ sha256: B, declared: B }, { sha256: C, declared: C })),
    /^stale evaluation record: run `modelgate evaluate churn` \(candidate\.sha256: the record has a+, models\/churn\/model\.onnx has b+; /,
  );
  assert.match(
    advice(record(A, C, "0.9.0"), facts({ sha256: A, declared: A }, { sha256: C, declared: C })),
    /^stale evaluation record: run `modelgate evaluate churn` \(model\.version: the record has 0\.9\.0/,
  );
  // an absent file: the record is checked against the manifest alone
  assert.match(
    advice(record(A, C), facts({ declared: B }, { sha256: C, declared: C })),
    /^stale evaluation record: run `modelgate evaluate churn`/,
  );
});

test("the file changed after both the lock and the evaluation: lock, then evaluate", () => {
  const m = advice(record(A, C), facts({ sha256: B, declared: A }, { sha256: C, declared: C }));
  assert.match(
    m,
    /^stale evaluation record and digests in the manifests: run `modelgate lock churn`, then `modelgate evaluate churn` \(candidate\.sha256: the record has a+, models\/churn\/model\.onnx has b+\)$/,
  );
});
