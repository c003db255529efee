import { APPROVAL_CONTEXT, decideFromFacts, failClosed, modelsUnderReview } from "../approve/decide.ts";
import { approvalFactsSchema } from "../approve/facts.ts";
import { type ApprovalDecision, type Approver, evaluateApproval } from "../approve/policy.ts";
import { approvalFactsFromGitHub } from "../approve/read.ts";
import type { RuleSet } from "../approve/rules.ts";
import { UserError } from "../errors.ts";
import {
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
} from "../github/index.ts";
import type { ApprovalSourceRecord } from "../records/promotion.ts";
import { checkName } from "../report/post.ts";
import { readFactsFile } from "../util/facts.ts";
import type { PullFacts } from "./change.ts";

/**
 * Which pull request a merge came from, and whether its head was approved: read from GitHub (the pull request the
 * merge commit belongs to, the `modelgate/approval` status on its head, and the reviews read back against the policy),
 * or from a facts file in approve's format. The policy, and the identity whose status and check runs count, are the
 * rules of the merge's first parent (`rules`), never the merged change's own. Reading fails closed: an API error
 * leaves the models unapproved.
 */

/** The identity modelgate's own jobs run as on GitHub: the only one whose status and check runs publish trusts. */
export function trustedIdentity(rules: RuleSet): { app: string; statusCreator: string } {
  const gh = rules.config.spec.github;
  return { app: gh.app, statusCreator: gh.statusCreator ?? `${gh.app}[bot]` };
}

export interface Approval {
  approved: boolean;
  /** What was found, for the refusal (default "not approved"). */
  status?: string;
  /** What was expected instead (default "success": the modelgate/approval status). */
  expected?: string;
  reason?: string;
  approvers: Approver[];
}

export interface ApprovalSource {
  pull: PullFacts;
  /** Where the approvals come from, as the promotion record says it. */
  from: ApprovalSourceRecord;
  /** Who merged, when the source says (a facts file's mergedBy). */
  mergedBy?: string;
  /** The approval of the pull request's head for these models. */
  approvalFor(models: string[]): Promise<Approval>;
}

const approversOf = (d: ApprovalDecision): Approver[] =>
  d.approvers.map((a) => ({ login: a.login, reviewId: a.reviewId, commit: a.commit, submittedAt: a.submittedAt }));

/** From a facts file (approve --facts format, "mergedBy" optional): read once, with approve's checks and messages. */
export function approvalFromFacts(rules: RuleSet, file: string): ApprovalSource {
  const facts = readFactsFile(file, approvalFactsSchema);
  return {
    pull: { number: facts.pr.number, author: facts.pr.author, head: facts.pr.headSha, url: facts.pr.url },
    from: { from: "facts-file" },
    mergedBy: facts.mergedBy,
    approvalFor: async (models) => {
      const d = decideFromFacts(rules, facts, models);
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
  rules: RuleSet,
  env: NodeJS.ProcessEnv,
  flags: ContextFlags & { pr?: number },
  sha: string,
): Promise<ApprovalSource> {
  const ctx = resolveContext(env, {
    ...flags,
    offline:
      "pass --facts FILE: the merged pull request and its reviews as GitHub would return them (its format: `modelgate approve --help`), e.g. `modelgate publish --facts facts.json`",
  });
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
  const trusted = trustedIdentity(rules);
  return {
    pull: { number: pr.number, author: pr.author, head: pr.headSha, url: pr.htmlUrl },
    from: { from: "github", api: ctx.apiUrl, run: ctx.runUrl ?? null },
    approvalFor: async (models) => {
      if (fork) {
        const refused = await forkRecomputation(ctx, pr, models, trusted.app);
        if (refused) return refused;
      }
      // Only the status modelgate's own approve job set counts: anyone with write access can set a status.
      const status = await latestStatus(ctx, pr.headSha, APPROVAL_CONTEXT, trusted.statusCreator).catch(
        (err: Error) => ({ state: `unreadable (${err.message})`, description: null, others: [] as string[] }),
      );
      const set = status && status.state !== "missing" ? status.state : undefined;
      const impostors = status?.others.length
        ? ` (set aside: ${APPROVAL_CONTEXT} set by ${status.others.join(", ")}, not by ${trusted.statusCreator}, the identity modelgate's jobs run as: modelgate.yaml spec.github)`
        : "";
      const { decision: d, apiError } = await readReviews(ctx, rules, pr, models);
      const approved = set === "success" && d.approved && !apiError;
      return {
        approved,
        // the status is fine: what failed is the reviews read back, and the refusal says so
        status: set !== "success" ? (set ?? "missing") : apiError ? "unreadable" : d.state,
        expected:
          set !== "success" ? "success" : apiError ? "the reviews read back" : "reviews that satisfy the policy",
        reason:
          set !== "success"
            ? `the head commit ${pr.headSha.slice(0, 12)} has ${APPROVAL_CONTEXT} = ${set ?? `no status from ${trusted.statusCreator}`}${impostors}`
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
  app: string,
): Promise<Approval | undefined> {
  for (const model of models) {
    const run = await latestCheckRun(ctx, pr.headSha, checkName(model), app).catch(() => undefined);
    if (run?.conclusion !== "success") {
      const aside = run?.others.length
        ? `; set aside: check runs by ${run.others.join(", ")}, not by the app ${app} modelgate's jobs run as (modelgate.yaml spec.github.app)`
        : "";
      return {
        approved: false,
        status: `${checkName(model)}: ${run && run.status !== "missing" ? (run.conclusion ?? run.status) : `no check run by ${app}`}`,
        reason: `pull request #${pr.number} comes from a fork, whose own evaluation record is not trusted; the check run ${checkName(model)} on its head (the report job's recomputation, by the app ${app}) must be success${aside}`,
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
  rules: RuleSet,
  pr: PullRequestInfo,
  names: string[],
): Promise<{ decision: ApprovalDecision; apiError?: string }> {
  const models = modelsUnderReview(rules, names);
  try {
    const reviews = await listReviews(ctx, pr.number);
    const decision = evaluateApproval(models, await approvalFactsFromGitHub(ctx, pr, models, reviews));
    return { decision };
  } catch (err) {
    if (err instanceof UserError) throw err;
    const apiError = (err as Error).message;
    return { decision: failClosed(models, pr.headSha, apiError), apiError };
  }
}
