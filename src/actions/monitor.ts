// actions/monitor: `modelgate monitor` in Actions. What it prints comes from logs, manifests and records: actionIo
// keeps it from running as a workflow command. The record is committed with the token; the sticky issue, the
// retraining pull request go through the GitHub API with the same token. A rollback is not proposed here (this job
// has no environment approval): the `rollback` output asks the workflow's rollback job (actions/rollback),
// which runs in the environment, to propose it.
import { resolve } from "node:path";
import * as core from "@actions/core";
import { UserError } from "../errors.ts";
import { resolveContext, writeJobSummary } from "../github/index.ts";
import { parseTimestamp } from "../monitor/events.ts";
import { renderText } from "../monitor/render.ts";
import { runMonitor } from "../monitor/run.ts";
import { openWorkspace } from "../workspace/workspace.ts";
import { actionIo, boolInput, listInput, runAction, withGitPushToken } from "./_runtime.ts";

function time(name: string): number | undefined {
  const v = core.getInput(name);
  if (!v) return undefined;
  const t = /^\d{4}-\d{2}-\d{2}$/.test(v) ? Date.parse(`${v}T00:00:00Z`) : parseTimestamp(v);
  if (!Number.isFinite(t))
    throw new UserError(`input ${name} is "${v}": give RFC 3339 with a zone, a date or epoch seconds`);
  return t;
}

await runAction("monitor", async () => {
  const io = actionIo();
  const token = core.getInput("token");
  if (token) core.setSecret(token);
  const cwd = resolve(io.cwd, core.getInput("working-directory") || ".");
  const model = core.getInput("model");
  if (!model) throw new UserError("the model input is required");
  const logs = listInput("logs");
  if (logs.length === 0) throw new UserError("the logs input is required: files or folders of logs, one per line");
  const github = resolveContext(io.env, { token: token || undefined, appSlug: core.getInput("app-slug") || undefined });
  // The checkout keeps no token on disk; git pushes the record (and a retraining branch) with this one.
  io.env = await withGitPushToken(cwd, token, io.env);
  const r = await core.group(`modelgate monitor ${model}`, () =>
    runMonitor(openWorkspace({ ...io, cwd }, { cwd, env: io.env }), {
      model,
      logs,
      labels: listInput("labels"),
      environment: core.getInput("environment") || undefined,
      since: time("since"),
      until: time("until"),
      retrain: boolInput("retrain", false),
      rollback: boolInput("rollback", false),
      dryRun: boolInput("dry-run", false),
      github,
      log: (line) => io.err(`${line}\n`),
    }),
  );
  const rec = r.plan.record;
  io.out(renderText(rec, { path: r.plan.path, ...(r.commit ? { commit: r.commit } : {}) }));
  writeJobSummary(r.plan.summary, io.env);
  core.setOutput("verdict", rec.verdict);
  core.setOutput("alerts", rec.alerts.length);
  core.setOutput("record", r.plan.path);
  core.setOutput("record-digest", r.plan.digest);
  core.setOutput("commit", r.commit ?? "");
  core.setOutput("issue", r.issue?.number ? String(r.issue.number) : "");
  core.setOutput("retrain-branch", r.retrain?.branch ?? "");
  core.setOutput("pull-request", r.retrain?.pullRequest ? String(r.retrain.pullRequest.number) : "");
  // set only when asked: the legs of a matrix share a job's outputs, and one that asks must not be overwritten
  if (r.rollbackRequested) core.setOutput("rollback", "requested");
  core.setOutput("json", JSON.stringify(r.plan.output));
  if (rec.verdict === "alert") {
    core.error(
      `modelgate monitor: ${rec.alerts.length} alert${rec.alerts.length === 1 ? "" : "s"} for ${rec.model.name} ${rec.model.version} in ${rec.environment}; the job summary and ${r.plan.path} hold the details`,
    );
    return 1;
  }
  return 0;
});
