import type { Git } from "./index.ts";
import { resolveCommits } from "./resolve-many.ts";
import { remoteHead } from "./worktree.ts";

/** The default branch's candidates after the pull request's base and origin's HEAD, in the order tried. */
export const DEFAULT_BRANCHES = ["origin/main", "main", "origin/master", "master"];

/** What the search for the default branch found. */
export interface DefaultBranchSearch {
  /** The first candidate that names a commit, and that commit; undefined when none does. */
  found?: { ref: string; commit: string };
  /** The candidates, in the order tried. */
  tried: string[];
  /** The commit each of `also` resolves to (undefined for none), in their order. */
  also: (string | undefined)[];
}

/** The name origin's HEAD is tried as with `originHeadAsIs` (a caller asks `remoteHead` for the branch it points to). */
export const ORIGIN_HEAD = "origin/HEAD";

/**
 * The default branch: the pull request's base (`named`, GITHUB_BASE_REF: origin/NAME, then NAME), else origin's HEAD,
 * else origin/main, main, origin/master, master; with `onlyNamed`, a named base and nothing after it. The candidates
 * and `also` (names a caller resolves beside them, such as HEAD) go through one `git cat-file --batch` while origin's
 * HEAD is read; origin's HEAD itself, when it is none of them, through one rev-parse more. With `originHeadAsIs`,
 * origin's HEAD is resolved in the same batch and tried as ORIGIN_HEAD, the branch it points to unnamed: no other git
 * process, for a caller that needs the name only in a message.
 */
export async function findDefaultBranch(
  git: Git,
  named: string | undefined,
  opts: { onlyNamed?: boolean; also?: string[]; originHeadAsIs?: boolean } = {},
): Promise<DefaultBranchSearch> {
  const also = opts.also ?? [];
  const first = named ? [`origin/${named}`, named] : [];
  const fallback = !named || !opts.onlyNamed;
  const rest = fallback ? DEFAULT_BRANCHES : [];
  const batch = [...first, ...rest];
  if (fallback && opts.originHeadAsIs) {
    // refs/remotes/origin/HEAD in full: a branch some clone named "origin/HEAD" is not origin's HEAD
    const names = [...first, "refs/remotes/origin/HEAD", ...rest];
    const commits = await resolveCommits(git, [...also, ...names]);
    const candidates = names.map((n, i) => ({
      ref: i === first.length ? ORIGIN_HEAD : n,
      commit: commits[also.length + i],
    }));
    const tried = candidates.filter((c, i) => i !== first.length || c.commit !== undefined).map((c) => c.ref);
    const hit = candidates.find((c) => c.commit !== undefined);
    const result: DefaultBranchSearch = { tried, also: commits.slice(0, also.length) };
    return hit?.commit ? { ...result, found: { ref: hit.ref, commit: hit.commit } } : result;
  }
  const [commits, originHead] = await Promise.all([
    resolveCommits(git, [...also, ...batch]),
    fallback ? remoteHead(git, "origin") : undefined,
  ]);
  const commitOf = new Map(batch.map((ref, i) => [ref, commits[also.length + i]]));
  const tried = [...first, ...(originHead ? [originHead] : []), ...rest];
  const result: DefaultBranchSearch = { tried, also: commits.slice(0, also.length) };
  for (const ref of tried) {
    const commit = commitOf.has(ref) ? commitOf.get(ref) : await git.revParse(ref);
    if (commit) return { ...result, found: { ref, commit } };
  }
  return result;
}
