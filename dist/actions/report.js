import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  formatReportResult,
  reportExitCode,
  runReport
} from "../chunks/chunk-A433V6ZY.js";
import "../chunks/chunk-CU6ODRXF.js";
import "../chunks/chunk-LDAYPA3N.js";
import "../chunks/chunk-CCZROEOA.js";
import "../chunks/chunk-4LUOGSUL.js";
import "../chunks/chunk-4LXO5ZR3.js";
import "../chunks/chunk-IUBWPBI5.js";
import {
  parseModelList
} from "../chunks/chunk-HHQQWPH4.js";
import "../chunks/chunk-ECKY5JUV.js";
import "../chunks/chunk-XIVYAOOT.js";
import "../chunks/chunk-2BJAIYUF.js";
import "../chunks/chunk-E3IMRBGU.js";
import "../chunks/chunk-GJCN4XM6.js";
import "../chunks/chunk-UJGMECAW.js";
import "../chunks/chunk-APYTJLRR.js";
import "../chunks/chunk-4C7CTABB.js";
import "../chunks/chunk-SNVQYJ2T.js";
import "../chunks/chunk-AJFWQFH3.js";
import "../chunks/chunk-U73FS3GH.js";
import "../chunks/chunk-BQKVR4UH.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-NJ3H4BEK.js";
import "../chunks/chunk-ZY5OX6SA.js";
import "../chunks/chunk-QOWBSAJO.js";
import "../chunks/chunk-7Q46JTV7.js";
import "../chunks/chunk-RQB7ZENY.js";
import "../chunks/chunk-WARMS5WM.js";
import {
  actionIo,
  boolInput,
  runAction
} from "../chunks/chunk-OPQOOSZP.js";
import {
  error,
  getInput,
  group,
  setOutput,
  setSecret
} from "../chunks/chunk-4MS45GGA.js";
import "../chunks/chunk-4AOTTLI5.js";
import "../chunks/chunk-7SHYJVU3.js";
import "../chunks/chunk-ZGDBGMMU.js";

// src/actions/report.ts
import { join, resolve } from "node:path";
await runAction("report", async () => {
  const io = actionIo();
  const token = getInput("token");
  if (token) setSecret(token);
  const cwd = resolve(io.cwd, getInput("working-directory") || ".");
  const out = join(io.env.RUNNER_TEMP || cwd, "modelgate-report.md");
  const result = await group(
    "modelgate report",
    () => runReport({
      cwd,
      env: io.env,
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
