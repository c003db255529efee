import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  approveExitCode,
  formatApproveResult,
  openApprovalWorkspace,
  parseModelList,
  runApprove
} from "../chunks/chunk-RHGXT2LQ.js";
import "../chunks/chunk-UJGMECAW.js";
import "../chunks/chunk-CXLO4YWQ.js";
import {
  APPROVAL_CONTEXT
} from "../chunks/chunk-FFIGZS3X.js";
import {
  renderApprovalMarkdown
} from "../chunks/chunk-HCSGHCIG.js";
import "../chunks/chunk-BAGWTHH3.js";
import "../chunks/chunk-2GAGZ6MB.js";
import {
  writeJobSummary
} from "../chunks/chunk-YA4536HC.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-A2AAEGHE.js";
import "../chunks/chunk-7X65H3OX.js";
import "../chunks/chunk-RQB7ZENY.js";
import "../chunks/chunk-K2PEDVU3.js";
import "../chunks/chunk-E5SOOXKQ.js";
import "../chunks/chunk-QOWBSAJO.js";
import {
  actionIo,
  boolInput,
  runAction
} from "../chunks/chunk-5J2J5X2B.js";
import {
  error,
  getInput,
  group,
  setOutput,
  setSecret,
  warning
} from "../chunks/chunk-4MS45GGA.js";
import "../chunks/chunk-4AOTTLI5.js";
import "../chunks/chunk-H5EPG2ZH.js";
import "../chunks/chunk-ZGDBGMMU.js";

// src/actions/approve.ts
import { resolve } from "node:path";
await runAction("approve", async () => {
  const io = actionIo();
  const token = getInput("token");
  if (token) setSecret(token);
  const comment = boolInput("comment", true);
  const opts = {
    token: token || void 0,
    appSlug: getInput("app-slug") || void 0,
    repo: getInput("repository") || void 0,
    pr: getInput("pull-request") || void 0,
    models: parseModelList(getInput("models")),
    comment
  };
  const cwd = resolve(io.cwd, getInput("working-directory") || ".");
  const result = await group(
    `modelgate approve \u2192 ${APPROVAL_CONTEXT}`,
    async () => runApprove(await openApprovalWorkspace({ ...io, cwd }, cwd, opts), opts)
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
