import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  APPROVAL_CONTEXT,
  approveExitCode,
  formatApproveResult,
  parseModelList,
  renderApprovalMarkdown,
  runApprove
} from "../chunks/chunk-HHQQWPH4.js";
import "../chunks/chunk-ECKY5JUV.js";
import {
  writeJobSummary
} from "../chunks/chunk-BQKVR4UH.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-NJ3H4BEK.js";
import "../chunks/chunk-ZY5OX6SA.js";
import "../chunks/chunk-QOWBSAJO.js";
import "../chunks/chunk-RQB7ZENY.js";
import "../chunks/chunk-WARMS5WM.js";
import {
  actionIo,
  boolInput,
  runAction
} from "../chunks/chunk-OPQOOSZP.js";
import {
  error,
  getInput,
  group,
  setOutput,
  setSecret,
  warning
} from "../chunks/chunk-4MS45GGA.js";
import "../chunks/chunk-4AOTTLI5.js";
import "../chunks/chunk-7SHYJVU3.js";
import "../chunks/chunk-ZGDBGMMU.js";

// src/actions/approve.ts
import { resolve } from "node:path";
await runAction("approve", async () => {
  const io = actionIo();
  const token = getInput("token");
  if (token) setSecret(token);
  const comment = boolInput("comment", true);
  const result = await group(
    `modelgate approve \u2192 ${APPROVAL_CONTEXT}`,
    () => runApprove({
      cwd: resolve(io.cwd, getInput("working-directory") || "."),
      env: io.env,
      token: token || void 0,
      appSlug: getInput("app-slug") || void 0,
      repo: getInput("repository") || void 0,
      pr: getInput("pull-request") || void 0,
      models: parseModelList(getInput("models")),
      comment
    })
  );
  io.out(formatApproveResult(result));
  writeJobSummary(renderApprovalMarkdown(result.decision), io.env);
  const d = result.decision;
  setOutput("approved", d.approved);
  setOutput("state", d.state);
  setOutput("description", d.description);
  setOutput("head-sha", d.headSha);
  setOutput("approvers", JSON.stringify(d.approvers));
  if (result.statusError) error(`could not set the status ${APPROVAL_CONTEXT}: ${result.statusError}`);
  if (result.apiError) error(`not approved: ${result.apiError}`);
  if (result.commentError) warning(`could not update the PR comment: ${result.commentError}`);
  return approveExitCode(result);
});
