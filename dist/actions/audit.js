import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  renderTimeline,
  renderVerification,
  runAudit
} from "../chunks/chunk-AIWF42K2.js";
import "../chunks/chunk-BJFHTU3R.js";
import "../chunks/chunk-GBOQY7F6.js";
import "../chunks/chunk-REJUCCMN.js";
import "../chunks/chunk-2GAGZ6MB.js";
import "../chunks/chunk-U73FS3GH.js";
import {
  writeJobSummary
} from "../chunks/chunk-YA4536HC.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-RQB7ZENY.js";
import "../chunks/chunk-K2PEDVU3.js";
import "../chunks/chunk-E5SOOXKQ.js";
import "../chunks/chunk-QOWBSAJO.js";
import {
  actionIo,
  boolInput,
  listInput,
  runAction
} from "../chunks/chunk-5J2J5X2B.js";
import {
  error,
  getInput,
  group,
  setOutput
} from "../chunks/chunk-4MS45GGA.js";
import "../chunks/chunk-4AOTTLI5.js";
import "../chunks/chunk-H5EPG2ZH.js";
import "../chunks/chunk-ZGDBGMMU.js";

// src/actions/audit.ts
import { join, resolve } from "node:path";
await runAction("audit", async () => {
  const io = actionIo();
  const cwd = resolve(io.cwd, getInput("working-directory") || ".");
  const evidence = resolve(
    cwd,
    getInput("evidence") || join(io.env.RUNNER_TEMP || cwd, "modelgate-audit-evidence")
  );
  const registry = boolInput("registry", false);
  const out = await group(
    "modelgate audit: the history of every model, from git",
    () => runAudit({
      cwd,
      ref: getInput("ref") || void 0,
      models: listInput("models"),
      timeline: true,
      verify: true,
      evidenceDir: evidence,
      command: "modelgate audit (actions/audit)",
      registry: registry ? { env: io.env, layout: resolve(cwd, ".modelgate/images"), log: (l) => io.out(`${l}
`) } : void 0
    })
  );
  writeJobSummary(renderTimeline(out.report), io.env);
  const v = out.report.verification;
  io.out(renderVerification(out.report));
  io.out(`evidence: ${out.evidence?.files.length ?? 0} files in ${evidence}
`);
  setOutput("ok", v?.ok ?? false);
  setOutput("findings", v?.findings.length ?? 0);
  setOutput("evidence", evidence);
  setOutput("report", join(evidence, "timeline.json"));
  if (v && !v.ok) {
    error(
      `audit verify: ${v.findings.length} finding${v.findings.length === 1 ? "" : "s"} \u2014 the history has gaps; each is listed in the log, the job summary and ${join(evidence, "verification.md")}`
    );
    return 1;
  }
  return 0;
});
