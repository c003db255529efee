import { createRequire } from 'node:module';
import { r as readTrustPolicy } from '../chunks/chunk-KTZWTKVK-Dcf3S3c6.js';
import '../chunks/chunk-YOBALZSW-B141agpR.js';
import { N as runAudit, b as renderTimeline, e as renderVerification } from '../chunks/hot-audit-verify-DZYJh8zf.js';
import '../chunks/chunk-NKXRGQC5-h4gDLlTY.js';
import { w as writeJobSummary } from '../chunks/chunk-BJUODENM-D7tbkoXJ.js';
import '../chunks/hot-help-validate-plan-audit-verify-CiDATK95.js';
import '../chunks/hot-plan-YWGJn6IT.js';
import '../chunks/chunk-DFUR2YEO-CrRpRbga.js';
import '../chunks/hot-validate-plan-audit-verify-DglurztO.js';
import { r as runAction, a as actionIo, b as boolInput, l as listInput } from '../chunks/chunk-GQCH3TPH-DiKVRF7d.js';
import { g as getInput, a as group, b as setOutput, e as error } from '../chunks/chunk-U2N6PYQM-Bne4_qtb.js';
import { resolve, join } from 'node:path';
import 'node:crypto';
import 'node:fs';
import 'node:child_process';
import 'node:os';
import 'node:worker_threads';
import '../chunks/hot-validate-plan-DjS3M9MR.js';
import '../chunks/hot-validate-plan-verify-C9JqfCVv.js';
import 'node:timers/promises';
import 'node:util';
import 'node:fs/promises';
import 'os';
import 'crypto';
import 'fs';
import 'http';
import 'https';

const require$1 = createRequire(import.meta.url);
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
