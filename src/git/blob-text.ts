import type { Git } from "./index.ts";

/**
 * A file's text at a commit, as `Git.show` gives it (undefined when it is not there), read through the repository's
 * one `git cat-file --batch` instead of a `git show` process: a file's bytes as UTF-8, which is what `git show` prints
 * of a blob. What is no file there (a folder) is still asked of `git show`, which words it its own way.
 */
export async function blobText(git: Git, commit: string, path: string): Promise<string | undefined> {
  const [o] = await git.catFileBatch([`${commit}:${path}`]).catch(() => [undefined]);
  if (o === undefined) return git.show(commit, path);
  return o.type === "blob" ? o.content.toString("utf8") : git.show(commit, path);
}
