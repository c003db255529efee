// actions/audit: audit verify, the timeline to the job summary, and the evidence folder (for upload-artifact).
// What it prints comes from records, tags and commits: actionIo keeps it from running as a workflow command.
import { join, resolve } from "node:path";
import * as core from "@actions/core";
import { readTrustPolicy } from "../attest/trust.ts";
import { runAudit } from "../audit/run.ts";
import { renderTimeline, renderVerification } from "../audit/render.ts";
import { writeJobSummary } from "../github/index.ts";
import { actionIo, boolInput, listInput, runAction } from "./_runtime.ts";

await runAction("audit", async () => {
  const io = actionIo();
  const cwd = resolve(io.cwd, core.getInput("working-directory") || ".");
  const evidence = resolve(
    cwd,
    core.getInput("evidence") || join(io.env.RUNNER_TEMP || cwd, "modelgate-audit-evidence"),
  );
  const registry = boolInput("registry", false);
  const trustFile = core.getInput("trust");
  const trust = trustFile ? readTrustPolicy(resolve(cwd, trustFile)) : undefined;
  const out = await core.group("modelgate audit: the history of every model, from git", () =>
    runAudit({
      cwd,
      ref: core.getInput("ref") || undefined,
      models: listInput("models"),
      timeline: true,
      verify: true,
      evidenceDir: evidence,
      command: "modelgate audit (actions/audit)",
      ...(trust ? { trust } : {}),
      registry: registry
        ? { env: io.env, layout: resolve(cwd, ".modelgate/images"), log: (l) => io.out(`${l}\n`) }
        : undefined,
    }),
  );
  writeJobSummary(renderTimeline(out.report), io.env);
  const v = out.report.verification;
  io.out(renderVerification(out.report));
  io.out(`evidence: ${out.evidence?.files.length ?? 0} files in ${evidence}\n`);
  core.setOutput("ok", v?.ok ?? false);
  core.setOutput("findings", v?.findings.length ?? 0);
  core.setOutput("evidence", evidence);
  core.setOutput("report", join(evidence, "timeline.json"));
  if (v && !v.ok) {
    core.error(
      `audit verify: ${v.findings.length} finding${v.findings.length === 1 ? "" : "s"} — the history has gaps; each is listed in the log, the job summary and ${join(evidence, "verification.md")}`,
    );
    return 1;
  }
  return 0;
});
