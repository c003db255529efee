import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  approveExitCode,
  formatApproveResult,
  openApprovalWorkspace,
  parseModelList,
  runApprove
} from "../chunks/chunk-WRAI24WC.js";
import {
  APPROVAL_CONTEXT
} from "../chunks/chunk-V435ILHN.js";
import {
  renderApprovalMarkdown
} from "../chunks/chunk-U64ABM4G.js";
import "../chunks/chunk-IUP2DSUK.js";
import "../chunks/chunk-UJGMECAW.js";
import "../chunks/chunk-62RWLHT6.js";
import "../chunks/chunk-NKXRGQC5.js";
import {
  writeJobSummary
} from "../chunks/chunk-BJUODENM.js";
import "../chunks/chunk-OC63Y2CO.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-2BWFZXJO.js";
import "../chunks/chunk-RQB7ZENY.js";
import "../chunks/chunk-253ML7PM.js";
import "../chunks/chunk-Y5WD3MLX.js";
import "../chunks/chunk-NLWIVCTM.js";
import "../chunks/chunk-UPGHJSZ6.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-AVCTVMN2.js";
import "../chunks/chunk-YZUBQ7DK.js";
import "../chunks/chunk-S43IQFRZ.js";
import "../chunks/chunk-VHRTALN7.js";
import "../chunks/chunk-74F563D4.js";
import {
  actionIo,
  boolInput,
  runAction
} from "../chunks/chunk-GQCH3TPH.js";
import {
  error,
  getInput,
  group,
  setOutput,
  setSecret,
  warning
} from "../chunks/chunk-U2N6PYQM.js";
import "../chunks/chunk-4AOTTLI5.js";
import "../chunks/chunk-VPZGVLTG.js";
import "../chunks/chunk-CCN2QAD7.js";

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
