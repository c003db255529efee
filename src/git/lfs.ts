import type { Git } from "./index.ts";
import { worktreePrefix } from "./worktree.ts";

/**
 * git-lfs, through git: whether it is installed, and fetching the content of pointer files into the work tree. A
 * question git cannot answer gets undefined; a fetch that fails throws git-lfs's own message.
 */

/** `git lfs version`'s answer, or undefined when git-lfs is not installed. */
export async function lfsVersion(git: Git): Promise<string | undefined> {
  return (await git.tryRun(["lfs", "version"])) || undefined;
}

/**
 * `git lfs pull` for these files (paths relative to the Git handle's folder): downloads their content from the LFS
 * server and writes it over the pointers in the work tree.
 */
export async function lfsPull(git: Git, paths: string[]): Promise<void> {
  const prefix = await worktreePrefix(git);
  // --include takes patterns relative to the top of the work tree; a literal file name matches itself
  await git.run(["lfs", "pull", `--include=${paths.map((p) => `${prefix}${p}`).join(",")}`, "--exclude="]);
}
