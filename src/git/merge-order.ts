import type { Git } from "./index.ts";

/**
 * Named git operations for publish's merge order: whether one merge came after another on the default branch. A
 * commit that is not in the clone (a shallow CI checkout) is fetched from the remote by its id first.
 */

/** True when the clone has `sha` as a commit. */
export async function hasCommit(git: Git, sha: string): Promise<boolean> {
  return (await git.tryRun(["cat-file", "-e", `${sha}^{commit}`])) !== undefined;
}

/** Fetches one commit by its id (no tags, no ref): true when the clone has it afterwards. */
export async function fetchCommit(git: Git, remote: string, sha: string): Promise<boolean> {
  if (await hasCommit(git, sha)) return true;
  await git.tryRun(["fetch", "-q", "--no-tags", "--no-write-fetch-head", remote, sha]);
  return hasCommit(git, sha);
}

/**
 * Whether `later` came after `earlier` (`earlier` is a strict ancestor of it): true, false, or undefined when the
 * clone does not have `later` and the remote would not give it.
 */
export async function cameAfter(
  git: Git,
  remote: string,
  earlier: string,
  later: string,
): Promise<boolean | undefined> {
  if (earlier === later) return false;
  if (!(await fetchCommit(git, remote, later))) return undefined;
  return git.isAncestor(earlier, later);
}
