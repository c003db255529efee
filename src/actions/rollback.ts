// actions/rollback: the rollback a monitoring alert asks for, as a promotion pull request back to the version
// the environment ran before (src/monitor/rollback.ts: release's pull-request mode, in-process). Its job runs in the
// GitHub environment (`environment: production`), so it starts only once the environment's reviewers approve, and
// release's own check reads that approval from the run; without one nothing is pushed or opened. What it prints
// comes from records and manifests: actionIo keeps it from running as a workflow command.
import { resolve } from "node:path";
import * as core from "@actions/core";
import { UserError } from "../errors.ts";
import { writeJobSummary } from "../github/index.ts";
import { formatReleaseResult, releaseMarkdown } from "../release/result.ts";
import { proposeRollback } from "../monitor/rollback.ts";
import { openWorkspace } from "../workspace/workspace.ts";
import { actionIo, boolInput, runAction, withGitPushToken } from "./_runtime.ts";

await runAction("rollback", async () => {
  const io = actionIo();
  const token = core.getInput("token");
  if (token) core.setSecret(token);
  const signingKey = core.getInput("signing-key");
  if (signingKey) {
    for (const line of signingKey.split("\n")) if (line.trim()) core.setSecret(line.trim());
    io.env = { ...io.env, MODELGATE_SIGNING_KEY: signingKey };
  }
  const cwd = resolve(io.cwd, core.getInput("working-directory") || ".");
  const model = core.getInput("model");
  if (!model) throw new UserError("the model input is required");
  // The checkout keeps no token on disk; git pushes the proposal's branch and stage tag with this one.
  io.env = await withGitPushToken(cwd, token, io.env);
  const r = await core.group(`modelgate monitor rollback ${model}`, () =>
    proposeRollback(openWorkspace(io, { cwd, env: io.env }), {
      model,
      environment: core.getInput("environment") || undefined,
      record: core.getInput("record") || undefined,
      token: token || undefined,
      dryRun: boolInput("dry-run", false),
      log: (line) => io.err(`${line}\n`),
    }),
  );
  if (r.skipped) {
    io.out(`rollback of ${model}: not proposed: ${r.skipped}\n`);
    core.setOutput("outcome", "skipped");
    return 0;
  }
  const release = r.release;
  if (release) {
    io.out(formatReleaseResult(release));
    writeJobSummary(releaseMarkdown(release), io.env);
  }
  core.setOutput("outcome", release?.outcome ?? "planned");
  core.setOutput("version", r.version ?? "");
  core.setOutput("monitoring-record", r.monitoringRecord ?? "");
  core.setOutput("branch", release?.branch ?? "");
  core.setOutput("pull-request", release?.pullRequest ? String(release.pullRequest.number) : "");
  core.setOutput("record-digest", release?.recordDigest ?? "");
  return 0;
});
