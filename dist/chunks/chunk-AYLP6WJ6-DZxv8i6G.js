import { createRequire } from 'node:module';
import { p as planRepository } from './chunk-I6IAFJEN-DqW9aMdn.js';
import { g as parseArgs, s as str, t as toJson } from './hot-validate-audit-verify-C-_o6MJ0.js';
import { o as openWorkspace } from './chunk-TNV3NBNK-BYNCmJpd.js';

const require$1 = createRequire(import.meta.url);

// src/commands/plan.ts
var command = {
  name: "plan",
  summary: "the models a git diff touches, as a matrix for CI",
  usage: `Usage: modelgate plan [--base REF] [--head REF] [--json]

Lists the models that the commits between BASE and HEAD touch, so that CI validates, trains and evaluates only
those. Compares as GitHub compares a pull request: from the merge base of BASE and HEAD to HEAD (committed changes;
the manifests are read from HEAD's tree, not the working folder). A changed path puts in the plan:
  models/<name>/\u2026                 that model (manifest, artifact, model card, anything in its folder)
  the artifact, training output or spec.training.workdir of a model, wherever they are
  a Dataset manifest or its data file
                                  every model that trains or evaluates on that dataset
  modelgate.yaml                  every model
A model whose manifest is removed is reported as deleted; a model folder moved to another name as renamed; a
model whose manifest sets spec.evaluation.shards: N (N > 1) as sharded (the pull request workflow evaluates it in
N jobs and merges them with \`modelgate evaluate merge\`); without shards, a model whose evaluation dataset's locked
row count (spec.rows) exceeds spec.evaluation.shardRows (default 2,000,000) is sharded into ceil(rows / shardRows)
jobs.

Options:
  --base REF    default: the default branch (origin/$GITHUB_BASE_REF in a pull request, else origin's HEAD,
                main or master)
  --head REF    default: HEAD
  --json        {"models": [...], "reasons": {model: [paths]}, "deleted": [...], "renamed": [{from, to}],
                "shards": {model: N}, "autoShards": {model: {dataset, rows, shardRows}}, ...}
  -h, --help    this text

Exit codes: 0 planned (also when no model is touched), 2 usage error, not a git repository, or no merge base
(a shallow clone: fetch the history).
`,
  async run(args, io) {
    const { values } = parseArgs("plan", args, { base: { type: "string" }, head: { type: "string" } }, false);
    const plan = await planRepository(openWorkspace(io), { base: str(values.base), head: str(values.head) });
    io.out(values.json ? toJson(plan) : formatPlan(plan));
    return 0;
  }
};
function shown(s) {
  return /^[\w.@+=,/-][\w.@+=, /-]*$/.test(s) && !s.endsWith(" ") ? s : JSON.stringify(s);
}
function formatPlan(plan) {
  const lines = [
    `plan: ${plan.models.length} model${plan.models.length === 1 ? "" : "s"} touched by ${plan.changed} changed path${plan.changed === 1 ? "" : "s"} (${plan.base.slice(0, 7)}, the merge base with ${shown(plan.baseRef)}, to ${plan.head.slice(0, 7)})`
  ];
  const width = Math.max(0, ...plan.models.map((m) => shown(m).length));
  for (const m of plan.models) {
    const [first, ...rest] = plan.reasons[m];
    lines.push(`  ${shown(m).padEnd(width)}  ${shown(first)}`);
    for (const p of rest) lines.push(`  ${" ".repeat(width)}  ${shown(p)}`);
  }
  for (const r of plan.renamed) lines.push(`renamed: ${shown(r.from)} \u2192 ${shown(r.to)}`);
  for (const d of plan.deleted) lines.push(`deleted: ${shown(d)} (its manifest is removed; nothing to evaluate)`);
  for (const [m, n] of Object.entries(plan.shards ?? {})) {
    const auto = plan.autoShards?.[m];
    const why = auto ? `${shown(auto.dataset)} has ${auto.rows.toLocaleString("en-US")} rows, above spec.evaluation.shardRows ${auto.shardRows.toLocaleString("en-US")}` : "spec.evaluation.shards";
    lines.push(`sharded: ${shown(m)} is evaluated in ${n} jobs (${why}), then merged`);
  }
  return `${lines.join("\n")}
`;
}

export { command as c, formatPlan as f, shown as s };
