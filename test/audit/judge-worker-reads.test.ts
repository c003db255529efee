import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { startEvaluationJudge } from "../../src/audit/judge-worker.ts";
import { answerEvaluation } from "../../src/audit/judging.ts";
import { sha256Of } from "../../src/ledger/canonical.ts";
import { makeModel, makeRecord } from "../report/builder.ts";

/**
 * audit verify's worker reading the evaluation records itself from a real repository (its own `git cat-file`): the
 * answers are those of the main thread on the same bytes, and a record git does not have is said to be missing.
 */
test("the judge worker reads evaluation records from git itself and answers as the main thread", async () => {
  const dir = mkdtempSync(join(tmpdir(), "judge-reads-"));
  try {
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd: dir }).toString();
    git("init", "-q");
    const bytes = Buffer.from(JSON.stringify(makeRecord({ name: "churn" })));
    writeFileSync(join(dir, "eval.json"), bytes);
    git("add", ".");
    git("commit", "-qm", "records");
    const tip = git("rev-parse", "HEAD").trim();
    const record = {
      model: { name: "churn", version: "1.0.0", sha256: "9".repeat(64), path: "model.onnx" },
      data: [],
      source: tip,
      evaluation: { metrics: { roc_auc: 0.5 } },
    };
    const manifest = makeModel("churn", { gates: [{ metric: "roc_auc", min: 0.99, severity: "fail" }] });
    const judge = startEvaluationJudge(true);
    assert.ok(judge);
    try {
      judge.read(dir, [
        { digest: "sha256:a", name: `${tip}:eval.json`, record },
        { digest: "sha256:b", name: `${tip}:gone.json`, record },
      ]);
      judge.manifests([
        ["sha256:a", manifest],
        ["sha256:b", manifest],
      ]);
      const answers = await judge.answers();
      assert.deepEqual(answers?.get("sha256:a"), {
        sha256: sha256Of(bytes),
        ...answerEvaluation(bytes, record, manifest),
      });
      assert.equal(answers?.get("sha256:b")?.found, false);
      const a = answers?.get("sha256:a") as { wrong: string[] };
      assert.match(a.wrong.join("; "), /but the record published sha256:9{64}/);
    } finally {
      judge.end();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
