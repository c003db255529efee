import { spawnSync } from "node:child_process";

export interface GitState {
  commit: string | null;
  dirty: boolean | null;
  branch: string | null;
}

function git(cwd: string, args: string[]): string | undefined {
  const r = spawnSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/**
 * HEAD, the branch, and whether the working tree differs from HEAD, ignoring modelgate's own records folder
 * (.modelgate/), which training itself writes. All null outside a git repository.
 */
export function gitState(root: string): GitState {
  const commit = git(root, ["rev-parse", "--verify", "HEAD"]);
  if (commit === undefined) {
    const inside = git(root, ["rev-parse", "--is-inside-work-tree"]) === "true";
    return { commit: null, dirty: inside ? true : null, branch: null };
  }
  const status = git(root, ["status", "--porcelain", "--untracked-files=normal", "--", ".", ":(exclude).modelgate"]);
  const branch = git(root, ["symbolic-ref", "--short", "-q", "HEAD"]) ?? null;
  return { commit, dirty: status === undefined ? null : status.length > 0, branch };
}
