import { createRequire } from 'node:module';
import { r as runReport, f as formatReportResult, a as reportExitCode } from '../chunks/chunk-X3T2D3UJ-ysZrjSKO.js';
import '../chunks/chunk-SO4MGXMB-By5UfFI0.js';
import '../chunks/hot-validate-BotGmJiZ.js';
import { p as parseModelList } from '../chunks/chunk-77L6OETL-CD3ZnrA8.js';
import '../chunks/chunk-RIE246NL-RULym_U9.js';
import '../chunks/chunk-GLGUTLI5-DiESTY-Q.js';
import '../chunks/chunk-IUP2DSUK-Cnf0o6t-.js';
import '../chunks/chunk-N3AID6DX-C81fbBFW.js';
import '../chunks/chunk-AUVY43KH-DIc4UR6R.js';
import '../chunks/chunk-4XQEDHKK-VkLe_56a.js';
import '../chunks/hot-help-validate-audit-verify-aYLtKKnG.js';
import '../chunks/chunk-62RWLHT6-DusoIaw8.js';
import '../chunks/hot-audit-verify-B6ZY6wfh.js';
import '../chunks/chunk-NKXRGQC5-CnN5N70n.js';
import '../chunks/chunk-BJUODENM-CWEUHgBY.js';
import '../chunks/chunk-KDNZQSEI-Bzjn8Owp.js';
import '../chunks/chunk-OTHSGMS3-LG-e3qza.js';
import '../chunks/chunk-2EP4N2N2-TUQsqfkI.js';
import '../chunks/chunk-2N2GYVU3-CYIwN8v9.js';
import '../chunks/chunk-RUQEVCOP-CUYiV46S.js';
import '../chunks/hot-validate-verify-C8t4jxm2.js';
import '../chunks/chunk-7QV4TYNM-BhNYIKJJ.js';
import '../chunks/chunk-VK5GUTCG-C39Wpqca.js';
import '../chunks/chunk-FESBZRCF-BhXUL2Tj.js';
import '../chunks/hot-validate-audit-verify-C-_o6MJ0.js';
import '../chunks/chunk-ZYONVBQU-NXJe4ZDp.js';
import '../chunks/chunk-UBMSCOQN-B25TI_51.js';
import '../chunks/chunk-OYQDDGAU-qTn3dWg1.js';
import '../chunks/chunk-2ZLDIS45-DjMMIWeg.js';
import '../chunks/chunk-U6HQLEKJ-CmF0blYP.js';
import '../chunks/chunk-YK35P24K-BysRypHz.js';
import { o as openWorkspace } from '../chunks/chunk-TNV3NBNK-BYNCmJpd.js';
import '../chunks/chunk-DQHGHTZX-pBLXiB2o.js';
import '../chunks/chunk-2E6TZQRV-DPA5_5vV.js';
import '../chunks/chunk-LYRQXBMV-BXHYPiyi.js';
import '../chunks/chunk-S43IQFRZ-B-SSS4At.js';
import '../chunks/chunk-YZUBQ7DK-DHQLuxFL.js';
import '../chunks/chunk-DFUR2YEO-CrRpRbga.js';
import { r as runAction, a as actionIo, b as boolInput } from '../chunks/chunk-GQCH3TPH-3Al4y03f.js';
import { g as getInput, s as setSecret, a as group, e as error, b as setOutput } from '../chunks/chunk-U2N6PYQM-CxW-GqxT.js';
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
