import type { Git } from "./index.ts";

/**
 * Questions about the work tree and the repository around a Git handle's folder, each one named: what train records
 * (HEAD's branch, a dirty tree), what plan and evaluate's baseline need to find their way (the folder's path in the
 * tree, the remote's default branch, a shallow clone). Each asks git once and never throws: a question git cannot
 * answer (outside a repository, no such ref) gets undefined or false.
 */

/** True when the folder is inside a git repository (its work tree or its .git folder). */
export async function isGitRepository(git: Git): Promise<boolean> {
  return Boolean(await git.tryRun(["rev-parse", "--git-dir"]));
}

/** True when the folder is inside a work tree (false in a bare repository, or outside any repository). */
export async function isInsideWorkTree(git: Git): Promise<boolean> {
  return (await git.tryRun(["rev-parse", "--is-inside-work-tree"])) === "true";
}

/** True in a shallow clone (actions/checkout's default depth of 1): history before its cut is missing. */
export async function isShallowRepository(git: Git): Promise<boolean> {
  return (await git.tryRun(["rev-parse", "--is-shallow-repository"])) === "true";
}

/**
 * The folder's path from the top of the work tree, with a trailing slash ("models/churn/"), "" at the top or
 * outside a work tree: what to put before a folder-relative path to name it in a commit's tree.
 */
export async function worktreePrefix(git: Git): Promise<string> {
  return (await git.tryRun(["rev-parse", "--show-prefix"])) ?? "";
}

/** The branch HEAD is on (short name), or undefined when HEAD is detached or there is no repository. */
export async function currentBranch(git: Git): Promise<string | undefined> {
  return (await git.tryRun(["symbolic-ref", "--short", "-q", "HEAD"])) || undefined;
}

/** The branch a remote's HEAD points to, as a remote-tracking ref ("origin/main"), when the clone recorded it. */
export async function remoteHead(git: Git, remote = "origin"): Promise<string | undefined> {
  return (await git.tryRun(["symbolic-ref", "-q", "--short", `refs/remotes/${remote}/HEAD`])) || undefined;
}

/**
 * Whether the work tree under the folder differs from HEAD (changed, staged or untracked files, ignored ones
 * aside), leaving out the given folders (relative to the handle's folder); undefined when git cannot tell.
 */
export async function hasUncommittedChanges(git: Git, exclude: string[] = []): Promise<boolean | undefined> {
  const status = await git.tryRun([
    "status",
    "--porcelain",
    "--untracked-files=normal",
    "--",
    ".",
    ...exclude.map((p) => `:(exclude)${p}`),
  ]);
  return status === undefined ? undefined : status.length > 0;
}

/** A git configuration value as git resolves it for `dir` (repository, global, GIT_CONFIG_*), or undefined. */
export async function configValue(git: Git, key: string): Promise<string | undefined> {
  return (await git.tryRun(["config", "--get", key])) || undefined;
}
