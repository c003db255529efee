import { createRequire } from 'node:module';
import { b as runMonitorWithRollback, a as renderText } from './chunk-VZA3NT3X--wGmD8N5.js';
import { p as parseTimestamp } from './chunk-MQCGLXLB-CbrzXGu1.js';
import { r as resolveContext, w as writeJobSummary } from './chunk-BJUODENM-D7tbkoXJ.js';
import { g as parseArgs, s as str, t as toJson, w as writeFileAtomic } from './hot-validate-plan-audit-verify-DglurztO.js';
import { o as openWorkspace } from './hot-plan-YWGJn6IT.js';
import { U as UserError, f as EXIT_FAILED, E as EXIT_OK } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { resolve } from 'node:path';

const require$1 = createRequire(import.meta.url);
var command = {
  name: "monitor",
  summary: "production drift and performance against what the running version was evaluated on; a record in git",
  usage: `Usage: modelgate monitor MODEL --logs PATH\u2026 [--labels PATH\u2026] [--env ENV] [--since T] [--until T]
                        [--retrain] [--rollback [--actor LOGIN] [--run-id ID] [--facts FILE]]
                        [--repo OWNER/NAME] [--report FILE] [--dry-run] [--json]

What production received in a window, against the reference the version that served it was evaluated on (the
evaluation Dataset's profile), with the tests Evidently chooses by reference size and cardinality: KS, chi-square
or z-test (p-values, Holm-corrected across columns) up to 1,000 reference rows, normed Wasserstein or
Jensen-Shannon distance above; "not enough rows" below spec.monitoring.minRows. Performance: realized on the rows
whose label has arrived (the evaluation's own metrics, intervals and slices), estimated by CBPE from the scores
until then. The gates of the Model manifest's monitoring: section (read from this checkout, the default branch)
decide the alerts. Which version served each row is read from the GitOps history (as \`audit --at\`); rows whose
logs carry no prediction are scored with that version's model. The monitoring record is committed, content-
addressed, to records/MODEL/monitoring/ on the GitOps branch, with trailers; a re-run of a window commits nothing.

Logs (files or folders; repeat the flag or list several paths after it):
  tables   CSV, JSONL or Parquet with a timestamp column (RFC 3339 with a zone, or epoch seconds), the model's
           features and the Dataset's id, slice and (optional) label columns; optional prediction (the positive
           class's score, or the value), latency_ms and error columns
  KServe   CloudEvents as JSON lines (org.kubeflow.serving.inference.request / .response, joined by id), v2
           bodies (inputs[] / outputs[]; request parameters naming Dataset columns, such as the id, are read) or
           v1 (instances / predictions)
Labels: tables of the Dataset's id column (or id) and its label column (or label).

Options:
  --env ENV          the environment (default: spec.monitoring.environment, else production)
  --since T          the window's start (RFC 3339, a date, or epoch seconds; default: --until minus
                     spec.monitoring.window)
  --until T          the window's end, exclusive (default: now)
  --retrain          on an alert, push a branch that moves the training Dataset to the window's labelled rows
                     (and open its pull request when GitHub is there)
  --rollback         on an alert, propose a promotion pull request back to the version the environment ran before
                     (release's pull-request mode, action rollback; merged by a person). As every release, it needs
                     a releaser and the environment's approval: the approved run (--run-id, in Actions the job's run
                     in environment: ENV) or, outside Actions, a facts file; without it nothing is proposed
  --actor LOGIN      the releaser of the rollback outside Actions (as modelgate release --actor)
  --run-id ID        the workflow run whose environment approval the rollback carries
  --facts FILE       decide the rollback from a file of the facts GitHub would return (as modelgate release --facts)
  --repo OWNER/NAME  use GitHub (GITHUB_TOKEN) for the pull requests outside Actions
  --report FILE      also write the Markdown summary there (with the retraining pull request's text when one was
                     proposed)
  --dry-run          judge the window and print the record; commit and open nothing
  --json             the result as JSON: {model, version, environment, window, drift, performance, alerts, \u2026}
  -h, --help         this text

Exit codes: 0 no alert (or not enough rows to judge); 1 an alert (a drifted column, a failed gate), or a refused
push; 2 usage error or unreadable logs; 70 internal error (a bug in modelgate; please report it).
`,
  async run(args, io) {
    const { values, positionals } = parseArgs("monitor", spreadLists(args, ["logs", "labels"]), {
      logs: { type: "string", multiple: true },
      labels: { type: "string", multiple: true },
      env: { type: "string" },
      since: { type: "string" },
      until: { type: "string" },
      retrain: { type: "boolean" },
      rollback: { type: "boolean" },
      repo: { type: "string" },
      actor: { type: "string" },
      "run-id": { type: "string" },
      facts: { type: "string" },
      report: { type: "string" },
      "dry-run": { type: "boolean" }
    });
    if (positionals.length !== 1)
      throw new UserError(
        positionals.length === 0 ? "name the model: modelgate monitor MODEL --logs PATH\u2026" : `monitor takes one model, got ${positionals.join(" ")}`
      );
    const logs = values.logs ?? [];
    if (logs.length === 0) throw new UserError("--logs PATH\u2026: give the logs to monitor (files or folders)");
    const github = str(values.repo) || io.env.GITHUB_ACTIONS === "true" ? resolveContext(io.env, { repo: str(values.repo) }) : void 0;
    const release = {
      ...str(values.actor) ? { actor: str(values.actor) } : {},
      ...str(values["run-id"]) ? { runId: str(values["run-id"]) } : {},
      ...str(values.facts) ? { facts: str(values.facts) } : {},
      ...str(values.repo) ? { repo: str(values.repo) } : {}
    };
    const result = await runMonitorWithRollback(openWorkspace(io), {
      model: positionals[0],
      logs,
      labels: values.labels ?? [],
      environment: str(values.env),
      since: time("--since", str(values.since)),
      until: time("--until", str(values.until)),
      retrain: Boolean(values.retrain),
      rollback: Boolean(values.rollback),
      dryRun: Boolean(values["dry-run"]),
      release,
      ...github ? { github } : {},
      log: (l) => io.err(`${l}
`)
    });
    if (values.json) io.out(toJson(jsonOutput(result)));
    else io.out(describe(result));
    if (github) writeJobSummary(result.plan.summary, io.env);
    const report = str(values.report);
    if (report) {
      const retrain = result.retrain?.body ? `

---

## The retraining pull request

${result.retrain.body}
` : "";
      await writeFileAtomic(resolve(io.cwd, report), `${result.plan.summary}${retrain}`);
    }
    return result.plan.record.verdict === "alert" ? EXIT_FAILED : EXIT_OK;
  }
};
function spreadLists(args, flags) {
  const out = [];
  let list;
  let first = false;
  for (const a of args) {
    if (a.startsWith("-")) {
      list = flags.find((f) => a === `--${f}`);
      first = list !== void 0;
      out.push(a);
    } else if (list && !first) out.push(`--${list}`, a);
    else {
      out.push(a);
      first = false;
    }
  }
  return out;
}
function time(flag, text) {
  if (text === void 0) return void 0;
  const t = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : parseTimestamp(text);
  if (!Number.isFinite(t))
    throw new UserError(
      `${flag} ${text}: not a time; give RFC 3339 with a zone (2024-05-01T00:00:00Z), a date, or epoch seconds`
    );
  return t;
}
function jsonOutput(r) {
  return {
    ...r.plan.output,
    ...r.commit ? { commit: r.commit } : {},
    ...r.issue ? { issue: r.issue } : {},
    ...r.retrain ? { retrain: { ...r.retrain, body: void 0 } } : {},
    ...r.rollback ? { rollback: rollbackJson(r.rollback) } : {},
    dryRun: r.dryRun
  };
}
function describe(r) {
  const lines = [renderText(r.plan.record, { path: r.plan.path, ...r.commit ? { commit: r.commit } : {} })];
  if (r.dryRun) lines.push("dry run: nothing was committed or opened\n");
  else if (!r.commit) lines.push("the GitOps branch already holds this record: nothing to commit\n");
  if (r.issue && r.issue.action !== "none") lines.push(`issue #${r.issue.number} ${r.issue.action}: ${r.issue.url}
`);
  const t = r.retrain;
  if (t?.skipped) lines.push(`retrain: not proposed: ${t.skipped}
`);
  else if (t)
    lines.push(
      `retrain: branch ${t.branch} moves the training data to ${t.data} (${t.rows} labelled rows)${t.evaluation ? ` and the evaluation data to ${t.evaluation.data} (the newest ${t.evaluation.rows})` : ""}${t.pullRequest ? `: pull request #${t.pullRequest.number} ${t.pullRequest.url}` : ""}
`
    );
  const b = r.rollback;
  if (b?.skipped) lines.push(`rollback: not proposed: ${b.skipped}
`);
  else if (b?.refused) lines.push(`rollback: not proposed: ${b.refused}
`);
  else if (b?.release) lines.push(`rollback: ${b.release.summary}
`);
  else if (!b && r.rollbackRequested)
    lines.push(
      "rollback: asked for (spec.monitoring.onAlert); the workflow's rollback job proposes it once the environment's reviewers approve\n"
    );
  return lines.join("");
}
function rollbackJson(b) {
  const { release, ...rest } = b;
  if (!release) return rest;
  const { outcome, branch, commit, stageTag, recordDigest, pullRequest, summary } = release;
  return { ...rest, outcome, branch, commit, stageTag, recordDigest, pullRequest, summary };
}

export { command as c, spreadLists as s };
