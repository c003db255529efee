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

/** The name origin's HEAD is tried as when its branch is not named (`originHeadAsIs`, or `remoteHead` cannot say). */
export const ORIGIN_HEAD = "origin/HEAD";

/**
 * The default branch: the pull request's base (`named`, GITHUB_BASE_REF: origin/NAME, then NAME), else origin's HEAD,
 * else origin/main, main, origin/master, master; with `onlyNamed`, a named base and nothing after it. The candidates,
 * origin's HEAD and `also` (names a caller resolves beside them, such as HEAD) go through one `git cat-file --batch`;
 * origin's HEAD, when it names a commit and is the first found, is named by the branch it points to (`remoteHead`, one
 * git process more), or, with `originHeadAsIs`, tried as ORIGIN_HEAD: for a caller that needs the name only in a
 * message, and asks `remoteHead` then.
 */
export async function findDefaultBranch(
  git: Git,
  named: string | undefined,
  opts: { onlyNamed?: boolean; also?: string[]; originHeadAsIs?: boolean } = {},
): Promise<DefaultBranchSearch> {
  const also = opts.also ?? [];
  const fallback = !named || !opts.onlyNamed;
  // origin's HEAD by its full name: a branch some clone named "origin/HEAD" is not origin's HEAD
  const names = [
    ...(named ? [`origin/${named}`, named] : []),
    ...(fallback ? ["refs/remotes/origin/HEAD", ...DEFAULT_BRANCHES] : []),
  ];
  const commits = await resolveCommits(git, [...also, ...names]);
  const tried: string[] = [];
  let found: DefaultBranchSearch["found"];
  for (const [i, name] of names.entries()) {
    const commit = commits[also.length + i];
    let ref = name;
    if (name === "refs/remotes/origin/HEAD") {
      // a candidate only when the clone has one
      if (!commit) continue;
      ref = opts.originHeadAsIs || found ? ORIGIN_HEAD : ((await remoteHead(git, "origin")) ?? ORIGIN_HEAD);
    }
    tried.push(ref);
    if (commit && !found) found = { ref, commit };
  }
  return { tried, also: commits.slice(0, also.length), ...(found ? { found } : {}) };
}
