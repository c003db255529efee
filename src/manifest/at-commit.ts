import { type ManifestAtCommit, manifestWith } from "./at-commit-plain.ts";
import type { Kind } from "./schema.ts";
import { parseManifest } from "./yaml.ts";

export { type ManifestAtCommit, readManifestAt, readManifestsAt } from "./at-commit-plain.ts";

/**
 * A manifest from the bytes `<commit>:<file>` holds, already read (by a caller that reads many commits' objects in
 * one `git cat-file --batch`, as audit does): the same rules as readManifestsAt.
 */
export function manifestAt<K extends Kind>(
  commit: string,
  file: string,
  bytes: Buffer | undefined,
  kind: K,
): ManifestAtCommit<K> {
  return manifestWith(parseManifest, commit, file, bytes, kind) as ManifestAtCommit<K>;
}
