import { createRequire } from 'node:module';
import { p as parseModelList, r as runApprove, o as openApprovalWorkspace, f as formatApproveResult, a as approveExitCode } from '../chunks/chunk-77L6OETL-CD3ZnrA8.js';
import { A as APPROVAL_CONTEXT } from '../chunks/chunk-RIE246NL-RULym_U9.js';
import { r as renderApprovalMarkdown } from '../chunks/chunk-GLGUTLI5-DiESTY-Q.js';
import '../chunks/chunk-IUP2DSUK-Cnf0o6t-.js';
import '../chunks/hot-help-validate-audit-verify-aYLtKKnG.js';
import '../chunks/chunk-62RWLHT6-DusoIaw8.js';
import '../chunks/chunk-NKXRGQC5-CnN5N70n.js';
import { w as writeJobSummary } from '../chunks/chunk-BJUODENM-CWEUHgBY.js';
import '../chunks/chunk-7QV4TYNM-BhNYIKJJ.js';
import '../chunks/hot-validate-verify-C8t4jxm2.js';
import '../chunks/hot-validate-audit-verify-C-_o6MJ0.js';
import '../chunks/chunk-TNV3NBNK-BYNCmJpd.js';
import '../chunks/chunk-DQHGHTZX-pBLXiB2o.js';
import '../chunks/chunk-2E6TZQRV-DPA5_5vV.js';
import '../chunks/chunk-LYRQXBMV-BXHYPiyi.js';
import '../chunks/hot-validate-BotGmJiZ.js';
import '../chunks/chunk-S43IQFRZ-B-SSS4At.js';
import '../chunks/chunk-YZUBQ7DK-DHQLuxFL.js';
import '../chunks/chunk-DFUR2YEO-CrRpRbga.js';
import { r as runAction, a as actionIo, b as boolInput } from '../chunks/chunk-GQCH3TPH-3Al4y03f.js';
import { g as getInput, s as setSecret, a as group, b as setOutput, e as error, w as warning } from '../chunks/chunk-U2N6PYQM-CxW-GqxT.js';
import { resolve } from 'node:path';
import 'node:fs';
import 'node:util';
import 'node:crypto';
import 'node:worker_threads';
import 'node:fs/promises';
import 'node:url';
import 'node:child_process';
import 'node:timers/promises';
import 'node:v8';
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
