import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  formatReportResult,
  reportExitCode,
  runReport
} from "../chunks/chunk-6VHJBWUI.js";
import "../chunks/chunk-KUZ7745K.js";
import "../chunks/chunk-26QAHEDW.js";
import "../chunks/chunk-PGNRHRKZ.js";
import {
  parseModelList
} from "../chunks/chunk-ROCTO6OK.js";
import "../chunks/chunk-KVSRXAXI.js";
import "../chunks/chunk-QDQB2KW2.js";
import "../chunks/chunk-Z3F2YFOE.js";
import "../chunks/chunk-UJGMECAW.js";
import "../chunks/chunk-6FZ5Y4LU.js";
import "../chunks/chunk-OL25SVDW.js";
import "../chunks/chunk-IUP2DSUK.js";
import "../chunks/chunk-QI2VZTQM.js";
import "../chunks/chunk-62RWLHT6.js";
import "../chunks/chunk-4BLITTKA.js";
import "../chunks/chunk-QR72UADD.js";
import "../chunks/chunk-TYVK2T2V.js";
import "../chunks/chunk-U73FS3GH.js";
import "../chunks/chunk-KKQJU2ZQ.js";
import "../chunks/chunk-C6MIY2L3.js";
import "../chunks/chunk-5V6DZ3G6.js";
import "../chunks/chunk-KV3PDDTP.js";
import "../chunks/chunk-2EP4N2N2.js";
import "../chunks/chunk-4PYCTCDN.js";
import "../chunks/chunk-AYMTKVFU.js";
import "../chunks/chunk-UCU4ARW5.js";
import "../chunks/chunk-7DC5CDGY.js";
import "../chunks/chunk-JUPVGUIV.js";
import "../chunks/chunk-C6CK2HNB.js";
import "../chunks/chunk-SU4I4RP5.js";
import "../chunks/chunk-BQ3X32ZS.js";
import "../chunks/chunk-6UXFBPQ7.js";
import "../chunks/chunk-B3ZWHNLG.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-HGTAPYV5.js";
import "../chunks/chunk-2BWFZXJO.js";
import "../chunks/chunk-Y62323NV.js";
import "../chunks/chunk-NPG6WC7C.js";
import "../chunks/chunk-WQ3D7RZK.js";
import "../chunks/chunk-LX622266.js";
import "../chunks/chunk-YK35P24K.js";
import "../chunks/chunk-2Z7WG6JL.js";
import "../chunks/chunk-MMEZHR7H.js";
import "../chunks/chunk-EJRXWDVW.js";
import "../chunks/chunk-RQB7ZENY.js";
import {
  openWorkspace
} from "../chunks/chunk-MQJ4CDQI.js";
import "../chunks/chunk-7WYILPYU.js";
import "../chunks/chunk-UW5NMV2O.js";
import "../chunks/chunk-UPGHJSZ6.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-AVCTVMN2.js";
import "../chunks/chunk-VHRTALN7.js";
import "../chunks/chunk-YZUBQ7DK.js";
import "../chunks/chunk-OHXYSI3I.js";
import "../chunks/chunk-S43IQFRZ.js";
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
