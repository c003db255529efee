import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  formatReportResult,
  reportExitCode,
  runReport
} from "../chunks/chunk-YNE2EHLE.js";
import "../chunks/chunk-R4PE7EEP.js";
import "../chunks/chunk-DRYOQIUE.js";
import "../chunks/chunk-5M3UW3DG.js";
import {
  parseModelList
} from "../chunks/chunk-DTUXOLU3.js";
import "../chunks/chunk-67UMYW3F.js";
import "../chunks/chunk-62A6M6IN.js";
import "../chunks/chunk-IUP2DSUK.js";
import "../chunks/chunk-WJJMQE6X.js";
import "../chunks/chunk-BJUVT3FL.js";
import "../chunks/chunk-UJGMECAW.js";
import "../chunks/chunk-FMOUYUH7.js";
import "../chunks/chunk-4BLITTKA.js";
import "../chunks/chunk-QWMNQFYR.js";
import "../chunks/chunk-TYVK2T2V.js";
import "../chunks/chunk-U73FS3GH.js";
import "../chunks/chunk-JX4EOLQT.js";
import "../chunks/chunk-BIO6X2EY.js";
import "../chunks/chunk-EY3FCMZG.js";
import "../chunks/chunk-IVEDCC66.js";
import "../chunks/chunk-T2GPW5PN.js";
import "../chunks/chunk-EJRXWDVW.js";
import "../chunks/chunk-CCZROEOA.js";
import "../chunks/chunk-7NLYG22G.js";
import "../chunks/chunk-SJAFTIB5.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-F6VP7AG5.js";
import "../chunks/chunk-LQGYYSB2.js";
import "../chunks/chunk-2BWFZXJO.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-TPAAJY4C.js";
import "../chunks/chunk-YK35P24K.js";
import "../chunks/chunk-WQ3D7RZK.js";
import "../chunks/chunk-2Z7WG6JL.js";
import {
  openWorkspace
} from "../chunks/chunk-7PVRHJJ6.js";
import "../chunks/chunk-24OQBVFA.js";
import "../chunks/chunk-RQB7ZENY.js";
import "../chunks/chunk-YKVVJQTT.js";
import "../chunks/chunk-M65JNBWF.js";
import "../chunks/chunk-PH2DX2SW.js";
import "../chunks/chunk-QJVTDBHM.js";
import "../chunks/chunk-QOWBSAJO.js";
import {
  actionIo,
  boolInput,
  runAction
} from "../chunks/chunk-4ATQXOWY.js";
import {
  error,
  getInput,
  group,
  setOutput,
  setSecret
} from "../chunks/chunk-HKORXWJV.js";
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
