import { createRequire } from 'node:module';
import { p as planRepository, o as openWorkspace, f as formatPlan, s as shardJobs, a as shown } from '../chunks/hot-plan-YWGJn6IT.js';
import '../chunks/hot-validate-plan-DjS3M9MR.js';
import '../chunks/chunk-NKXRGQC5-h4gDLlTY.js';
import { w as writeJobSummary } from '../chunks/chunk-BJUODENM-D7tbkoXJ.js';
import { f as escapeMd } from '../chunks/hot-audit-verify-DZYJh8zf.js';
import '../chunks/hot-help-validate-plan-audit-verify-CiDATK95.js';
import { w as writeFileAtomic, t as toJson } from '../chunks/hot-validate-plan-audit-verify-DglurztO.js';
import '../chunks/hot-validate-plan-verify-C9JqfCVv.js';
import '../chunks/chunk-DFUR2YEO-CrRpRbga.js';
import { r as runAction, a as actionIo } from '../chunks/chunk-GQCH3TPH-DiKVRF7d.js';
import { g as getInput, a as group, b as setOutput, n as notice } from '../chunks/chunk-U2N6PYQM-Bne4_qtb.js';
import { resolve, relative } from 'node:path';
import 'node:fs';
import 'node:child_process';
import 'node:crypto';
import 'node:os';
import 'node:worker_threads';
import 'node:util';
import 'node:fs/promises';
import 'node:timers/promises';
import 'os';
import 'crypto';
import 'fs';
import 'http';
import 'https';

const require$1 = createRequire(import.meta.url);
function planMarkdown(plan) {
  const lines = [
    "### modelgate plan",
    "",
    `${plan.models.length} model${plan.models.length === 1 ? "" : "s"} touched by ${plan.changed} changed path${plan.changed === 1 ? "" : "s"} (from \`${plan.base.slice(0, 7)}\`, the merge base with ${escapeMd(plan.baseRef)}, to \`${plan.head.slice(0, 7)}\`).`
  ];
  if (plan.models.length) {
    lines.push("", "| model | changed paths |", "|---|---|");
    for (const m of plan.models) {
      const paths = plan.reasons[m];
      const listed = paths.slice(0, 10).map(escapeMd).join("<br>");
      lines.push(`| ${escapeMd(m)} | ${listed}${paths.length > 10 ? `<br>\u2026 and ${paths.length - 10} more` : ""} |`);
    }
  }
  for (const r of plan.renamed) lines.push("", `Renamed: ${escapeMd(r.from)} \u2192 ${escapeMd(r.to)}`);
  if (plan.deleted.length) lines.push("", `Deleted: ${plan.deleted.map(escapeMd).join(", ")}`);
  return `${lines.join("\n")}
`;
}
await runAction("plan", async () => {
  const io = actionIo();
  const cwd = resolve(io.cwd, getInput("working-directory") || ".");
  const plan = await group(
    "modelgate plan",
    () => planRepository(openWorkspace(io, { cwd }), {
      base: getInput("base") || void 0,
      head: getInput("head") || void 0
    })
  );
  io.out(formatPlan(plan));
  writeJobSummary(planMarkdown(plan), io.env);
  const out = getInput("out");
  if (out) await writeFileAtomic(resolve(io.cwd, out), toJson(plan));
  setOutput("models", JSON.stringify(plan.models));
  setOutput("any", plan.models.length > 0);
  const whole = plan.models.filter((m) => !(m in plan.shards));
  setOutput("whole", JSON.stringify(whole));
  setOutput("any-whole", whole.length > 0);
  setOutput("sharded", JSON.stringify(Object.keys(plan.shards).sort()));
  setOutput("any-sharded", Object.keys(plan.shards).length > 0);
  setOutput("shards", JSON.stringify(shardJobs(plan.shards)));
  setOutput("reasons", JSON.stringify(plan.reasons));
  setOutput("deleted", JSON.stringify(plan.deleted));
  setOutput("renamed", JSON.stringify(plan.renamed));
  setOutput("paths", plan.folders.map((f) => relative(cwd, resolve(plan.root, f)) || ".").join("\n"));
  setOutput("base", plan.base);
  setOutput("head", plan.head);
  if (plan.deleted.length) notice(`deleted models (nothing to evaluate): ${plan.deleted.map(shown).join(", ")}`);
});
