import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  formatReportResult,
  reportExitCode,
  runReport
} from "../chunks/chunk-X3T2D3UJ.js";
import "../chunks/chunk-SO4MGXMB.js";
import "../chunks/chunk-IAAAA5OQ.js";
import "../chunks/chunk-R3TW6X6V.js";
import "../chunks/chunk-6ZPD2526.js";
import "../chunks/chunk-YOVF47IZ.js";
import {
  parseModelList
} from "../chunks/chunk-77L6OETL.js";
import "../chunks/chunk-RIE246NL.js";
import "../chunks/chunk-GLGUTLI5.js";
import "../chunks/chunk-IUP2DSUK.js";
import "../chunks/chunk-N3AID6DX.js";
import "../chunks/chunk-AUVY43KH.js";
import "../chunks/chunk-4XQEDHKK.js";
import "../chunks/chunk-KQ33QBFR.js";
import "../chunks/chunk-QT2EU3SI.js";
import "../chunks/chunk-OL25SVDW.js";
import "../chunks/chunk-62RWLHT6.js";
import "../chunks/chunk-4BLITTKA.js";
import "../chunks/chunk-NKXRGQC5.js";
import "../chunks/chunk-BJUODENM.js";
import "../chunks/chunk-TYVK2T2V.js";
import "../chunks/chunk-U73FS3GH.js";
import "../chunks/chunk-FKCR242C.js";
import "../chunks/chunk-KDNZQSEI.js";
import "../chunks/chunk-OTHSGMS3.js";
import "../chunks/chunk-2EP4N2N2.js";
import "../chunks/chunk-2N2GYVU3.js";
import "../chunks/chunk-O7KZ7V2Q.js";
import "../chunks/chunk-7DC5CDGY.js";
import "../chunks/chunk-RUQEVCOP.js";
import "../chunks/chunk-LH4MYGKA.js";
import "../chunks/chunk-Q6QXFFZK.js";
import "../chunks/chunk-3RH2EWC2.js";
import "../chunks/chunk-7B77QO44.js";
import "../chunks/chunk-OOQO5JDE.js";
import "../chunks/chunk-Y72I2OFL.js";
import "../chunks/chunk-SKWY5OI3.js";
import "../chunks/chunk-6UXFBPQ7.js";
import "../chunks/chunk-X6OXJVG3.js";
import "../chunks/chunk-7QV4TYNM.js";
import "../chunks/chunk-64266JRY.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-VK5GUTCG.js";
import "../chunks/chunk-FESBZRCF.js";
import "../chunks/chunk-2BWFZXJO.js";
import "../chunks/chunk-ZYONVBQU.js";
import "../chunks/chunk-UBMSCOQN.js";
import "../chunks/chunk-OYQDDGAU.js";
import "../chunks/chunk-2ZLDIS45.js";
import "../chunks/chunk-U6HQLEKJ.js";
import "../chunks/chunk-YK35P24K.js";
import "../chunks/chunk-4JQXYHBV.js";
import "../chunks/chunk-OZK2C7TC.js";
import "../chunks/chunk-EW3JDDCC.js";
import "../chunks/chunk-FEFSD2JC.js";
import "../chunks/chunk-EJRXWDVW.js";
import "../chunks/chunk-RQB7ZENY.js";
import {
  openWorkspace
} from "../chunks/chunk-TNV3NBNK.js";
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
  setSecret
} from "../chunks/chunk-U2N6PYQM.js";
import "../chunks/chunk-4AOTTLI5.js";
import "../chunks/chunk-VPZGVLTG.js";
import "../chunks/chunk-CCN2QAD7.js";

// src/actions/report.ts
import { join, resolve } from "node:path";
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
