import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  formatReportResult,
  reportExitCode,
  runReport
} from "../chunks/chunk-U4EFBHKO.js";
import "../chunks/chunk-F2UEE7X2.js";
import "../chunks/chunk-4BMDRUGO.js";
import "../chunks/chunk-7W43K7FQ.js";
import {
  parseModelList
} from "../chunks/chunk-JS3OMZU6.js";
import "../chunks/chunk-AKYZEPGS.js";
import "../chunks/chunk-4WQNBY3X.js";
import "../chunks/chunk-LGOPMF3P.js";
import "../chunks/chunk-UJGMECAW.js";
import "../chunks/chunk-FDR4IDFB.js";
import "../chunks/chunk-YYXK4NTP.js";
import "../chunks/chunk-IUP2DSUK.js";
import "../chunks/chunk-CJ57OHVI.js";
import "../chunks/chunk-62RWLHT6.js";
import "../chunks/chunk-4BLITTKA.js";
import "../chunks/chunk-QR72UADD.js";
import "../chunks/chunk-TYVK2T2V.js";
import "../chunks/chunk-U73FS3GH.js";
import "../chunks/chunk-CGGEW7VW.js";
import "../chunks/chunk-GJQMWFI5.js";
import "../chunks/chunk-YI3RFVVZ.js";
import "../chunks/chunk-AFJTW5JC.js";
import "../chunks/chunk-4USZLPHI.js";
import "../chunks/chunk-JPD5CG23.js";
import "../chunks/chunk-CG5OMBRI.js";
import "../chunks/chunk-M57FEL6J.js";
import "../chunks/chunk-WQU6PLY4.js";
import "../chunks/chunk-HESXV63B.js";
import "../chunks/chunk-ILZOLU62.js";
import "../chunks/chunk-BQ3X32ZS.js";
import "../chunks/chunk-IVKPBSHK.js";
import "../chunks/chunk-62NAQUBS.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-IL2KXDOB.js";
import "../chunks/chunk-2BWFZXJO.js";
import "../chunks/chunk-JEOHWBFY.js";
import "../chunks/chunk-LUO2V2UB.js";
import "../chunks/chunk-WQ3D7RZK.js";
import "../chunks/chunk-HGXR76P3.js";
import "../chunks/chunk-YK35P24K.js";
import "../chunks/chunk-2Z7WG6JL.js";
import "../chunks/chunk-MMEZHR7H.js";
import "../chunks/chunk-EJRXWDVW.js";
import {
  openWorkspace
} from "../chunks/chunk-5X42ASO2.js";
import "../chunks/chunk-TFTFQJOP.js";
import "../chunks/chunk-RQB7ZENY.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-RWWTBGNL.js";
import "../chunks/chunk-YZUBQ7DK.js";
import "../chunks/chunk-XHJYYTBS.js";
import "../chunks/chunk-S43IQFRZ.js";
import "../chunks/chunk-BW3OKQ3E.js";
import "../chunks/chunk-QOWBSAJO.js";
import {
  actionIo,
  boolInput,
  runAction
} from "../chunks/chunk-4GRI4MF2.js";
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
