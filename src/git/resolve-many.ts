import type { Git } from "./index.ts";

/**
 * The commit each name resolves to (as `git rev-parse --verify -q NAME^{commit}` would), undefined for a name that
 * names no commit, all through one `git cat-file --batch`; undefined for all when git cannot read the
 * repository. For a check that tries several names at once (HEAD and the candidates of a default branch).
 */
export async function resolveCommits(git: Git, names: string[]): Promise<(string | undefined)[]> {
  if (names.some((n) => /[\r\n]/.test(n) || n.trim() !== n || n === "")) {
    return Promise.all(names.map((n) => git.revParse(n)));
  }
  const objects = await git.catFileBatch(names.map((n) => `${n}^{commit}`)).catch(() => undefined);
  return names.map((_, i) => {
    const o = objects?.[i];
    return o?.type === "commit" ? o.oid : undefined;
  });
}
