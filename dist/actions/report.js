import { createRequire } from 'node:module';
import { r as runReport, f as formatReportResult, a as reportExitCode } from '../chunks/chunk-X3T2D3UJ-Ci6pn30M.js';
import '../chunks/chunk-SO4MGXMB-Dr_oBsXx.js';
import '../chunks/hot-validate-B-PelMnH.js';
import '../chunks/hot-validate-plan-DkI_aO9c.js';
import { p as parseModelList } from '../chunks/chunk-77L6OETL-DEYOCZln.js';
import '../chunks/chunk-RIE246NL-BTVB4uS9.js';
import '../chunks/chunk-GLGUTLI5-CZe2Rl_N.js';
import '../chunks/chunk-IUP2DSUK-W0kjZvU6.js';
import '../chunks/chunk-N3AID6DX-8I38Lc81.js';
import '../chunks/chunk-AUVY43KH-C66sk5Qu.js';
import '../chunks/chunk-4XQEDHKK-BpSl1UTf.js';
import '../chunks/hot-help-validate-plan-audit-verify-rbxjbofx.js';
import '../chunks/chunk-62RWLHT6-DusoIaw8.js';
import '../chunks/hot-audit-verify-CW431pox.js';
import '../chunks/chunk-NKXRGQC5-mX2-xNSd.js';
import '../chunks/chunk-BJUODENM-DL1Qx7ep.js';
import '../chunks/chunk-KDNZQSEI-BeB-nnEs.js';
import '../chunks/chunk-OTHSGMS3-CFK3j2ex.js';
import '../chunks/chunk-2EP4N2N2-TUQsqfkI.js';
import '../chunks/chunk-2N2GYVU3-BZL6Ifh4.js';
import '../chunks/chunk-RUQEVCOP-VDxIjiDh.js';
import '../chunks/hot-validate-verify-Df-Yd_Rd.js';
import '../chunks/chunk-7QV4TYNM-C_MoQh09.js';
import '../chunks/chunk-VK5GUTCG-BgIE8OOZ.js';
import '../chunks/chunk-FESBZRCF-DPgqCKDG.js';
import '../chunks/hot-validate-plan-audit-verify-QICo30ON.js';
import '../chunks/chunk-ZYONVBQU-Civ2VPrM.js';
import '../chunks/chunk-UBMSCOQN-CTl-StWT.js';
import '../chunks/chunk-OYQDDGAU-2yYg6ddK.js';
import '../chunks/chunk-2ZLDIS45-Dp7QRyPS.js';
import '../chunks/chunk-U6HQLEKJ-BEVmVfXv.js';
import '../chunks/chunk-YK35P24K-BysRypHz.js';
import { o as openWorkspace } from '../chunks/hot-plan-B74EilRD.js';
import '../chunks/hot-validate-plan-verify-DgmVZHur.js';
import '../chunks/chunk-DFUR2YEO-CrRpRbga.js';
import { r as runAction, a as actionIo, b as boolInput } from '../chunks/chunk-GQCH3TPH-BJbRcLGx.js';
import { g as getInput, s as setSecret, a as group, e as error, b as setOutput } from '../chunks/chunk-U2N6PYQM-B1uukJD5.js';
import { resolve, join } from 'node:path';
import 'node:fs';
import 'node:worker_threads';
import 'node:crypto';
import 'node:fs/promises';
import 'node:timers/promises';
import 'node:v8';
import 'node:util';
import 'node:child_process';
import 'node:os';
import 'node:url';
import 'os';
import 'crypto';
import 'fs';
import 'http';
import 'https';

const require$1 = createRequire(import.meta.url);
await runAction("report", async () => {
  const token = getInput("token");
  if (token) setSecret(token);
  const runner = actionIo();
  const io = { ...runner, cwd: resolve(runner.cwd, getInput("working-directory") || ".") };
  const out = join(io.env.RUNNER_TEMP || io.cwd, "modelgate-report.md");
  const result = await group(
    "modelgate report",
    () => runReport(openWorkspace(io), {
      token: token || void 0,
      appSlug: getInput("app-slug") || void 0,
      models: parseModelList(getInput("models")),
      records: getInput("records") || void 0,
      fromArtifact: getInput("from-artifact") || void 0,
      repo: getInput("repository") || void 0,
      pr: getInput("pull-request") || void 0,
      sha: getInput("sha") || void 0,
      comment: boolInput("comment", true),
      checkRuns: boolInput("check-runs", true),
      writeCard: boolInput("write-card", false),
      validate: boolInput("validate", true),
      skipData: boolInput("skip-data", false),
      out
    })
  );
  io.out(formatReportResult(result));
  const failed = result.built.models.filter((m) => m.verdict.status === "fail").map((m) => m.model.metadata.name);
  for (const name of failed) error(`${name} failed its gates (see the check run "modelgate / ${name}")`);
  for (const r of result.built.refused) error(`refused evaluation record ${r.file}: ${r.reason}`);
  setOutput("verdict", result.status);
  setOutput("failed", JSON.stringify(failed));
  setOutput("comment-url", result.published?.comment?.url ?? "");
  setOutput(
    "check-runs",
    JSON.stringify(Object.fromEntries([...result.published?.checkRuns ?? []].map(([n, c]) => [n, c.url])))
  );
  setOutput("report", out);
  setOutput("cards", JSON.stringify(result.cards));
  return reportExitCode(result);
});
