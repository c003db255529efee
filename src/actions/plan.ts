import { relative, resolve } from "node:path";
import * as core from "@actions/core";
import { formatPlan, shown } from "../commands/plan.ts";
import { writeJobSummary } from "../github/index.ts";
import { type Plan, planRepository, shardJobs } from "../plan/run.ts";
import { escapeMd } from "../report/escape.ts";
import { toJson, writeFileAtomic } from "../util/fs.ts";
import { openWorkspace } from "../workspace/workspace.ts";
import { actionIo, runAction } from "./_runtime.ts";

/** The plan as Markdown for the job summary: every name and path escaped (they come from the pull request). */
function planMarkdown(plan: Plan): string {
  const lines = [
    "### modelgate plan",
    "",
    `${plan.models.length} model${plan.models.length === 1 ? "" : "s"} touched by ${plan.changed} changed path${plan.changed === 1 ? "" : "s"} (from \`${plan.base.slice(0, 7)}\`, the merge base with ${escapeMd(plan.baseRef)}, to \`${plan.head.slice(0, 7)}\`).`,
  ];
  if (plan.models.length) {
    lines.push("", "| model | changed paths |", "|---|---|");
    for (const m of plan.models) {
      const paths = plan.reasons[m];
      const listed = paths.slice(0, 10).map(escapeMd).join("<br>");
      lines.push(`| ${escapeMd(m)} | ${listed}${paths.length > 10 ? `<br>… and ${paths.length - 10} more` : ""} |`);
    }
  }
  for (const r of plan.renamed) lines.push("", `Renamed: ${escapeMd(r.from)} → ${escapeMd(r.to)}`);
  if (plan.deleted.length) lines.push("", `Deleted: ${plan.deleted.map(escapeMd).join(", ")}`);
  return `${lines.join("\n")}\n`;
}

await runAction("plan", async () => {
  const io = actionIo();
  const cwd = resolve(io.cwd, core.getInput("working-directory") || ".");
  const plan = await core.group("modelgate plan", () =>
    planRepository(openWorkspace(io, { cwd }), {
      base: core.getInput("base") || undefined,
      head: core.getInput("head") || undefined,
    }),
  );
  // Names and paths come from the pull request: formatPlan quotes any that is not plain, and the action's Io
  // neutralises workflow commands in whatever it prints.
  io.out(formatPlan(plan));
  writeJobSummary(planMarkdown(plan), io.env);
  const out = core.getInput("out");
  if (out) await writeFileAtomic(resolve(io.cwd, out), toJson(plan));
  core.setOutput("models", JSON.stringify(plan.models));
  core.setOutput("any", plan.models.length > 0);
  // the pull request workflow evaluates the `whole` models one job each, and each sharded one in a job per shard
  const whole = plan.models.filter((m) => !(m in plan.shards));
  core.setOutput("whole", JSON.stringify(whole));
  core.setOutput("any-whole", whole.length > 0);
  core.setOutput("sharded", JSON.stringify(Object.keys(plan.shards).sort()));
  core.setOutput("any-sharded", Object.keys(plan.shards).length > 0);
  core.setOutput("shards", JSON.stringify(shardJobs(plan.shards)));
  core.setOutput("reasons", JSON.stringify(plan.reasons));
  core.setOutput("deleted", JSON.stringify(plan.deleted));
  core.setOutput("renamed", JSON.stringify(plan.renamed));
  core.setOutput("paths", plan.folders.map((f) => relative(cwd, resolve(plan.root, f)) || ".").join("\n"));
  core.setOutput("base", plan.base);
  core.setOutput("head", plan.head);
  if (plan.deleted.length) core.notice(`deleted models (nothing to evaluate): ${plan.deleted.map(shown).join(", ")}`);
});
