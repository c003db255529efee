/** Reports on a record that `modelgate evaluate` really produced for the fixture repository. */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { evaluateRepositoryModel } from "../../src/evaluate/run.ts";
import { reportExitCode } from "../../src/commands/report.ts";
import { runReport } from "../../src/report/run.ts";
import { bufferIo } from "../../src/util/io.ts";
import { openWorkspace } from "../../src/workspace/workspace.ts";
import { recordPath } from "../../src/records/evaluation.ts";
import { writeReportFiles } from "../support/report-files.ts";
import { parseRecord } from "../../src/report/read-records.ts";
import { makeFixtureRepo } from "../support/fixture-repo.ts";

test("report on the record evaluate writes for the fixture repository", async () => {
  const fx = makeFixtureRepo();
  const ev = await evaluateRepositoryModel(openWorkspace(bufferIo(fx.root)), {
    model: "churn",
    baseline: join(fx.root, "models/churn/model.onnx"),
    resamples: 100,
    latency: false,
  });
  assert.equal(ev.path, join(fx.root, recordPath("churn")));
  const parsed = parseRecord(readFileSync(ev.path, "utf8"));
  assert.equal(parsed.reason, undefined);

  const r = await runReport(openWorkspace(bufferIo(fx.root, {})), { writeCard: true });
  assert.equal(r.built.models.length, 1);
  const m = r.built.models[0];
  assert.equal(m.record?.model.name, "churn");
  // The gates of the fixture: roc_auc ≥ 0.6, roc_auc maxDrop 0.01 (baseline = the same model: delta 0), recall gap.
  assert.deepEqual(
    m.verdict.results.map((x) => x.label),
    ["roc_auc ≥ 0.6", "roc_auc drop ≤ 0.01", "recall gap over region ≤ 0.2"],
  );
  assert.equal(m.verdict.results[1].status, "pass");
  assert.equal(reportExitCode(r), r.status === "fail" ? 1 : 0);
  assert.match(r.comment, /\| metric \| baseline \| candidate \| delta \| 95% interval of the delta \| gate \|/);
  // a baseline given as a file has no version: the header names it rather than calling the model new
  assert.match(r.comment, /### \S+ churn · 1\.0\.0 \(against \S*model\.onnx\) · /);
  assert.match(r.comment, /\| ROC AUC \| 0\.\d{4} \| 0\.\d{4} \| 0\.0000 \| \[0\.0000, 0\.0000\] \|/);
  assert.match(r.comment, /Slices over region|Slices over region \(3, worst first\)/);
  assert.match(r.comment, /Data checks: /);
  const card = readFileSync(join(fx.root, "models/churn/MODEL_CARD.md"), "utf8");
  assert.match(card, /^---\n(?:license: .*\n)?pipeline_tag: tabular-classification\n/);
  assert.doesNotMatch(card, /^(model-index|library_name|datasets):/m, "local data: no Hub ids in the front matter");
  assert.match(card, /## Technical specifications[\s\S]*\| Opset \| \d+ \|/);
  assert.match(card, /\*\*Motivation\.\*\* Test fixture\./);
});

test("writeReportFiles writes the comment, the full report and the card into a folder (what the demo calls)", async () => {
  const fx = makeFixtureRepo();
  await evaluateRepositoryModel(openWorkspace(bufferIo(fx.root)), {
    model: "churn",
    baseline: "none",
    resamples: 50,
    latency: false,
  });
  const outDir = mkdtempSync(join(tmpdir(), "mg-demo-out-"));
  const files = await writeReportFiles({ cwd: fx.root, outDir, validation: false });
  assert.equal(files.comment, join(outDir, "pr-comment.md"));
  const comment = readFileSync(files.comment, "utf8");
  assert.ok(comment.length <= 65_536);
  assert.match(comment, /^## ⚠️ modelgate report/, "no baseline: the maxDrop gate warns");
  assert.match(readFileSync(files.summary, "utf8"), /```mermaid/);
  assert.deepEqual(files.cards, [join(outDir, "models/churn/MODEL_CARD.md")]);
  assert.match(readFileSync(files.cards[0], "utf8"), /^---\n(?:license: .*\n)?pipeline_tag: tabular-classification\n/);
  assert.equal(existsSync(join(fx.root, "models/churn/MODEL_CARD.md")), false, "the repository is left alone");
});
