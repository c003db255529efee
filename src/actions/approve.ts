import { resolve } from "node:path";
import * as core from "@actions/core";
import { APPROVAL_CONTEXT } from "../approve/decide.ts";
import { renderApprovalMarkdown } from "../approve/policy.ts";
import { type ApproveOptions, openApprovalWorkspace, runApprove } from "../approve/run.ts";
import { approveExitCode, formatApproveResult, parseModelList } from "../commands/approve.ts";
import { writeJobSummary } from "../github/index.ts";
import { actionIo, boolInput, runAction } from "./_runtime.ts";

await runAction("approve", async () => {
  const io = actionIo();
  const token = core.getInput("token");
  if (token) core.setSecret(token);
  const comment = boolInput("comment", true);
  const opts: ApproveOptions = {
    token: token || undefined,
    appSlug: core.getInput("app-slug") || undefined,
    repo: core.getInput("repository") || undefined,
    pr: core.getInput("pull-request") || undefined,
    models: parseModelList(core.getInput("models")),
    comment,
  };
  const cwd = resolve(io.cwd, core.getInput("working-directory") || ".");
  const result = await core.group(`modelgate approve → ${APPROVAL_CONTEXT}`, async () =>
    runApprove(await openApprovalWorkspace({ ...io, cwd }, cwd, opts), opts),
  );
  io.out(formatApproveResult(result));
  writeJobSummary(renderApprovalMarkdown(result.decision), io.env);
  const d = result.decision;
  core.setOutput("approved", d.approved);
  core.setOutput("state", d.state);
  core.setOutput("description", d.description);
  core.setOutput("head-sha", d.headSha);
  core.setOutput("approvers", JSON.stringify(d.approvers));
  if (result.statusError) core.error(`could not set the status ${APPROVAL_CONTEXT}: ${result.statusError}`);
  if (result.apiError) core.error(`not approved: ${result.apiError}`);
  if (result.commentError) core.warning(`could not update the PR comment: ${result.commentError}`);
  return approveExitCode(result);
});
