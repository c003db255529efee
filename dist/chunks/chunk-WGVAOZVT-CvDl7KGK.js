import { createRequire } from 'node:module';
import { b as buildReport, p as postReport, r as renderReport, d as artifactModels } from './chunk-MU3JUADA-7VI_UIJ_.js';
import { p as pullRequestRuleChanges, b as rulesOfCheckout, i as reportRuleNotice } from './chunk-GLGUTLI5-Jm6A3CVq.js';
import { C as CARD_FILE, w as writeModelCard } from './chunk-N3AID6DX-dQPS-OfG.js';
import { u as uncommittedModelNote, b as evaluateCandidate } from './chunk-4XQEDHKK-BxXLCzAZ.js';
import { i as inGitHubActions, U as UserError, o as bufferIo, C as CheckFailed, f as EXIT_FAILED, E as EXIT_OK } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { g as getPullRequest, r as findPullRequestByHead, i as isFromFork } from './chunk-NKXRGQC5-h4gDLlTY.js';
import { w as writeJobSummary, r as resolveContext } from './chunk-BJUODENM-D7tbkoXJ.js';
import { w as writeFileAtomic, g as parseArgs, s as str, t as toJson } from './hot-validate-plan-audit-verify-DglurztO.js';
import { o as openWorkspace } from './hot-plan-YWGJn6IT.js';
import { join, resolve, relative } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';

const require$1 = createRequire(import.meta.url);
async function runReport(ws, opts = {}) {
  const { ctx, pr, sha } = await reportTarget(ws.env, opts);
  const recompute = await recomputeUnless(ws, opts, ctx, pr);
  const built = await buildReport({
    cwd: ws.io.cwd,
    repo: ws.repo,
    models: opts.models,
    recordsDir: opts.records,
    fromArtifact: opts.fromArtifact,
    validation: opts.validate === false ? false : void 0,
    skipData: opts.skipData,
    recompute,
    ...ctx?.pr ? { pr: { number: ctx.pr, url: `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/pull/${ctx.pr}` } } : {}
  });
  const cards = [];
  if (opts.writeCard) {
    for (const [name, input] of built.cards) {
      const dir = built.manifests.get(name).dir;
      cards.push(opts.dryRun ? join(dir, CARD_FILE) : (await writeModelCard(dir, input)).path);
    }
  }
  let published;
  let comment;
  if (ctx) {
    const notices = ctx.pr ? await ruleNotices(ws, ctx, pr) : [];
    published = await postReport(ctx, built, {
      sha,
      comment: opts.comment,
      checkRuns: opts.checkRuns,
      env: ws.env,
      notices
    });
    comment = published.commentBody ?? renderReport(built.models, { refused: built.refused, sha: published.headSha, notices }).markdown;
  } else {
    comment = renderReport(built.models, { refused: built.refused, sha: opts.sha }).markdown;
    if (!opts.dryRun)
      writeJobSummary(renderReport(built.models, { refused: built.refused, unlimited: true }).markdown, ws.env);
  }
  if (opts.out) {
    const path = resolve(ws.io.cwd, opts.out);
    await writeFileAtomic(
      path,
      renderReport(built.models, { refused: built.refused, sha: opts.sha, unlimited: true }).markdown
    );
  }
  return {
    built,
    status: reportStatus(built),
    comment,
    published,
    cards,
    notes: await uncommittedNotes(ws, built, opts)
  };
}
async function uncommittedNotes(ws, built, opts) {
  if (opts.fromArtifact || inGitHubActions(ws.env)) return [];
  const notes = [];
  for (const m of built.manifests.values()) {
    const note = await uncommittedModelNote(ws, m, "this report");
    if (note) notes.push(note);
  }
  return notes;
}
function reportStatus(built) {
  const statuses = built.models.map((m) => m.verdict.status);
  if (statuses.includes("fail") || built.refused.length > 0) return "fail";
  return statuses.includes("warn") ? "warn" : "pass";
}
async function ruleNotices(ws, ctx, known) {
  const pr = known ?? await getPullRequest(ctx);
  const changes = await pullRequestRuleChanges(ctx, pr, rulesOfCheckout(ws.repo));
  if (changes.length === 0) return [];
  const head = await ws.git.revParse("HEAD");
  const notice = reportRuleNotice(changes, head ? `this checkout (${head.slice(0, 7)})` : "this checkout");
  return notice ? [notice] : [];
}
function wantsGitHub(opts, env) {
  if (opts.dryRun) return false;
  return Boolean(opts.repo || opts.pr) || inGitHubActions(env);
}
async function reportTarget(env, opts) {
  if (!wantsGitHub(opts, env)) return { sha: opts.sha };
  const ctx = resolveContext(env, {
    repo: opts.repo,
    pr: opts.pr,
    token: opts.token,
    appSlug: opts.appSlug,
    http: opts.http
  });
  const run = ctx.event?.workflow_run;
  if (ctx.eventName !== "workflow_run" && !run) return { ctx, sha: opts.sha };
  if (!run?.head_sha) throw new UserError("a workflow_run event without workflow_run.head_sha (GITHUB_EVENT_PATH)");
  const pr = await findPullRequestByHead(ctx, {
    sha: run.head_sha,
    repo: run.head_repository?.full_name,
    branch: run.head_branch,
    number: ctx.pr,
    candidates: (run.pull_requests ?? []).map((p) => p.number)
  });
  ctx.pr = pr.number;
  return { ctx, pr, sha: opts.sha ?? run.head_sha };
}
async function recomputeUnless(ws, opts, ctx, known) {
  if (!opts.fromArtifact) return void 0;
  const pr = known ?? (ctx?.pr ? await getPullRequest(ctx) : void 0);
  if (ctx && pr && !isFromFork(ctx, pr)) return void 0;
  const env = { ...ws.env, ...pr ? { GITHUB_BASE_REF: pr.baseRef } : {} };
  return recomputer(ws, resolve(ws.io.cwd, opts.fromArtifact), env);
}
async function recomputer(ws, artifact, env) {
  const files = existsSync(artifact) ? await artifactModels(artifact) : /* @__PURE__ */ new Map();
  return async (m, claimed) => {
    const digest = claimed.record.candidate.sha256;
    const file = files.get(digest);
    if (!file) {
      return {
        error: `the artifact holds no ONNX file with the record's candidate sha256 ${digest.slice(0, 12)}\u2026 (upload the candidate model with the records)`
      };
    }
    try {
      const quiet = openWorkspace(bufferIo(ws.root, env), { repo: ws.repo });
      const record = await evaluateCandidate(quiet, {
        model: m.value.metadata.name,
        candidate: {
          bytes: new Uint8Array(readFileSync(join(artifact, file))),
          source: `artifact:${file}`,
          version: claimed.record.model.version
        }
      });
      return { record, source: `${file} in the artifact` };
    } catch (err) {
      if (err instanceof UserError || err instanceof CheckFailed) return { error: err.message };
      throw err;
    }
  };
}

// src/commands/report.ts
function reportExitCode(r) {
  return r.status === "fail" ? EXIT_FAILED : EXIT_OK;
}
function formatReportResult(r) {
  const icon = { pass: "\u2713", warn: "!", fail: "\u2717" };
  const lines = r.built.models.map((m) => {
    const bad = m.verdict.results.filter((x) => x.status !== "pass");
    return `${icon[m.verdict.status]} ${m.model.metadata.name}: ${m.verdict.status}${bad.length ? ` \u2014 ${bad.map((x) => x.reason).join("; ")}` : ""}`;
  });
  for (const x of r.built.refused) lines.push(`\u2717 refused ${x.file}: ${x.reason}`);
  if (r.published?.comment)
    lines.push(`comment: ${r.published.comment.url} (${r.published.comment.created ? "created" : "updated"})`);
  for (const [name, c] of r.published?.checkRuns ?? []) lines.push(`check run ${name}: ${c.url}`);
  for (const p of r.cards) lines.push(`model card: ${p}`);
  return `${lines.join("\n")}
`;
}
function reportJson(r) {
  return {
    status: r.status,
    models: r.built.models.map((m) => ({
      name: m.model.metadata.name,
      status: m.verdict.status,
      gates: m.verdict.results.map((x) => ({
        gate: x.label,
        status: x.status,
        reason: x.reason,
        ...x.value !== void 0 ? { value: x.value } : {}
      })),
      ...m.checkRunUrl ? { checkRun: m.checkRunUrl } : {}
    })),
    refused: r.built.refused,
    ...r.published?.comment ? { comment: r.published.comment } : {},
    cards: r.cards,
    notes: r.notes
  };
}
var usage = `Usage: modelgate report [MODEL\u2026] [options]

Judges each model's gates on its evaluation record and reports: one sticky PR comment (at most 65,536 characters),
a check run "modelgate / <model>" per model with annotations on the manifest lines of failing gates, the job summary,
and optionally the model card. Without MODEL, every model that has an evaluation record. A named model without a
record fails. Exit 1 when any model fails or any record was refused.

Input:
  --records DIR         evaluation records as \`modelgate evaluate\` writes them (default .modelgate/evaluations)
  --from-artifact DIR   untrusted records from an unprivileged job (fork-safe workflows): schema-checked, size-limited
  --skip-validate       do not run validation (data checks and drift are then left out of the report)
  --skip-data           validate manifests and digests only, without reading data files

GitHub (inside Actions from the environment; outside, with GITHUB_TOKEN and GITHUB_API_URL):
  --repo OWNER/NAME     the repository (default GITHUB_REPOSITORY)
  --pr N                the pull request to comment on
  --sha SHA             the commit for the check runs (default the pull request's head)
  --app-slug SLUG       the GitHub App that issued the token (an installation token other than GITHUB_TOKEN):
                        the sticky comment is the one <SLUG>[bot] wrote; modelgate edits no other comment
  --no-comment          no PR comment
  --no-checks           no check runs
  --dry-run             print the comment; post nothing, write no model card (--out still writes its file)

Output:
  --write-card          write models/<model>/MODEL_CARD.md (text outside the generated markers is kept)
  --out FILE            write the full report (no size limit) to FILE
  --json                machine-readable result

Without --repo/--pr and outside Actions, the comment is printed to stdout.

Exit codes: 0 every model passed (warnings allowed), 1 a model failed its gates, a record was refused, or GitHub
failed, 2 usage or configuration error (also a GitHub token that is refused or cannot see the repository),
70 internal error (a bug in modelgate; please report it).
`;
var command = {
  name: "report",
  summary: "gates \u2192 verdict; sticky PR comment, check runs, job summary, model card",
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs("report", args, {
      records: { type: "string" },
      "from-artifact": { type: "string" },
      "skip-validate": { type: "boolean" },
      "skip-data": { type: "boolean" },
      repo: { type: "string" },
      pr: { type: "string" },
      sha: { type: "string" },
      "app-slug": { type: "string" },
      "no-comment": { type: "boolean" },
      "no-checks": { type: "boolean" },
      "dry-run": { type: "boolean" },
      "write-card": { type: "boolean" },
      out: { type: "string" }
    });
    const r = await runReport(openWorkspace(io), {
      models: positionals,
      records: str(values.records),
      fromArtifact: str(values["from-artifact"]),
      validate: !values["skip-validate"],
      skipData: Boolean(values["skip-data"]),
      repo: str(values.repo),
      pr: str(values.pr),
      sha: str(values.sha),
      appSlug: str(values["app-slug"]),
      comment: !values["no-comment"],
      checkRuns: !values["no-checks"],
      dryRun: Boolean(values["dry-run"]),
      writeCard: Boolean(values["write-card"]),
      out: str(values.out)
    });
    if (values["dry-run"]) for (const c of r.cards) io.err(`dry run: would write ${relative(io.cwd, c) || c}
`);
    for (const n of r.notes) io.err(`note: ${n}
`);
    if (values.json) io.out(toJson(reportJson(r)));
    else if (!r.published) io.out(r.comment);
    else io.out(formatReportResult(r));
    if (r.published || values.json) {
      for (const m of r.built.models)
        if (m.verdict.status === "fail") io.err(`modelgate report: ${m.model.metadata.name} failed its gates
`);
    }
    return reportExitCode(r);
  }
};

export { reportExitCode as a, reportJson as b, command as c, formatReportResult as f, runReport as r };
