import {
  collaboratorPermission,
  fileAtCommit,
  type GitHubContext,
  headPushers,
  listPullRequestFiles,
  type PullRequestInfo,
  pullRequestCommitAuthors,
  teamMembers,
} from "../github/index.ts";
import type { Permission, ReviewFact } from "../vocabulary.ts";
import { type ApprovalFacts, factsNeeded, type ModelUnderReview } from "./policy.ts";
import { type RuleChange, type RuleSet, ruleChanges, ruleFilesTouched, rulesWithFiles } from "./rules.ts";

/**
 * The facts of one decision, read from GitHub: the reviewers' permissions, the teams' members, who pushed the head
 * commit (the head repository's activity log) and, when a policy excludes them, the authors and committers of the
 * commits under review. `approve` and `publish` both read them here. Any API error is thrown: the callers fail closed.
 */

/** Permissions and members already read in this run (each is asked once). */
export interface FactCache {
  permissions: Record<string, Permission>;
  teams: Record<string, string[]>;
}

export function newFactCache(): FactCache {
  return { permissions: {}, teams: {} };
}

/**
 * What a pull request does to the rules that judge it: the rule files GitHub lists among its files, read at its head
 * commit (contents API: the head may be in a fork, and is not in the clone) and compared rule by rule with `rules`.
 */
export async function pullRequestRuleChanges(
  ctx: GitHubContext,
  pr: Pick<PullRequestInfo, "number" | "headSha">,
  rules: RuleSet,
): Promise<RuleChange[]> {
  const touched = ruleFilesTouched(await listPullRequestFiles(ctx, pr.number), rules);
  if (touched.length === 0) return [];
  const files = new Map<string, string | undefined>();
  for (const f of touched) files.set(f, await fileAtCommit(ctx, f, pr.headSha));
  const after = rulesWithFiles(rules, files);
  return [...ruleChanges(rules, after.rules), ...after.unreadable];
}

export async function approvalFactsFromGitHub(
  ctx: GitHubContext,
  pr: PullRequestInfo,
  models: ModelUnderReview[],
  reviews: ReviewFact[],
  cache: FactCache = newFactCache(),
): Promise<ApprovalFacts> {
  const need = factsNeeded(models, reviews, pr.author);
  for (const login of need.logins) cache.permissions[login] ??= await collaboratorPermission(ctx, login);
  for (const team of need.teams) cache.teams[team] ??= await teamMembers(ctx, team);
  return {
    pr: { number: pr.number, author: pr.author, headSha: pr.headSha },
    reviews,
    permissions: cache.permissions,
    teams: cache.teams,
    headPushers: await headPushers(ctx, pr),
    ...(need.commitAuthors ? { commitAuthors: await pullRequestCommitAuthors(ctx, pr.number) } : {}),
  };
}
