import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  formatReportResult,
  reportExitCode,
  runReport
} from "../chunks/chunk-H7KY7MG6.js";
import "../chunks/chunk-YRSBR4J7.js";
import "../chunks/chunk-XPVMSGGA.js";
import "../chunks/chunk-J5R6MKES.js";
import {
  parseModelList
} from "../chunks/chunk-N3DVYPQE.js";
import "../chunks/chunk-ZL6AFQ57.js";
import "../chunks/chunk-UW6YERHM.js";
import "../chunks/chunk-IUP2DSUK.js";
import "../chunks/chunk-RMKWO74F.js";
import "../chunks/chunk-U3ZSJZN5.js";
import "../chunks/chunk-UJGMECAW.js";
import "../chunks/chunk-2BJPAHIH.js";
import "../chunks/chunk-4BLITTKA.js";
import "../chunks/chunk-QWMNQFYR.js";
import "../chunks/chunk-TYVK2T2V.js";
import "../chunks/chunk-U73FS3GH.js";
import "../chunks/chunk-3ZPMFXZI.js";
import "../chunks/chunk-H5HDO6CS.js";
import "../chunks/chunk-7XCPHYBP.js";
import "../chunks/chunk-IVEDCC66.js";
import "../chunks/chunk-JKXZ7UUB.js";
import "../chunks/chunk-CCZROEOA.js";
import "../chunks/chunk-7NLYG22G.js";
import "../chunks/chunk-C2SNXGYQ.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-BKX22EMA.js";
import "../chunks/chunk-REA6EMCE.js";
import "../chunks/chunk-2BWFZXJO.js";
import "../chunks/chunk-6NYQBZND.js";
import "../chunks/chunk-EZNW2EO3.js";
import "../chunks/chunk-6DLVQG5F.js";
import "../chunks/chunk-EJRXWDVW.js";
import {
  openWorkspace
} from "../chunks/chunk-IFQWKWHI.js";
import "../chunks/chunk-E6R2VPCC.js";
import "../chunks/chunk-RQB7ZENY.js";
import "../chunks/chunk-AWCHZ6SK.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-M65JNBWF.js";
import "../chunks/chunk-PPKR4CHL.js";
import "../chunks/chunk-CET7KO5S.js";
import "../chunks/chunk-QOWBSAJO.js";
import {
  actionIo,
  boolInput,
  runAction
} from "../chunks/chunk-IUVAUNZX.js";
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
