import { join, resolve } from "node:path";
import * as core from "@actions/core";
import { parseModelList } from "../commands/approve.ts";
import { formatReportResult, reportExitCode } from "../commands/report.ts";
import { runReport } from "../report/run.ts";
import { openWorkspace } from "../workspace/workspace.ts";
import { actionIo, boolInput, runAction } from "./_runtime.ts";

await runAction("report", async () => {
  const token = core.getInput("token");
  if (token) core.setSecret(token);
  const runner = actionIo();
  // the workspace is opened at the working directory, and relative inputs (records, from-artifact) are read from it
  const io = { ...runner, cwd: resolve(runner.cwd, core.getInput("working-directory") || ".") };
  const out = join(io.env.RUNNER_TEMP || io.cwd, "modelgate-report.md");
  const result = await core.group("modelgate report", () =>
    runReport(openWorkspace(io), {
      token: token || undefined,
      appSlug: core.getInput("app-slug") || undefined,
      models: parseModelList(core.getInput("models")),
      records: core.getInput("records") || undefined,
      fromArtifact: core.getInput("from-artifact") || undefined,
      repo: core.getInput("repository") || undefined,
      pr: core.getInput("pull-request") || undefined,
      sha: core.getInput("sha") || undefined,
      comment: boolInput("comment", true),
      checkRuns: boolInput("check-runs", true),
      writeCard: boolInput("write-card", false),
      validate: boolInput("validate", true),
      skipData: boolInput("skip-data", false),
      out,
    }),
  );
  io.out(formatReportResult(result));
  const failed = result.built.models.filter((m) => m.verdict.status === "fail").map((m) => m.model.metadata.name);
  for (const name of failed) core.error(`${name} failed its gates (see the check run "modelgate / ${name}")`);
  for (const r of result.built.refused) core.error(`refused evaluation record ${r.file}: ${r.reason}`);
  core.setOutput("verdict", result.status);
  core.setOutput("failed", JSON.stringify(failed));
  core.setOutput("comment-url", result.published?.comment?.url ?? "");
  core.setOutput(
    "check-runs",
    JSON.stringify(Object.fromEntries([...(result.published?.checkRuns ?? [])].map(([n, c]) => [n, c.url]))),
  );
  core.setOutput("report", out);
  core.setOutput("cards", JSON.stringify(result.cards));
  return reportExitCode(result);
});
