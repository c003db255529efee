import { createRequire } from 'node:module';
import { r as runReport, f as formatReportResult, a as reportExitCode } from '../chunks/chunk-WGVAOZVT-CvDl7KGK.js';
import '../chunks/chunk-MU3JUADA-7VI_UIJ_.js';
import '../chunks/hot-validate-Cbhe7qur.js';
import '../chunks/hot-validate-plan-DjS3M9MR.js';
import { p as parseModelList } from '../chunks/chunk-77L6OETL-BOJUaloW.js';
import '../chunks/chunk-RIE246NL-BCGPlkPR.js';
import '../chunks/chunk-GLGUTLI5-Jm6A3CVq.js';
import '../chunks/chunk-IUP2DSUK-kBqg7nXA.js';
import '../chunks/chunk-N3AID6DX-dQPS-OfG.js';
import '../chunks/chunk-AUVY43KH-ByPVU_Dd.js';
import '../chunks/chunk-4XQEDHKK-BxXLCzAZ.js';
import '../chunks/hot-help-validate-plan-audit-verify-CiDATK95.js';
import '../chunks/chunk-62RWLHT6-DusoIaw8.js';
import '../chunks/hot-audit-verify-DZYJh8zf.js';
import '../chunks/chunk-NKXRGQC5-h4gDLlTY.js';
import '../chunks/chunk-BJUODENM-D7tbkoXJ.js';
import '../chunks/chunk-KDNZQSEI-BmEYO2Wc.js';
import '../chunks/chunk-OTHSGMS3-yPQ0aSNM.js';
import '../chunks/chunk-2EP4N2N2-TUQsqfkI.js';
import '../chunks/chunk-2N2GYVU3-BuZWoH5t.js';
import '../chunks/chunk-RUQEVCOP-DcryHeG5.js';
import '../chunks/hot-validate-verify-COnm42W2.js';
import '../chunks/chunk-7QV4TYNM-KsfEaxRL.js';
import '../chunks/chunk-VK5GUTCG-BuY9l5Ac.js';
import '../chunks/chunk-FESBZRCF-DVFrC6lj.js';
import '../chunks/hot-validate-plan-audit-verify-DglurztO.js';
import '../chunks/chunk-ZYONVBQU-s7z3Z2Hp.js';
import '../chunks/chunk-UBMSCOQN-DvpQ3ehE.js';
import '../chunks/chunk-OYQDDGAU-Dpe-Jqkv.js';
import '../chunks/chunk-2ZLDIS45-ZCAU1cz0.js';
import '../chunks/chunk-U6HQLEKJ-DFuKjzG7.js';
import '../chunks/chunk-YK35P24K-BysRypHz.js';
import { o as openWorkspace } from '../chunks/hot-plan-YWGJn6IT.js';
import '../chunks/hot-validate-plan-verify-C9JqfCVv.js';
import '../chunks/chunk-DFUR2YEO-CrRpRbga.js';
import { r as runAction, a as actionIo, b as boolInput } from '../chunks/chunk-GQCH3TPH-DiKVRF7d.js';
import { g as getInput, s as setSecret, a as group, e as error, b as setOutput } from '../chunks/chunk-U2N6PYQM-Bne4_qtb.js';
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
