import { CheckFailed } from "../errors.ts";
import { blobReader } from "../git/batch.ts";
import { type Git, GitError } from "../git/index.ts";
import { fetchBranch, fetchTag, lsRemoteTags, tagObjectText } from "../git/remote.ts";
import { trackingRef } from "../ledger/writer.ts";
import type { RemoteTag } from "../vocabulary.ts";
import type { RegistryView, ReleaseTarget } from "./checks.ts";

/**
 * What release reads from the GitOps remote. The remote is the registry: tags are read from it, never from the local
 * clone, whose tags may be stale or never pushed. (Everything release writes goes through ../ledger/writer.ts: a
 * commit and its tags, pushed together.)
 */

/** Every tag on the remote (one `git ls-remote`); a remote that cannot be read refuses the release (exit 1). */
export async function remoteTags(git: Git, remote: string): Promise<Map<string, RemoteTag>> {
  try {
    return await lsRemoteTags(git, remote);
  } catch (err) {
    if (!(err instanceof GitError)) throw err;
    throw new CheckFailed(
      `cannot read the tags of ${remote}, the registry release reads: ${err.message.replace(/^git ls-remote [^:]*: /, "")}`,
    );
  }
}

/**
 * Fetches the branch's tip into the GitOps writer's private ref and returns it (undefined when the branch does not
 * exist or cannot be read): the writer, which reads the same tip next, then fetches nothing.
 */
export async function fetchTip(git: Git, remote: string, branch: string): Promise<string | undefined> {
  return fetchBranch(git, remote, branch, trackingRef(branch));
}

/** A tag object as git sees it: its type (`git cat-file -t`) and, for an annotated tag, its text. */
export interface TagObject {
  /** "tag" for an annotated tag, "commit" for a lightweight one, "" when missing. */
  type: string;
  oid: string;
  text: string | undefined;
}

/** Fetches one tag from the remote into a private ref and reads it as git sees it. */
export async function fetchTagObject(git: Git, remote: string, tag: string): Promise<TagObject> {
  const oid = (await fetchTag(git, remote, tag, "refs/modelgate/release/tag")) ?? "";
  const type = (await git.objectType(oid)) ?? "";
  const text = type === "tag" ? await tagObjectText(git, oid) : undefined;
  return { type, oid, text };
}

/** The parts of the GitOps tree at `tip` (and at the version's commit) that the release checks read. */
export async function readView(
  git: Git,
  t: ReleaseTarget,
  tip: string | undefined,
  tags: Map<string, RemoteTag>,
  versionTagName: string,
): Promise<RegistryView> {
  const tag = tags.get(versionTagName);
  const read = blobReader(git);
  const atTip = (path: string) => read(tip, path);
  const atVersion = (path: string) => read(tag?.commit, path);
  // the four files in one `git cat-file --batch`: the version's two are read (and kept only when it is on the branch)
  const [ledgerText, overlayText, onBranch, versionLedgerText, versionOverlayText] = await Promise.all([
    atTip(t.ledgerPath).then((text) => (tip ? (text ?? "") : "")),
    atTip(t.overlayPath),
    tag && tip ? tag.commit === tip || git.isAncestor(tag.commit, tip) : false,
    atVersion(t.ledgerPath),
    atVersion(t.publishOverlayPath),
  ]);
  return {
    tags,
    ledgerText,
    overlayText,
    onBranch,
    versionLedgerText: tag && onBranch ? versionLedgerText : undefined,
    versionOverlayText: tag && onBranch ? versionOverlayText : undefined,
  };
}
