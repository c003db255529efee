/**
 * A published version is immutable, so another artifact needs another `spec.version`. The one rule, judged by
 * validate on a pull request (against the base branch's manifest) and by publish on a merge (against the first
 * parent's). Pure: what the two commits hold in, a sentence out.
 */

/** What a Model manifest says of its artifact at one commit. */
export interface ArtifactVersion {
  version: string;
  /** spec.artifact.sha256 */
  sha256?: string;
}

const short = (s: string | undefined) => (s ? `${s.slice(0, 12)}…` : "(none)");

/**
 * Why the change from `before` to `after` needs a version bump it lacks, or undefined when it needs none: a new model,
 * a bumped version, a base that pinned no artifact, or the same artifact (the same digest, and the file unchanged
 * where its bytes are in git).
 */
export function unbumpedVersion(o: {
  /** The manifest at the base; undefined for a model that is new. */
  before: ArtifactVersion | undefined;
  after: ArtifactVersion;
  /** The artifact file's path, and whether git holds other bytes there than at the base. */
  artifact: { path: string; changed: boolean };
  /** The commit compared with, for the message (e.g. "main (1a2b3c4d5e6f)"). */
  base: string;
}): string | undefined {
  const { before, after } = o;
  // a manifest that pinned no artifact was never published (publish needs the pin): its version is still open
  if (!before || before.version !== after.version || before.sha256 === undefined) return undefined;
  const digest = before.sha256 !== after.sha256;
  if (!digest && !o.artifact.changed) return undefined;
  const why = digest
    ? `spec.artifact.sha256 is ${short(after.sha256)}, ${short(before.sha256)} at ${o.base}`
    : `${o.artifact.path} differs from ${o.base}'s, and spec.artifact.sha256 is unchanged (run \`modelgate lock\` too)`;
  return `the artifact changed but spec.version did not: bump it (${why}; spec.version is ${after.version} in both)`;
}
