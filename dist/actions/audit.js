import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  renderTimeline,
  renderVerification,
  runAudit,
  writeEvidence
} from "../chunks/chunk-L2IMBNYN.js";
import "../chunks/chunk-V6WJELDO.js";
import "../chunks/chunk-EKUXUDFH.js";
import "../chunks/chunk-XIVYAOOT.js";
import "../chunks/chunk-U73FS3GH.js";
import {
  writeJobSummary
} from "../chunks/chunk-BQKVR4UH.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-7Q46JTV7.js";
import "../chunks/chunk-RQB7ZENY.js";
import "../chunks/chunk-WARMS5WM.js";
import {
  actionIo,
  boolInput,
  listInput,
  runAction
} from "../chunks/chunk-OPQOOSZP.js";
import {
  error,
  getInput,
  group,
  setOutput
} from "../chunks/chunk-4MS45GGA.js";
import "../chunks/chunk-4AOTTLI5.js";
import "../chunks/chunk-7SHYJVU3.js";
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
      evidence: true,
      registry: registry ? { env: io.env, layout: resolve(cwd, ".modelgate/images"), log: (l) => io.out(`${l}
`) } : void 0
    })
  );
  const files = writeEvidence(evidence, {
    report: out.report,
    snap: out.snap,
    copies: out.copies ?? [],
    config: out.snap.configBytes,
    command: "modelgate audit (actions/audit)"
  });
  writeJobSummary(renderTimeline(out.report), io.env);
  const v = out.report.verification;
  io.out(renderVerification(out.report));
  io.out(`evidence: ${files.length} files in ${evidence}
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
