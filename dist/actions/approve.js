import { createRequire } from 'node:module';
import { p as parseModelList, r as runApprove, o as openApprovalWorkspace, f as formatApproveResult, a as approveExitCode } from '../chunks/chunk-77L6OETL-BOJUaloW.js';
import { A as APPROVAL_CONTEXT } from '../chunks/chunk-RIE246NL-BCGPlkPR.js';
import { r as renderApprovalMarkdown } from '../chunks/chunk-GLGUTLI5-Jm6A3CVq.js';
import '../chunks/chunk-IUP2DSUK-kBqg7nXA.js';
import '../chunks/hot-help-validate-plan-audit-verify-CiDATK95.js';
import '../chunks/chunk-62RWLHT6-DusoIaw8.js';
import '../chunks/chunk-NKXRGQC5-h4gDLlTY.js';
import { w as writeJobSummary } from '../chunks/chunk-BJUODENM-D7tbkoXJ.js';
import '../chunks/chunk-7QV4TYNM-KsfEaxRL.js';
import '../chunks/hot-validate-verify-COnm42W2.js';
import '../chunks/hot-validate-plan-audit-verify-DglurztO.js';
import '../chunks/hot-plan-YWGJn6IT.js';
import '../chunks/hot-validate-plan-DjS3M9MR.js';
import '../chunks/hot-validate-plan-verify-C9JqfCVv.js';
import '../chunks/chunk-DFUR2YEO-CrRpRbga.js';
import { r as runAction, a as actionIo, b as boolInput } from '../chunks/chunk-GQCH3TPH-DiKVRF7d.js';
import { g as getInput, s as setSecret, a as group, b as setOutput, e as error, w as warning } from '../chunks/chunk-U2N6PYQM-Bne4_qtb.js';
import { resolve } from 'node:path';
import 'node:fs';
import 'node:util';
import 'node:crypto';
import 'node:worker_threads';
import 'node:fs/promises';
import 'node:url';
import 'node:child_process';
import 'node:timers/promises';
import 'os';
import 'crypto';
import 'fs';
import 'http';
import 'https';

const require$1 = createRequire(import.meta.url);
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
