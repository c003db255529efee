import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  formatReportResult,
  reportExitCode,
  runReport
} from "../chunks/chunk-VRJJMH2Y.js";
import {
  parseModelList
} from "../chunks/chunk-RHGXT2LQ.js";
import "../chunks/chunk-VENDICTE.js";
import "../chunks/chunk-VSTT744I.js";
import "../chunks/chunk-CCZROEOA.js";
import "../chunks/chunk-UJGMECAW.js";
import "../chunks/chunk-EJRXWDVW.js";
import "../chunks/chunk-CXLO4YWQ.js";
import "../chunks/chunk-OVWRLB4R.js";
import "../chunks/chunk-APDG3SIG.js";
import "../chunks/chunk-JOETGJTL.js";
import "../chunks/chunk-FFIGZS3X.js";
import "../chunks/chunk-HCSGHCIG.js";
import "../chunks/chunk-BAGWTHH3.js";
import "../chunks/chunk-GBOQY7F6.js";
import "../chunks/chunk-REJUCCMN.js";
import "../chunks/chunk-2BJAIYUF.js";
import "../chunks/chunk-LACVL6DC.js";
import "../chunks/chunk-Y72I2OFL.js";
import "../chunks/chunk-PWA2NHWD.js";
import "../chunks/chunk-2GAGZ6MB.js";
import "../chunks/chunk-LHB2DN4U.js";
import "../chunks/chunk-VRZ2CJVB.js";
import "../chunks/chunk-7CYA4NHE.js";
import "../chunks/chunk-AZ7PF7DE.js";
import "../chunks/chunk-U73FS3GH.js";
import "../chunks/chunk-YA4536HC.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-DFUR2YEO.js";
import {
  openWorkspace
} from "../chunks/chunk-A2AAEGHE.js";
import "../chunks/chunk-7X65H3OX.js";
import "../chunks/chunk-RQB7ZENY.js";
import "../chunks/chunk-K2PEDVU3.js";
import "../chunks/chunk-E5SOOXKQ.js";
import "../chunks/chunk-QOWBSAJO.js";
import {
  actionIo,
  boolInput,
  runAction
} from "../chunks/chunk-5J2J5X2B.js";
import {
  error,
  getInput,
  group,
  setOutput,
  setSecret
} from "../chunks/chunk-4MS45GGA.js";
import "../chunks/chunk-4AOTTLI5.js";
import "../chunks/chunk-H5EPG2ZH.js";
import "../chunks/chunk-ZGDBGMMU.js";

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
