import type { Permission } from "../vocabulary.ts";
import { relative, resolve, sep } from "node:path";
import { readCodeowners, ownersOfPaths } from "../approve/codeowners.ts";
import { readApprovalFacts } from "../approve/facts.ts";
import {
  type ApprovalDecision,
  type ApprovalPolicy,
  effectivePolicy,
  evaluateApproval,
  factsNeeded,
  type ModelUnderReview,
  renderApprovalMarkdown,
  strictestRiskClass,
} from "../approve/policy.ts";
import type { Command } from "./command.ts";
import { EXIT_FAILED, EXIT_OK, UserError } from "../errors.ts";
import {
  collaboratorPermission,
  type GitHubContext,
  getPullRequest,
  listReviews,
  PR_COMMENT_MARKER,
  resolveContext,
  setCommitStatus,
  teamMembers,
  upsertStickySection,
  writeJobSummary,
} from "../github/index.ts";
import { type Repository, loadRepository } from "../manifest/repo.ts";
import { parseArgs, str } from "../util/args.ts";
import { toJson } from "../util/fs.ts";
import type { Io } from "../util/io.ts";

/** The commit status branch protection requires. */
export const APPROVAL_CONTEXT = "modelgate/approval";

export interface ApproveOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  repo?: string;
  pr?: string | number;
  token?: string;
  /** The slug of the GitHub App that issued `token`, when it is not the workflow's GITHUB_TOKEN. */
  appSlug?: string;
  /** Models the PR touches; default: every model in the repository. */
  models?: string[];
  /** Set the commit status (default true). */
  status?: boolean;
  /** Update the approval section of the sticky PR comment (default true). */
  comment?: boolean;
  /** Test knobs for the HTTP client. */
  http?: GitHubContext["http"];
}

export interface ApproveResult {
  decision: ApprovalDecision;
  /** Whether the commit status was written; when not, `statusError` says why. */
  statusSet: boolean;
  statusError?: string;
  commentError?: string;
  /** The API error that made the gate fail closed, if any. */
  apiError?: string;
}

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

function modelsUnderReview(repo: Repository, names: string[] | undefined): ModelUnderReview[] {
  const base = repo.config.spec.approval as ApprovalPolicy;
  const owners = readCodeowners(repo.root);
  const available = repo.models.map((m) => m.value.metadata.name);
  const wanted = names ?? available;
  return wanted.map((name) => {
    const m = repo.models.find((x) => x.value.metadata.name === name);
    if (!m) {
      const broken = repo.findings.find((f) => f.severity === "error" && f.file.includes(`/${name}/`));
      if (broken || !/^[a-z0-9]([a-z0-9._-]*[a-z0-9])?$/.test(name)) {
        throw new UserError(
          broken
            ? `model "${name}" has an invalid manifest (${broken.file}:${broken.line ?? 1}: ${broken.message}); run \`modelgate validate\``
            : `no model named "${name}" in ${repo.root}${available.length ? ` (models: ${available.join(", ")})` : ""}`,
        );
      }
      // Not in this checkout (the base branch, as the README advises): a model the PR adds. Its own manifest is the
      // PR author's to write, so it is judged by the repository's policy at the strictest risk class.
      const riskClass = strictestRiskClass(base);
      const dir = `${repo.config.spec.paths.models}/${name}/`;
      return {
        name,
        policy: base,
        riskClass,
        codeowners: owners ? ownersOfPaths(owners.rules, [dir, `${dir}model.yaml`]) : [],
        note: `not in this checkout (new in this pull request?): judged by the repository's policy at the strictest risk class (${riskClass})`,
      };
    }
    // The keys the model's manifest writes replace the repository's policy.
    const policy = effectivePolicy(base, m.value.spec.approval as Partial<ApprovalPolicy> | undefined);
    const artifact = relative(repo.root, `${m.dir}${sep}${m.value.spec.artifact.path}`).split(sep).join("/");
    const paths = [m.file, artifact, `${m.file.replace(/[^/]+$/, "")}`];
    return {
      name,
      policy,
      riskClass: m.value.spec.riskClass ?? "minimal",
      codeowners: owners ? ownersOfPaths(owners.rules, paths) : [],
    };
  });
}

/**
 * Reads the pull request's reviews against each touched model's approval policy and sets the commit status
 * `modelgate/approval` on the head commit. Fails closed: any API error leaves the gate unapproved (failure, with
 * the error in the status description).
 */
export async function runApprove(opts: ApproveOptions): Promise<ApproveResult> {
  const ctx = resolveContext(opts.env, {
    repo: opts.repo,
    pr: opts.pr,
    token: opts.token,
    appSlug: opts.appSlug,
    http: opts.http,
  });
  if (!ctx.pr) {
    throw new UserError("no pull request: pass --pr N (or run on a pull_request or pull_request_review event)");
  }
  let headSha = ctx.eventHeadSha;
  let decision!: ApprovalDecision;
  let apiError: string | undefined;

  // Configuration first: a broken policy is the user's to fix, but the gate still must not stay green.
  let models: ModelUnderReview[];
  try {
    models = modelsUnderReview(loadRepository(opts.cwd), opts.models);
  } catch (err) {
    if (headSha && opts.status !== false) {
      await setCommitStatus(ctx, {
        sha: headSha,
        state: "failure",
        context: APPROVAL_CONTEXT,
        description: "configuration error: see the job log",
        targetUrl: ctx.runUrl,
      }).catch(() => {});
    }
    throw err;
  }

  try {
    // Looked up once per run, each.
    const permissions: Record<string, Permission> = {};
    const teams: Record<string, string[]> = {};
    let pr = await getPullRequest(ctx);
    // The head from the first successful read: if anything after it fails, the failure goes on this commit.
    headSha = pr.headSha;
    let reviews = await listReviews(ctx);
    for (let attempt = 1; ; attempt++) {
      headSha = pr.headSha;
      const need = factsNeeded(models, reviews, pr.author);
      for (const login of need.logins) permissions[login] ??= await collaboratorPermission(ctx, login);
      for (const team of need.teams) teams[team] ??= await teamMembers(ctx, team);
      decision = evaluateApproval(models, {
        pr: { number: pr.number, author: pr.author, headSha: pr.headSha },
        reviews,
        permissions,
        teams,
      });
      if (opts.status === false) break;
      // A review or a push that landed while we decided would make this status stale: read again, and decide
      // again when anything moved, so that a slower run does not overwrite a newer run's status with an older view.
      const [prNow, reviewsNow] = await Promise.all([getPullRequest(ctx), listReviews(ctx)]);
      if (prNow.headSha === pr.headSha && snapshot(reviewsNow) === snapshot(reviews)) break;
      if (attempt >= 3) throw new Error("the pull request kept changing while its reviews were read; re-run");
      pr = prNow;
      reviews = reviewsNow;
    }
  } catch (err) {
    if (err instanceof UserError) throw err;
    apiError = (err as Error).message;
    decision = failClosed(models, headSha ?? "", apiError);
  }

  const result: ApproveResult = { decision, statusSet: false, apiError };
  if (opts.status !== false) {
    if (!headSha) {
      result.statusError = "the head commit is unknown (the pull request could not be read), so no status was set";
    } else {
      try {
        await setCommitStatus(ctx, {
          sha: headSha,
          state: decision.state,
          context: APPROVAL_CONTEXT,
          description: decision.description,
          targetUrl: ctx.runUrl ?? `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/pull/${ctx.pr}`,
        });
        result.statusSet = true;
      } catch (err) {
        result.statusError = (err as Error).message;
      }
    }
  }
  if (opts.comment !== false && !apiError) {
    try {
      await upsertStickySection(ctx, ctx.pr, PR_COMMENT_MARKER, "approval", renderApprovalMarkdown(decision));
    } catch (err) {
      result.commentError = (err as Error).message;
    }
  }
  return result;
}

function snapshot(reviews: { id: number; state: string; commitId: string | null }[]): string {
  return reviews.map((r) => `${r.id}:${r.state}:${r.commitId}`).join(",");
}

function failClosed(models: ModelUnderReview[], headSha: string, error: string): ApprovalDecision {
  const description = `not approved: ${error}`;
  return {
    state: "failure",
    approved: false,
    description: description.length <= 140 ? description : `${description.slice(0, 139)}…`,
    headSha,
    models: models.map((m) => ({
      model: m.name,
      riskClass: m.riskClass,
      state: "failure",
      needed: 0,
      approvers: [],
      blockers: [],
      missing: [`could not verify approvals: ${error}`],
    })),
    approvers: [],
    stale: [],
    ignored: [],
  };
}

/** The human-readable report of a run. */
/** The decision from a facts file (no GitHub, no status). */
export function decideFromFacts(cwd: string, file: string, models: string[] | undefined): ApproveResult {
  const facts = readApprovalFacts(file);
  const decision = evaluateApproval(modelsUnderReview(loadRepository(cwd), models), facts);
  return { decision, statusSet: false };
}

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

export const command: Command = {
  name: "approve",
  summary: "read the PR's reviews against the approval policy; set the modelgate/approval status",
  usage: `Usage: modelgate approve [--repo OWNER/NAME] [--pr N] [--models a,b] [--dry-run] [--no-comment] [--json]
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
    const result = factsFile
      ? decideFromFacts(io.cwd, resolve(io.cwd, factsFile), parseModelList(str(values.models)))
      : await runApprove({
          cwd: io.cwd,
          env: io.env,
          repo: str(values.repo),
          pr: str(values.pr),
          models: parseModelList(str(values.models)),
          appSlug: str(values["app-slug"]),
          status: !dry,
          comment: !dry && !values["no-comment"],
        });
    if (io.env.GITHUB_STEP_SUMMARY) writeJobSummary(renderApprovalMarkdown(result.decision), io.env);
    if (values.json) {
      io.out(
        toJson({
          approved: result.decision.approved,
          state: result.decision.state,
          description: result.decision.description,
          headSha: result.decision.headSha,
          approvers: result.decision.approvers,
          models: result.decision.models,
          stale: result.decision.stale,
          ignored: result.decision.ignored,
          statusSet: result.statusSet,
          ...(result.statusError ? { statusError: result.statusError } : {}),
          ...(result.apiError ? { apiError: result.apiError } : {}),
        }),
      );
    } else {
      io.out(formatApproveResult(result));
    }
    return approveExitCode(result, !dry && !factsFile);
  },
};
