import { resolve } from "node:path";
import { APPROVAL_CONTEXT, type ApproveResult } from "../approve/decide.ts";
import { renderApprovalMarkdown } from "../approve/policy.ts";
import { type ApproveOptions, openApprovalWorkspace, runApprove as approve } from "../approve/run.ts";
import { EXIT_FAILED, EXIT_OK, UserError } from "../errors.ts";
import { writeJobSummary } from "../github/index.ts";
import { parseArgs, str } from "../util/args.ts";
import { toJson } from "../util/fs.ts";
import { type Io, processIo } from "../util/io.ts";
import type { Command } from "./command.ts";

/** Parses a models list: a JSON array, or names separated by commas, spaces or new lines. */
export function parseModelList(text: string | undefined): string[] | undefined {
  const t = (text ?? "").trim();
  if (!t) return undefined;
  if (t.startsWith("[")) {
    let list: unknown;
    try {
      list = JSON.parse(t);
    } catch (err) {
      throw new UserError(`models: not valid JSON (${(err as Error).message}); give a JSON list or a comma list`);
    }
    if (!Array.isArray(list) || list.some((x) => typeof x !== "string" && typeof x?.name !== "string")) {
      throw new UserError(`models: expected a JSON list of model names, got ${t.slice(0, 80)}`);
    }
    return list.map((x) => (typeof x === "string" ? x : x.name));
  }
  return t
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The human-readable report of a run. */
export function formatApproveResult(r: ApproveResult): string {
  const d = r.decision;
  const lines = [`${APPROVAL_CONTEXT}: ${d.state} — ${d.description}`];
  for (const m of d.models) {
    const who = m.approvers.map((a) => a.login).join(", ");
    lines.push(
      `  ${m.model} (${m.riskClass} risk): ${m.state}, ${Math.min(m.approvers.length, m.needed)}/${m.needed} approvals${who ? ` (${who})` : ""}${m.missing.length ? `; missing ${m.missing.join(" and ")}` : ""}${m.blockers.length ? `; changes requested by ${m.blockers.join(", ")}` : ""}`,
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
  return `${lines.join("\n")}\n`;
}

/** Exit code: 1 when the gate failed (changes requested, API error) or the status could not be set; else 0. */
export function approveExitCode(r: ApproveResult, statusWanted = true): number {
  if (r.decision.state === "failure") return EXIT_FAILED;
  if (statusWanted && !r.statusSet) return EXIT_FAILED;
  return EXIT_OK;
}

/** The decision as `--json` prints it. */
export function approveJson(r: ApproveResult) {
  return {
    approved: r.decision.approved,
    state: r.decision.state,
    description: r.decision.description,
    headSha: r.decision.headSha,
    approvers: r.decision.approvers,
    models: r.decision.models,
    stale: r.decision.stale,
    ignored: r.decision.ignored,
    ...(r.decision.rules ? { rules: r.decision.rules } : {}),
    statusSet: r.statusSet,
    ...(r.statusError ? { statusError: r.statusError } : {}),
    ...(r.apiError ? { apiError: r.apiError } : {}),
  };
}

export const command: Command = {
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
                      "permissions": {login: "write"|…}, "teams": {"org/team": [logins]}}
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
  async run(args: string[], io: Io): Promise<number> {
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
        "app-slug": { type: "string" },
      },
      false,
    );
    const dry = Boolean(values["dry-run"]);
    const factsFile = str(values.facts);
    const opts: ApproveOptions = factsFile
      ? { facts: resolve(io.cwd, factsFile), models: parseModelList(str(values.models)) }
      : {
          repo: str(values.repo),
          pr: str(values.pr),
          sha: str(values.sha),
          models: parseModelList(str(values.models)),
          appSlug: str(values["app-slug"]),
          status: !dry,
          comment: !dry && !values["no-comment"],
        };
    const result = await approve(await openApprovalWorkspace(io, io.cwd, opts), opts);
    if (io.env.GITHUB_STEP_SUMMARY) writeJobSummary(renderApprovalMarkdown(result.decision), io.env);
    io.out(values.json ? toJson(approveJson(result)) : formatApproveResult(result));
    return approveExitCode(result, !dry && !factsFile);
  },
};

// ---- for the tests of publish, which set the approval status the way the approve step does ------

export { APPROVAL_CONTEXT } from "../approve/decide.ts";

/** The approve service at a folder, as publish still calls it: opens the workspace at `cwd` and runs it. */
export async function runApprove(
  opts: ApproveOptions & { cwd: string; env: NodeJS.ProcessEnv },
): Promise<ApproveResult> {
  const io = { ...processIo(), cwd: opts.cwd, env: opts.env };
  return approve(await openApprovalWorkspace(io, opts.cwd, opts), opts);
}
