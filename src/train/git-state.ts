import type { Git } from "../git/index.ts";
import { currentBranch, hasUncommittedChanges, isInsideWorkTree } from "../git/worktree.ts";

export interface GitState {
  commit: string | null;
  dirty: boolean | null;
  branch: string | null;
}

/**
 * HEAD, the branch, and whether the working tree differs from HEAD, ignoring modelgate's own records folder
 * (.modelgate/), which training itself writes. All null outside a git repository. `git` is opened at the repository
 * root.
 */
export async function gitState(git: Git): Promise<GitState> {
  const commit = await git.revParse("HEAD");
  if (commit === undefined) return { commit: null, dirty: (await isInsideWorkTree(git)) ? true : null, branch: null };
  const dirty = await hasUncommittedChanges(git, [".modelgate"]);
  return { commit, dirty: dirty ?? null, branch: (await currentBranch(git)) ?? null };
}
