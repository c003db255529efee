/**
 * The approve service: reads the pull request's reviews (from GitHub, or from a facts file), decides with the pure
 * policy (policy.ts), and then, as its apply step, sets the commit status `modelgate/approval` on the head commit and
 * the approval section of the sticky PR comment. Fails closed: any API error leaves the gate unapproved (failure, with
 * the error in the status description), and so does a configuration that cannot be read.
 */
import { resolve } from "node:path";
import { UserError } from "../errors.ts";
import {
  type GitHubContext,
  getPullRequest,
  listReviews,
  PR_COMMENT_MARKER,
  type PullRequestInfo,
  resolveContext,
  setCommitStatus,
  type StatusState,
  upsertStickySection,
} from "../github/index.ts";
import { refuseFactsInActions } from "../util/facts.ts";
import type { Io } from "../util/io.ts";
import type { ReviewFact } from "../vocabulary.ts";
import { openWorkspace, type Workspace } from "../workspace/workspace.ts";
import { APPROVAL_CONTEXT, type ApproveResult, failClosed, modelsUnderReview } from "./decide.ts";
import { readApprovalFacts } from "./facts.ts";
import { type ApprovalDecision, evaluateApproval, type ModelUnderReview, renderApprovalMarkdown } from "./policy.ts";
import { approvalFactsFromGitHub, newFactCache, pullRequestRuleChanges } from "./read.ts";
import { type RuleSet, readRulesAt, ruleChangeNotice, rulesOfCheckout, rulesOrigin } from "./rules.ts";

export interface ApproveOptions {
  /** The repository on GitHub, OWNER/NAME (default: GITHUB_REPOSITORY). */
  repo?: string;
  /** The pull request (default: from the event in GITHUB_EVENT_PATH). */
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
  /**
   * Decide from this facts file (relative to the workspace's io.cwd) instead of GitHub, and write nothing: the
   * pull request, reviews, permissions and team members as src/approve/facts.ts describes them.
   */
  facts?: string;
  /**
   * The pull request's head commit as the caller knows it, where no event payload names it (outside Actions): when
   * the pull request itself cannot be read, the failure status goes on this commit, so that an earlier success on it
   * does not stay. When the pull request is read, its head as GitHub gives it is the one judged.
   */
  sha?: string;
  /** Test knobs for the HTTP client. */
  http?: GitHubContext["http"];
}

/** What approve read and decided: the decision, the head commit it is about (when known), the error that closed it. */
export interface ApprovalReading {
  decision: ApprovalDecision;
  /** The head commit from the last successful read of the pull request, else the event's. */
  headSha?: string;
  /** The API error that made the gate fail closed, if any. */
  apiError?: string;
}

/** A commit status as setCommitStatus takes it. */
export interface PlannedStatus {
  sha: string;
  state: StatusState;
  context: string;
  description: string;
  targetUrl?: string;
}

/** What approve will write, decided before anything is written. */
export interface ApprovalWrites {
  /** The commit status on the head commit; none when not wanted or when the head commit is unknown. */
  status?: PlannedStatus;
  /** Why no status can be set although one was wanted. */
  statusError?: string;
  /** The approval section of the sticky PR comment; none when not wanted or after an API error. */
  comment?: string;
}

/**
 * Reads the pull request's reviews against each touched model's approval policy — the policy of the pull request's
 * base commit, never its own — and sets the commit status `modelgate/approval` on the head commit (see the file's
 * comment). With `facts`, decides from the file and sets nothing.
 */
export async function runApprove(ws: Workspace, opts: ApproveOptions = {}): Promise<ApproveResult> {
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
    targetUrl: ctx.runUrl ?? `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/pull/${ctx.pr}`,
  });
  return applyApprovalWrites(ctx, reading, writes);
}

/**
 * Opens the workspace approve runs in. The gate fails closed here too: when no model repository is found at `cwd`,
 * a failure status goes on the event's head commit before the error is thrown, as for any configuration error.
 */
export async function openApprovalWorkspace(io: Io, cwd: string, opts: ApproveOptions = {}): Promise<Workspace> {
  try {
    return openWorkspace(io, { cwd });
  } catch (err) {
    if (!opts.facts) await failOnConfiguration(approvalContext(io.env, opts), opts, fullCommitId(opts.sha));
    throw err;
  }
}

/**
 * The decision from a facts file (no GitHub, no status): the rules of the file's `pr.baseSha` when it names one,
 * else of the checkout.
 */
export async function decideFromFile(
  ws: Workspace,
  file: string,
  models: string[] | undefined,
): Promise<ApproveResult> {
  const facts = readApprovalFacts(file);
  const base = facts.pr.baseSha;
  const rules = base
    ? await readRulesAt(ws.git, base, `the base commit ${base.slice(0, 12)}`)
    : rulesOfCheckout(ws.repo);
  const decision = evaluateApproval(modelsUnderReview(rules, models), facts);
  return { decision: { ...decision, rules: { origin: rulesOrigin(rules) } }, statusSet: false };
}

const fullCommitId = (sha: string | undefined) => (sha && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha) ? sha : undefined);

/** `--sha`: a full commit id, or what `git rev-parse` makes of it in the workspace (HEAD, a branch). */
async function headFromFlag(ws: Workspace, sha: string): Promise<string> {
  const resolved = fullCommitId(sha) ?? (await ws.git.revParse(sha));
  if (!resolved) {
    throw new UserError(
      `--sha ${sha} is not a commit id, nor a commit in ${ws.root}; give the pull request's head commit`,
    );
  }
  return resolved;
}

/** The GitHub context of the run; a usage error when it names no pull request. */
function approvalContext(env: NodeJS.ProcessEnv, opts: ApproveOptions): GitHubContext & { pr: number } {
  const ctx = resolveContext(env, {
    repo: opts.repo,
    pr: opts.pr,
    token: opts.token,
    appSlug: opts.appSlug,
    http: opts.http,
  });
  if (!ctx.pr) {
    throw new UserError("no pull request: pass --pr N (or run on a pull_request or pull_request_review event)");
  }
  return ctx as GitHubContext & { pr: number };
}

/**
 * A configuration error: failure on the head commit (the pull request's, when it was read; else the event's), best
 * effort: the error itself is what is reported.
 */
async function failOnConfiguration(ctx: GitHubContext, opts: ApproveOptions, headSha?: string): Promise<void> {
  const sha = headSha ?? ctx.eventHeadSha;
  if (!sha || opts.status === false) return;
  await setCommitStatus(ctx, {
    sha,
    state: "failure",
    context: APPROVAL_CONTEXT,
    description: "configuration error: see the job log",
    targetUrl: ctx.runUrl,
  }).catch(() => {});
}

/** The rules at a pull request's base commit, read once per commit (./rules.ts). */
function rulesReader(ws: Workspace) {
  const read = new Map<string, Promise<RuleSet>>();
  return (pr: PullRequestInfo) => {
    let r = read.get(pr.baseSha);
    if (!r) {
      r = readRulesAt(ws.git, pr.baseSha, `the base commit ${pr.baseSha.slice(0, 12)} of pull request #${pr.number}`);
      read.set(pr.baseSha, r);
    }
    return r;
  };
}

/**
 * Reads the pull request, the rules at its base commit, its files (to say whether it changes those rules), its
 * reviews and the facts they need (./read.ts), and decides. With `settle`, reads the pull request and reviews again
 * after deciding, and decides again when anything moved, so that a slower run does not overwrite a newer run's
 * status with an older view. An API error closes the gate; a configuration error is thrown (with the head commit).
 */
async function readAndDecide(ws: Workspace, ctx: GitHubContext, opts: ApproveOptions): Promise<ApprovalReading> {
  const settle = opts.status !== false;
  let headSha = ctx.eventHeadSha;
  let models: ModelUnderReview[] = [];
  const rulesAt = rulesReader(ws);
  try {
    const cache = newFactCache();
    let pr = await getPullRequest(ctx);
    // The head from the first successful read: if anything after it fails, the failure goes on this commit.
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
      const decision = { ...evaluateApproval(models, facts), rules: { origin, ...(notice ? { notice } : {}) } };
      if (!settle) return { decision, headSha };
      // A review or a push that landed while we decided would make this status stale: read again.
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
      // A configuration error (the base's modelgate.yaml, a team name) is the user's to fix, but the gate must not
      // stay green meanwhile.
      await failOnConfiguration(ctx, opts, headSha);
      throw err;
    }
    const apiError = (err as Error).message;
    return { decision: failClosed(models, headSha ?? "", apiError), headSha, apiError };
  }
}

/** What identifies a list of reviews for "did anything move?": each review's id, state and commit. */
export function reviewsSnapshot(reviews: Pick<ReviewFact, "id" | "state" | "commitId">[]): string {
  return reviews.map((r) => `${r.id}:${r.state}:${r.commitId}`).join(",");
}

/** What the decision will write: the status on the head commit and the comment's approval section. Pure. */
export function planApprovalWrites(
  reading: ApprovalReading,
  want: { status: boolean; comment: boolean; targetUrl: string },
): ApprovalWrites {
  const { decision, headSha, apiError } = reading;
  const writes: ApprovalWrites = {};
  if (want.status) {
    if (!headSha) {
      writes.statusError = "the head commit is unknown (the pull request could not be read), so no status was set";
    } else {
      writes.status = {
        sha: headSha,
        state: decision.state,
        context: APPROVAL_CONTEXT,
        description: decision.description,
        targetUrl: want.targetUrl,
      };
    }
  }
  if (want.comment && !apiError) writes.comment = renderApprovalMarkdown(decision);
  return writes;
}

/** Writes the planned status and comment section; a write that fails is reported in the result, not thrown. */
async function applyApprovalWrites(
  ctx: GitHubContext & { pr: number },
  reading: ApprovalReading,
  writes: ApprovalWrites,
): Promise<ApproveResult> {
  const result: ApproveResult = { decision: reading.decision, statusSet: false, apiError: reading.apiError };
  if (writes.statusError) result.statusError = writes.statusError;
  if (writes.status) {
    try {
      await setCommitStatus(ctx, writes.status);
      result.statusSet = true;
    } catch (err) {
      result.statusError = (err as Error).message;
    }
  }
  if (writes.comment !== undefined) {
    try {
      await upsertStickySection(ctx, ctx.pr, PR_COMMENT_MARKER, "approval", writes.comment);
    } catch (err) {
      result.commentError = (err as Error).message;
    }
  }
  return result;
}
