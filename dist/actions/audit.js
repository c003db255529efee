import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  readTrustPolicy
} from "../chunks/chunk-KTZWTKVK.js";
import "../chunks/chunk-YOBALZSW.js";
import {
  runAudit
} from "../chunks/chunk-FDJDL6UK.js";
import "../chunks/chunk-NBE4FVDL.js";
import "../chunks/chunk-VWVBXSYG.js";
import {
  renderTimeline,
  renderVerification
} from "../chunks/chunk-YN67MKMD.js";
import "../chunks/chunk-DNC5GW5B.js";
import "../chunks/chunk-4BLITTKA.js";
import "../chunks/chunk-NKXRGQC5.js";
import {
  writeJobSummary
} from "../chunks/chunk-BJUODENM.js";
import "../chunks/chunk-6LQ44VET.js";
import "../chunks/chunk-NP3OSGPT.js";
import "../chunks/chunk-ES2OW2N4.js";
import "../chunks/chunk-XKBXOX3L.js";
import "../chunks/chunk-TYVK2T2V.js";
import "../chunks/chunk-U73FS3GH.js";
import "../chunks/chunk-FKCR242C.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-S43IQFRZ.js";
import "../chunks/chunk-YZUBQ7DK.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-AVCTVMN2.js";
import "../chunks/chunk-NI36P5E6.js";
import "../chunks/chunk-A6WGSW5D.js";
import {
  actionIo,
  boolInput,
  listInput,
  runAction
} from "../chunks/chunk-GQCH3TPH.js";
import {
  error,
  getInput,
  group,
  setOutput
} from "../chunks/chunk-U2N6PYQM.js";
import "../chunks/chunk-4AOTTLI5.js";
import "../chunks/chunk-VPZGVLTG.js";
import "../chunks/chunk-CCN2QAD7.js";

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
  const trustFile = getInput("trust");
  const trust = trustFile ? readTrustPolicy(resolve(cwd, trustFile)) : void 0;
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
      ...trust ? { trust } : {},
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
