import type { Git } from "./index.ts";

/**
 * Which of the given files (relative to the handle's folder) are not committed as they are: changed, staged, new
 * (untracked, unless git ignores them) or deleted since HEAD; in a repository without a commit, every one git sees.
 * Undefined outside a git work tree. NUL-separated output, so any file name is read exactly.
 */
export async function uncommittedPaths(git: Git, paths: string[]): Promise<string[] | undefined> {
  if (paths.length === 0) return [];
  const [inside, prefix = ""] = (
    (await git.tryRun(["rev-parse", "--is-inside-work-tree", "--show-prefix"])) ?? ""
  ).split("\n");
  if (inside !== "true") return undefined;
  let out: string;
  try {
    out = await git.run([
      "status",
      "--porcelain=v1",
      "-z",
      "--untracked-files=all",
      "--no-renames",
      "--",
      ...paths.map((p) => `:(literal)${p}`),
    ]);
  } catch {
    return undefined;
  }
  // each entry is "XY <path from the top of the work tree>"
  const seen = new Set(
    out
      .split("\0")
      .filter((e) => e.length > 3)
      .map((e) => e.slice(3)),
  );
  return paths.filter((p) => seen.has(`${prefix}${p}`));
}
