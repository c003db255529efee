import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  approveExitCode,
  formatApproveResult,
  openApprovalWorkspace,
  parseModelList,
  runApprove
} from "../chunks/chunk-77L6OETL.js";
import {
  APPROVAL_CONTEXT
} from "../chunks/chunk-RIE246NL.js";
import {
  renderApprovalMarkdown
} from "../chunks/chunk-GLGUTLI5.js";
import "../chunks/chunk-IUP2DSUK.js";
import "../chunks/chunk-KQ33QBFR.js";
import "../chunks/chunk-62RWLHT6.js";
import "../chunks/chunk-NKXRGQC5.js";
import {
  writeJobSummary
} from "../chunks/chunk-BJUODENM.js";
import "../chunks/chunk-7QV4TYNM.js";
import "../chunks/chunk-64266JRY.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-2BWFZXJO.js";
import "../chunks/chunk-RQB7ZENY.js";
import "../chunks/chunk-TNV3NBNK.js";
import "../chunks/chunk-DQHGHTZX.js";
import "../chunks/chunk-2E6TZQRV.js";
import "../chunks/chunk-LYRQXBMV.js";
import "../chunks/chunk-YR32LSL5.js";
import "../chunks/chunk-KMZ2SU7I.js";
import "../chunks/chunk-XPVOVGWT.js";
import "../chunks/chunk-UPGHJSZ6.js";
import "../chunks/chunk-S43IQFRZ.js";
import "../chunks/chunk-YZUBQ7DK.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-AVCTVMN2.js";
import "../chunks/chunk-NI36P5E6.js";
import "../chunks/chunk-A6WGSW5D.js";
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
