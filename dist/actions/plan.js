import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  formatPlan,
  shown
} from "../chunks/chunk-AYLP6WJ6.js";
import {
  planRepository,
  shardJobs
} from "../chunks/chunk-I6IAFJEN.js";
import "../chunks/chunk-YOVF47IZ.js";
import "../chunks/chunk-NKXRGQC5.js";
import {
  writeJobSummary
} from "../chunks/chunk-BJUODENM.js";
import {
  escapeMd
} from "../chunks/chunk-U73FS3GH.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-2BWFZXJO.js";
import "../chunks/chunk-EJRXWDVW.js";
import {
  toJson,
  writeFileAtomic
} from "../chunks/chunk-RQB7ZENY.js";
import {
  openWorkspace
} from "../chunks/chunk-TNV3NBNK.js";
import "../chunks/chunk-DQHGHTZX.js";
import "../chunks/chunk-2E6TZQRV.js";
import "../chunks/chunk-LYRQXBMV.js";
import "../chunks/chunk-YR32LSL5.js";
import "../chunks/chunk-KMZ2SU7I.js";
import "../chunks/chunk-XPVOVGWT.js";
import "../chunks/chunk-UPGHJSZ6.js";
import "../chunks/chunk-S43IQFRZ.js";
import "../chunks/chunk-YZUBQ7DK.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-AVCTVMN2.js";
import "../chunks/chunk-NI36P5E6.js";
import "../chunks/chunk-A6WGSW5D.js";
import {
  actionIo,
  runAction
} from "../chunks/chunk-GQCH3TPH.js";
import {
  getInput,
  group,
  notice,
  setOutput
} from "../chunks/chunk-U2N6PYQM.js";
import "../chunks/chunk-4AOTTLI5.js";
import "../chunks/chunk-VPZGVLTG.js";
import "../chunks/chunk-CCN2QAD7.js";

// src/actions/plan.ts
import { relative, resolve } from "node:path";
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
