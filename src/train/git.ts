import { openGit } from "../git/index.ts";

export interface GitState {
  commit: string | null;
  dirty: boolean | null;
  branch: string | null;
}

/**
 * HEAD, the branch, and whether the working tree differs from HEAD, ignoring modelgate's own records folder
 * (.modelgate/), which training itself writes. All null outside a git repository.
 */
export async function gitState(root: string): Promise<GitState> {
  const git = openGit(root);
  const commit = await git.revParse("HEAD");
  if (commit === undefined) {
    const inside = (await git.tryRun(["rev-parse", "--is-inside-work-tree"])) === "true";
    return { commit: null, dirty: inside ? true : null, branch: null };
  }
  const status = await git.tryRun([
    "status",
    "--porcelain",
    "--untracked-files=normal",
    "--",
    ".",
    ":(exclude).modelgate",
  ]);
  const branch = (await git.tryRun(["symbolic-ref", "--short", "-q", "HEAD"])) ?? null;
  return { commit, dirty: status === undefined ? null : status.length > 0, branch };
}
