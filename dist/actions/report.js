import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  formatReportResult,
  reportExitCode,
  runReport
} from "../chunks/chunk-B4KLL2WJ.js";
import "../chunks/chunk-TDJZNJJF.js";
import "../chunks/chunk-2BYGJADJ.js";
import "../chunks/chunk-ZDWSDRWZ.js";
import {
  parseModelList
} from "../chunks/chunk-OBGUYF6Z.js";
import "../chunks/chunk-NC4NPHYY.js";
import "../chunks/chunk-LNBWE32K.js";
import "../chunks/chunk-VFJSQKKT.js";
import "../chunks/chunk-UJGMECAW.js";
import "../chunks/chunk-6T4RK4JG.js";
import "../chunks/chunk-IUP2DSUK.js";
import "../chunks/chunk-6SY4DMQ2.js";
import "../chunks/chunk-62RWLHT6.js";
import "../chunks/chunk-4BLITTKA.js";
import "../chunks/chunk-QR72UADD.js";
import "../chunks/chunk-TYVK2T2V.js";
import "../chunks/chunk-U73FS3GH.js";
import "../chunks/chunk-6JTE42PB.js";
import "../chunks/chunk-5ZQ6TWHY.js";
import "../chunks/chunk-LNEMD7FW.js";
import "../chunks/chunk-AQ6NVH64.js";
import "../chunks/chunk-QENHBKCN.js";
import "../chunks/chunk-KV26U3IJ.js";
import "../chunks/chunk-M57FEL6J.js";
import "../chunks/chunk-UAMELZZ6.js";
import "../chunks/chunk-IVKPBSHK.js";
import "../chunks/chunk-OZAWWDHX.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-5RNHZGHK.js";
import "../chunks/chunk-2BWFZXJO.js";
import "../chunks/chunk-OURFNVSV.js";
import "../chunks/chunk-PKLNJ4WK.js";
import "../chunks/chunk-ZUZHMLQV.js";
import "../chunks/chunk-GPOTO2DD.js";
import "../chunks/chunk-EJRXWDVW.js";
import "../chunks/chunk-MMEZHR7H.js";
import {
  openWorkspace
} from "../chunks/chunk-TSLMIUOM.js";
import "../chunks/chunk-647GS7I4.js";
import "../chunks/chunk-RQB7ZENY.js";
import "../chunks/chunk-G3PMTGIB.js";
import "../chunks/chunk-W4OLKDEP.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-PPKR4CHL.js";
import "../chunks/chunk-CET7KO5S.js";
import "../chunks/chunk-QOWBSAJO.js";
import {
  actionIo,
  boolInput,
  runAction
} from "../chunks/chunk-A5QBJPMI.js";
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
