/**
 * What a model repository keeps out of git: modelgate's local OCI image store (publish and package write it when no
 * registry is configured; a `git add -A` would otherwise commit every image into the next pull request), its
 * scratch folder and the training logs (the training record, which is committed, holds their digest). The evaluation
 * and training records under .modelgate/ are not ignored: a pull request carries them.
 */
export const MODELGATE_IGNORES = [".modelgate/images/", ".modelgate/tmp/", ".modelgate/training/*.log"] as const;

const HEADER =
  "# modelgate: its local image store, scratch files and training logs stay out of git (the records under\n# .modelgate/evaluations and .modelgate/training/*.json are committed with the pull request).";

/** The patterns of a .gitignore, without comments and blank lines, as written. */
function patterns(text: string): Set<string> {
  return new Set(
    text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("#")),
  );
}

/**
 * The .gitignore with modelgate's patterns: `existing` (a person's file, kept as it is) followed by the patterns it
 * lacks; undefined when it has them all. Pure.
 */
export function gitignoreWithModelgate(existing?: string): string | undefined {
  const have = existing === undefined ? new Set<string>() : patterns(existing);
  const missing = MODELGATE_IGNORES.filter((p) => !have.has(p));
  if (missing.length === 0) return undefined;
  const block = `${HEADER}\n${missing.join("\n")}\n`;
  if (existing === undefined || existing.trim() === "") return block;
  return `${existing.replace(/\s*$/, "")}\n\n${block}`;
}
