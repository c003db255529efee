import { createRequire } from 'node:module';
import { r as readApprovalFacts, m as modelsUnderReview, A as APPROVAL_CONTEXT, f as failClosed } from './chunk-RIE246NL-BCGPlkPR.js';
import { a as readRulesAt, b as rulesOfCheckout, e as evaluateApproval, c as rulesOrigin, n as newFactCache, p as pullRequestRuleChanges, d as approvalFactsFromGitHub, f as ruleChangeNotice, r as renderApprovalMarkdown } from './chunk-GLGUTLI5-Jm6A3CVq.js';
import { r as refuseFactsInActions } from './chunk-IUP2DSUK-kBqg7nXA.js';
import { U as UserError, f as EXIT_FAILED, E as EXIT_OK, p as processIo } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { s as setCommitStatus, g as getPullRequest, l as listReviews, u as upsertStickySection, P as PR_COMMENT_MARKER } from './chunk-NKXRGQC5-h4gDLlTY.js';
import { r as resolveContext, w as writeJobSummary } from './chunk-BJUODENM-D7tbkoXJ.js';
import { g as parseArgs, s as str, t as toJson } from './hot-validate-plan-audit-verify-DglurztO.js';
import { o as openWorkspace } from './hot-plan-YWGJn6IT.js';
import { resolve } from 'node:path';

const require$1 = createRequire(import.meta.url);
async function runApprove(ws, opts = {}) {
  if (opts.facts) {
    refuseFactsInActions(ws.env, "approve");
    return decideFromFile(ws, resolve(ws.io.cwd, opts.facts), opts.models);
  }
  const ctx = approvalContext(ws.env, opts);
  if (opts.sha) ctx.eventHeadSha ??= await headFromFlag(ws, opts.sha);
  const reading = await readAndDecide(ws, ctx, opts);
  const writes = planApprovalWrites(reading, {
    status: opts.status !== false,
    comment: opts.comment !== false,
    targetUrl: ctx.runUrl ?? `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/pull/${ctx.pr}`
  });
  return applyApprovalWrites(ctx, reading, writes);
}
async function openApprovalWorkspace(io, cwd, opts = {}) {
  try {
    return openWorkspace(io, { cwd });
  } catch (err) {
    if (!opts.facts) await failOnConfiguration(approvalContext(io.env, opts), opts, fullCommitId(opts.sha));
    throw err;
  }
}
async function decideFromFile(ws, file, models) {
  const facts = readApprovalFacts(file);
  const base = facts.pr.baseSha;
  const rules = base ? await readRulesAt(ws.git, base, `the base commit ${base.slice(0, 12)}`) : rulesOfCheckout(ws.repo);
  const decision = evaluateApproval(modelsUnderReview(rules, models), facts);
  return { decision: { ...decision, rules: { origin: rulesOrigin(rules) } }, statusSet: false };
}
var fullCommitId = (sha) => sha && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha) ? sha : void 0;
async function headFromFlag(ws, sha) {
  const resolved = fullCommitId(sha) ?? await ws.git.revParse(sha);
  if (!resolved) {
    throw new UserError(
      `--sha ${sha} is not a commit id, nor a commit in ${ws.root}; give the pull request's head commit`
    );
  }
  return resolved;
}
function approvalContext(env, opts) {
  const ctx = resolveContext(env, {
    repo: opts.repo,
    pr: opts.pr,
    token: opts.token,
    appSlug: opts.appSlug,
    http: opts.http
  });
  if (!ctx.pr) {
    throw new UserError("no pull request: pass --pr N (or run on a pull_request or pull_request_review event)");
  }
  return ctx;
}
async function failOnConfiguration(ctx, opts, headSha) {
  const sha = headSha ?? ctx.eventHeadSha;
  if (!sha || opts.status === false) return;
  await setCommitStatus(ctx, {
    sha,
    state: "failure",
    context: APPROVAL_CONTEXT,
    description: "configuration error: see the job log",
    targetUrl: ctx.runUrl
  }).catch(() => {
  });
}
function rulesReader(ws) {
  const read = /* @__PURE__ */ new Map();
  return (pr) => {
    let r = read.get(pr.baseSha);
    if (!r) {
      r = readRulesAt(ws.git, pr.baseSha, `the base commit ${pr.baseSha.slice(0, 12)} of pull request #${pr.number}`);
      read.set(pr.baseSha, r);
    }
    return r;
  };
}
async function readAndDecide(ws, ctx, opts) {
  const settle = opts.status !== false;
  let headSha = ctx.eventHeadSha;
  let models = [];
  const rulesAt = rulesReader(ws);
  try {
    const cache = newFactCache();
    let pr = await getPullRequest(ctx);
    headSha = pr.headSha;
    let reviews = await listReviews(ctx);
    for (let attempt = 1; ; attempt++) {
      headSha = pr.headSha;
      const rules = await rulesAt(pr);
      models = modelsUnderReview(rules, opts.models);
      const changes = await pullRequestRuleChanges(ctx, pr, rules);
      const facts = await approvalFactsFromGitHub(ctx, pr, models, reviews, cache);
      const origin = rulesOrigin(rules);
      const notice = ruleChangeNotice(changes, origin);
      const decision = { ...evaluateApproval(models, facts), rules: { origin, ...notice ? { notice } : {} } };
      if (!settle) return { decision, headSha };
      const [prNow, reviewsNow] = await Promise.all([getPullRequest(ctx), listReviews(ctx)]);
      if (prNow.headSha === pr.headSha && reviewsSnapshot(reviewsNow) === reviewsSnapshot(reviews)) {
        return { decision, headSha };
      }
      if (attempt >= 3) throw new Error("the pull request kept changing while its reviews were read; re-run");
      pr = prNow;
      reviews = reviewsNow;
    }
  } catch (err) {
    if (err instanceof UserError) {
      await failOnConfiguration(ctx, opts, headSha);
      throw err;
    }
    const apiError = err.message;
    return { decision: failClosed(models, headSha ?? "", apiError), headSha, apiError };
  }
}
function reviewsSnapshot(reviews) {
  return reviews.map((r) => `${r.id}:${r.state}:${r.commitId}`).join(",");
}
function planApprovalWrites(reading, want) {
  const { decision, headSha, apiError } = reading;
  const writes = {};
  if (want.status) {
    if (!headSha) {
      writes.statusError = "the head commit is unknown (the pull request could not be read), so no status was set";
    } else {
      writes.status = {
        sha: headSha,
        state: decision.state,
        context: APPROVAL_CONTEXT,
        description: decision.description,
        targetUrl: want.targetUrl
      };
    }
  }
  if (want.comment && !apiError) writes.comment = renderApprovalMarkdown(decision);
  return writes;
}
async function applyApprovalWrites(ctx, reading, writes) {
  const result = { decision: reading.decision, statusSet: false, apiError: reading.apiError };
  if (writes.statusError) result.statusError = writes.statusError;
  if (writes.status) {
    try {
      await setCommitStatus(ctx, writes.status);
      result.statusSet = true;
    } catch (err) {
      result.statusError = err.message;
    }
  }
  if (writes.comment !== void 0) {
    try {
      await upsertStickySection(ctx, ctx.pr, PR_COMMENT_MARKER, "approval", writes.comment);
    } catch (err) {
      result.commentError = err.message;
    }
  }
  return result;
}

// src/commands/approve.ts
function parseModelList(text) {
  const t = (text ?? "").trim();
  if (!t) return void 0;
  if (t.startsWith("[")) {
    let list;
    try {
      list = JSON.parse(t);
    } catch (err) {
      throw new UserError(`models: not valid JSON (${err.message}); give a JSON list or a comma list`);
    }
    if (!Array.isArray(list) || list.some((x) => typeof x !== "string" && typeof x?.name !== "string")) {
      throw new UserError(`models: expected a JSON list of model names, got ${t.slice(0, 80)}`);
    }
    return list.map((x) => typeof x === "string" ? x : x.name);
  }
  return t.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
}
function formatApproveResult(r) {
  const d = r.decision;
  const lines = [`${APPROVAL_CONTEXT}: ${d.state} \u2014 ${d.description}`];
  for (const m of d.models) {
    const who = m.approvers.map((a) => a.login).join(", ");
    lines.push(
      `  ${m.model} (${m.riskClass} risk): ${m.state}, ${Math.min(m.approvers.length, m.needed)}/${m.needed} approvals${who ? ` (${who})` : ""}${m.missing.length ? `; missing ${m.missing.join(" and ")}` : ""}${m.blockers.length ? `; changes requested by ${m.blockers.join(", ")}` : ""}`
    );
  }
  for (const m of d.models) if (m.note) lines.push(`  ${m.model}: ${m.note}`);
  if (d.rules) lines.push(`  rules: ${d.rules.origin}`);
  if (d.rules?.notice) lines.push(`  ${d.rules.notice}`);
  for (const s of d.stale) lines.push(`  stale: ${s.login} (review ${s.reviewId}) ${s.reason}`);
  for (const s of d.ignored) lines.push(`  not counted: ${s.login} (review ${s.reviewId}, ${s.state}): ${s.reason}`);
  if (r.apiError) lines.push(`GitHub API error, so the gate stays closed: ${r.apiError}`);
  if (r.statusSet) lines.push(`status ${APPROVAL_CONTEXT} set on ${d.headSha.slice(0, 7)}`);
  else if (r.statusError) lines.push(`could not set the status ${APPROVAL_CONTEXT}: ${r.statusError}`);
  if (r.commentError) lines.push(`warning: could not update the PR comment: ${r.commentError}`);
  return `${lines.join("\n")}
`;
}
function approveExitCode(r, statusWanted = true) {
  if (r.decision.state === "failure") return EXIT_FAILED;
  if (statusWanted && !r.statusSet) return EXIT_FAILED;
  return EXIT_OK;
}
function approveJson(r) {
  return {
    approved: r.decision.approved,
    state: r.decision.state,
    description: r.decision.description,
    headSha: r.decision.headSha,
    approvers: r.decision.approvers,
    models: r.decision.models,
    stale: r.decision.stale,
    ignored: r.decision.ignored,
    ...r.decision.rules ? { rules: r.decision.rules } : {},
    statusSet: r.statusSet,
    ...r.statusError ? { statusError: r.statusError } : {},
    ...r.apiError ? { apiError: r.apiError } : {}
  };
}
var command = {
  name: "approve",
  summary: "read the PR's reviews against the approval policy; set the modelgate/approval status",
  usage: `Usage: modelgate approve [--repo OWNER/NAME] [--pr N] [--sha SHA] [--models a,b] [--dry-run] [--no-comment]
                        [--json]
       modelgate approve --facts FILE [--models a,b] [--json]

Reads every review of the pull request and decides, for each model it touches, whether that model's approval
policy (modelgate.yaml spec.approval, overridden by a Model's spec.approval) holds on the PR's head commit, then
sets the commit status ${APPROVAL_CONTEXT} on that commit (branch protection can require it) and updates the
approval section of the sticky PR comment.

How reviews are read: each reviewer's latest review that is not a comment is their opinion; an approval counts only
on the head commit (older ones are listed as stale); the PR's author, bots, reviewers without write permission,
dismissed and pending reviews never count; "changes requested" from an allowed reviewer blocks. Any GitHub API
error leaves the gate unapproved (status failure, with the error).

Options:
  --repo OWNER/NAME   the repository (default: GITHUB_REPOSITORY)
  --pr N              the pull request (default: from the event in GITHUB_EVENT_PATH)
  --sha SHA           the pull request's head commit, where no event names it (outside Actions): when the pull
                      request cannot be read, the failure status goes there instead of nowhere
  --models a,b        the models the PR touches (default: every model in the repository); a model that is
                      not in the checkout (new in the PR, when the base branch is checked out) is judged by
                      the repository's policy at its strictest risk class
  --dry-run           decide and print; set no status, write no comment
  --facts FILE        decide from a JSON file instead of GitHub, and set nothing: {"pr": {number, author,
                      headSha}, "reviews": [{id, login, userType, state, commitId, submittedAt}],
                      "permissions": {login: "write"|\u2026}, "teams": {"org/team": [logins]}}
  --no-comment        set the status but leave the PR comment alone
  --app-slug SLUG     the GitHub App that issued the token (an installation token other than GITHUB_TOKEN):
                      the sticky comment is the one <SLUG>[bot] wrote; modelgate edits no other comment
  --json              the decision as JSON (approvers: login, reviewId, commit, submittedAt)
  -h, --help          this text

Environment: GITHUB_TOKEN (needs statuses: write, pull-requests: read; teams need a token that can read the
organization's members), GITHUB_API_URL for GitHub Enterprise Server.
Exit codes: 0 approved or waiting for approvals (see the status), 1 changes requested, an API error, or the status
could not be set, 2 usage or configuration error (also a GitHub token that is refused or cannot see the
repository), 70 internal error (a bug in modelgate; please report it).
`,
  async run(args, io) {
    const { values } = parseArgs(
      "approve",
      args,
      {
        repo: { type: "string" },
        pr: { type: "string" },
        sha: { type: "string" },
        models: { type: "string" },
        "dry-run": { type: "boolean" },
        "no-comment": { type: "boolean" },
        facts: { type: "string" },
        "app-slug": { type: "string" }
      },
      false
    );
    const dry = Boolean(values["dry-run"]);
    const factsFile = str(values.facts);
    const opts = factsFile ? { facts: resolve(io.cwd, factsFile), models: parseModelList(str(values.models)) } : {
      repo: str(values.repo),
      pr: str(values.pr),
      sha: str(values.sha),
      models: parseModelList(str(values.models)),
      appSlug: str(values["app-slug"]),
      status: !dry,
      comment: !dry && !values["no-comment"]
    };
    const result = await runApprove(await openApprovalWorkspace(io, io.cwd, opts), opts);
    if (io.env.GITHUB_STEP_SUMMARY) writeJobSummary(renderApprovalMarkdown(result.decision), io.env);
    io.out(values.json ? toJson(approveJson(result)) : formatApproveResult(result));
    return approveExitCode(result, !dry && !factsFile);
  }
};
async function runApprove2(opts) {
  const io = { ...processIo(), cwd: opts.cwd, env: opts.env };
  return runApprove(await openApprovalWorkspace(io, opts.cwd, opts), opts);
}

export { approveExitCode as a, approveJson as b, command as c, runApprove2 as d, formatApproveResult as f, openApprovalWorkspace as o, parseModelList as p, runApprove as r };
