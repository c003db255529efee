import { APPROVAL_CONTEXT, decideFromFacts, failClosed, modelsUnderReview } from "../approve/decide.ts";
import { approvalFactsSchema } from "../approve/facts.ts";
import { type ApprovalDecision, type Approver, evaluateApproval, factsNeeded } from "../approve/policy.ts";
import { UserError } from "../errors.ts";
import {
  collaboratorPermission,
  type ContextFlags,
  type GitHubContext,
  getPullRequest,
  isFromFork,
  latestCheckRun,
  latestStatus,
  listReviews,
  type PullRequestInfo,
  pullsForCommit,
  resolveContext,
  teamMembers,
} from "../github/index.ts";
import type { Repository } from "../manifest/repo.ts";
import { checkName } from "../report/post.ts";
import { readFactsFile } from "../util/facts.ts";
import type { Permission } from "../vocabulary.ts";
import type { PullFacts } from "./change.ts";

/**
 * Which pull request a merge came from, and whether its head was approved: read from GitHub (the pull request the
 * merge commit belongs to, the `modelgate/approval` status on its head, and the reviews read back against the policy),
 * or from a facts file in approve's format. Reading fails closed: an API error leaves the models unapproved.
 */

export interface Approval {
  approved: boolean;
  status?: string;
  reason?: string;
  approvers: Approver[];
}

export interface ApprovalSource {
  pull: PullFacts;
  /** Who merged, when the source says (a facts file's mergedBy). */
  mergedBy?: string;
  /** The approval of the pull request's head for these models. */
  approvalFor(models: string[]): Promise<Approval>;
}

const approversOf = (d: ApprovalDecision): Approver[] =>
  d.approvers.map((a) => ({ login: a.login, reviewId: a.reviewId, commit: a.commit, submittedAt: a.submittedAt }));

/** From a facts file (approve --facts format, "mergedBy" optional): read once, with approve's checks and messages. */
export function approvalFromFacts(repo: Repository, file: string): ApprovalSource {
  const facts = readFactsFile(file, approvalFactsSchema);
  return {
    pull: { number: facts.pr.number, author: facts.pr.author, head: facts.pr.headSha, url: facts.pr.url },
    mergedBy: facts.mergedBy,
    approvalFor: async (models) => {
      const d = decideFromFacts(repo, facts, models);
      return {
        approved: d.approved,
        status: d.state,
        reason: d.approved ? undefined : `not approved: ${d.description}`,
        approvers: approversOf(d),
      };
    },
  };
}

/** From GitHub: the pull request merged as `sha` (or `pr`), its approval status and its reviews read back. */
export async function approvalFromGitHub(
  repo: Repository,
  env: NodeJS.ProcessEnv,
  flags: ContextFlags & { pr?: number },
  sha: string,
): Promise<ApprovalSource> {
  const ctx = resolveContext(env, flags);
  let number = flags.pr;
  if (!number) {
    const pulls = await pullsForCommit(ctx, sha);
    const merged = pulls.find((p) => p.mergeCommitSha === sha) ?? pulls.find((p) => p.headSha === sha);
    if (!merged) {
      throw new UserError(
        `no pull request was merged as ${sha.slice(0, 12)}; publish ships only what came through a reviewed pull request (pass --pr N if GitHub does not associate it)`,
      );
    }
    number = merged.number;
  }
  const pr = await getPullRequest(ctx, number);
  const fork = isFromFork(ctx, pr);
  return {
    pull: { number: pr.number, author: pr.author, head: pr.headSha, url: pr.htmlUrl },
    approvalFor: async (models) => {
      if (fork) {
        const refused = await forkRecomputation(ctx, pr, models);
        if (refused) return refused;
      }
      const status = await latestStatus(ctx, pr.headSha, APPROVAL_CONTEXT).catch((err: Error) => ({
        state: `unreadable (${err.message})`,
        description: null,
      }));
      const { decision: d, apiError } = await readReviews(ctx, repo, pr, models);
      const approved = status?.state === "success" && d.approved && !apiError;
      return {
        approved,
        status: status?.state ?? "missing",
        reason:
          status?.state !== "success"
            ? `the head commit ${pr.headSha.slice(0, 12)} has ${APPROVAL_CONTEXT} = ${status?.state ?? "no status"}`
            : apiError
              ? `the reviews could not be read back: ${apiError}`
              : `the reviews read back do not satisfy the policy: ${d.description}`,
        approvers: approversOf(d),
      };
    },
  };
}

/**
 * A fork's run made its own record: the numbers publish may trust are those the privileged report job recomputed
 * from the ONNX file, shown as the check run `modelgate / MODEL` on the head (only an app writes check runs, so a
 * fork cannot forge one). The refusal, or undefined when every model's check run is success.
 */
async function forkRecomputation(
  ctx: GitHubContext,
  pr: PullRequestInfo,
  models: string[],
): Promise<Approval | undefined> {
  for (const model of models) {
    const run = await latestCheckRun(ctx, pr.headSha, checkName(model)).catch(() => undefined);
    if (run?.conclusion !== "success") {
      return {
        approved: false,
        status: `${checkName(model)}: ${run ? (run.conclusion ?? run.status) : "no check run"}`,
        reason: `pull request #${pr.number} comes from a fork, whose own evaluation record is not trusted; the check run ${checkName(model)} on its head (the report job's recomputation) must be success`,
        approvers: [],
      };
    }
  }
  return undefined;
}

/**
 * The reviews read back and judged against each model's policy, as `approve` judges them (no status is set). A
 * configuration error is the user's (thrown); any other error fails closed, with the error.
 */
async function readReviews(
  ctx: GitHubContext,
  repo: Repository,
  pr: PullRequestInfo,
  names: string[],
): Promise<{ decision: ApprovalDecision; apiError?: string }> {
  const models = modelsUnderReview(repo, names);
  try {
    const reviews = await listReviews(ctx, pr.number);
    const need = factsNeeded(models, reviews, pr.author);
    const permissions: Record<string, Permission> = {};
    const teams: Record<string, string[]> = {};
    for (const login of need.logins) permissions[login] ??= await collaboratorPermission(ctx, login);
    for (const team of need.teams) teams[team] ??= await teamMembers(ctx, team);
    const decision = evaluateApproval(models, {
      pr: { number: pr.number, author: pr.author, headSha: pr.headSha },
      reviews,
      permissions,
      teams,
    });
    return { decision };
  } catch (err) {
    if (err instanceof UserError) throw err;
    const apiError = (err as Error).message;
    return { decision: failClosed(models, pr.headSha, apiError), apiError };
  }
}
