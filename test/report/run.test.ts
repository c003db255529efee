/** The report service: its pure parts (no git, no disk, no network), and one load of the repository per run. */
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { formatReportResult, reportExitCode, reportJson } from "../../src/commands/report.ts";
import { recordPath } from "../../src/records/evaluation.ts";
import type { BuiltReport } from "../../src/report/build.ts";
import { judge } from "../../src/report/gates.ts";
import type { ModelReport } from "../../src/report/markdown.ts";
import { type ReportResult, reportStatus, runReport, wantsGitHub } from "../../src/report/run.ts";
import { toJson } from "../../src/util/fs.ts";
import { bufferIo } from "../../src/util/io.ts";
import { openWorkspace } from "../../src/workspace/workspace.ts";
import { makeFixtureRepo } from "../support/fixture-repo.ts";
import { bindToFixture, makeModel, makeRecord, type RecordOptions } from "./builder.ts";

function modelReport(name: string, o: RecordOptions = {}): ModelReport {
  const model = makeModel(name);
  const record = makeRecord({ name, ...o });
  return { model, record, verdict: judge({ model, record }) };
}

const passing = () => modelReport("churn", { metrics: { roc_auc: 0.95, recall: 0.7 } });
const failing = () => modelReport("fraud", { metrics: { roc_auc: 0.5, recall: 0.7 } });

function built(models: ModelReport[], refused: BuiltReport["refused"] = []): BuiltReport {
  return { models, refused } as unknown as BuiltReport;
}

test("reportStatus: fail when a model fails or a record was refused; warn when one warns; else pass", () => {
  assert.equal(passing().verdict.status, "pass");
  assert.equal(failing().verdict.status, "fail");
  assert.equal(reportStatus(built([passing()])), "pass");
  assert.equal(reportStatus(built([passing(), failing()])), "fail");
  assert.equal(reportStatus(built([passing()], [{ file: "x.json", reason: "too large" }])), "fail");
  const warned = passing();
  warned.verdict.status = "warn";
  assert.equal(reportStatus(built([passing(), warned])), "warn");
});

test("wantsGitHub: with --repo or --pr, or inside Actions; never on a dry run", () => {
  assert.equal(wantsGitHub({}, {}), false);
  assert.equal(wantsGitHub({ pr: 3 }, {}), true);
  assert.equal(wantsGitHub({ repo: "acme/models" }, {}), true);
  assert.equal(wantsGitHub({}, { GITHUB_ACTIONS: "true" }), true);
  assert.equal(wantsGitHub({ dryRun: true, pr: 3 }, { GITHUB_ACTIONS: "true" }), false);
});

test("the printed lines, the JSON and the exit code of a result", () => {
  const b = built([passing(), failing()], [{ file: "evil.json", reason: "names model x" }]);
  const r: ReportResult = {
    built: b,
    status: reportStatus(b),
    comment: "",
    cards: ["/r/models/churn/MODEL_CARD.md"],
    notes: [],
  };
  const lines = formatReportResult(r).split("\n");
  assert.equal(lines[0], "✓ churn: pass");
  assert.match(lines[1], /^✗ fraud: fail — roc_auc 0\.5000 is below the minimum 0\.85/);
  assert.equal(lines[2], "✗ refused evil.json: names model x");
  assert.equal(lines[3], "model card: /r/models/churn/MODEL_CARD.md");
  assert.equal(reportExitCode(r), 1);
  const json = reportJson(r);
  assert.equal(json.status, "fail");
  assert.deepEqual(
    json.models.map((m) => [m.name, m.status]),
    [
      ["churn", "pass"],
      ["fraud", "fail"],
    ],
  );
  assert.deepEqual(json.refused, [{ file: "evil.json", reason: "names model x" }]);
  assert.equal("comment" in json, false);
  assert.equal(reportExitCode({ ...r, status: "warn" }), 0);
});

test("report reads the workspace's repository once: validation judges the manifests the run loaded", async () => {
  const fx = makeFixtureRepo();
  const record = bindToFixture(fx.root, makeRecord({ name: "churn", metrics: { roc_auc: 0.905, recall: 0.7 } }));
  fx.write(recordPath("churn"), toJson(record));
  const fresh = await runReport(openWorkspace(bufferIo(fx.root, {})), { dryRun: true });
  assert.match(fresh.comment, /Data checks: /);

  const ws = openWorkspace(bufferIo(fx.root, {}));
  assert.equal(ws.repo.models.length, 1);
  // Loaded: from here on, a manifest on disk that changes is not read again by this run.
  writeFileSync(join(fx.root, "models/churn/model.yaml"), "kind: [not a manifest\n");
  const r = await runReport(ws, { dryRun: true });
  assert.equal(r.comment, fresh.comment, "the same report, findings included, from the one loaded repository");
  assert.deepEqual(
    r.built.models.map((m) => m.findings),
    fresh.built.models.map((m) => m.findings),
  );
});
