import { CheckFailed } from "../errors.ts";
import { type Git, GitError, type Identity, openGit } from "../git/index.ts";
import { isRejection, type TagSpec } from "../ledger/writer.ts";
import { retryDelay } from "../util/retry.ts";
import {
  deleteLocalTag,
  fetchBranch,
  fetchTag,
  lsRemoteTags,
  makeAnnotatedTag,
  pushTag,
  tagObjectText,
} from "../git/remote.ts";
import type { RemoteTag } from "../vocabulary.ts";
import type { RegistryView, ReleaseTarget } from "./checks.ts";

/**
 * What release reads from the GitOps remote, and the one thing it writes there without a commit (a registry tag of
 * `--unassign` / `--deregister`). The remote is the registry: tags are read from it, never from the local clone,
 * whose tags may be stale or never pushed.
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

/** Fetches the branch's tip into a private ref and returns it (undefined when the branch does not exist). */
export async function fetchTip(git: Git, remote: string, branch: string): Promise<string | undefined> {
  return fetchBranch(git, remote, branch, "refs/modelgate/release/tip");
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
  const ledgerText = tip ? ((await git.show(tip, t.ledgerPath)) ?? "") : "";
  const overlayText = tip ? await git.show(tip, t.overlayPath) : undefined;
  let onBranch = false;
  if (tag && tip) onBranch = tag.commit === tip || (await git.isAncestor(tag.commit, tip));
  return {
    tags,
    ledgerText,
    overlayText,
    onBranch,
    versionLedgerText: tag && onBranch ? await git.show(tag.commit, t.ledgerPath) : undefined,
    versionOverlayText: tag && onBranch ? await git.show(tag.commit, t.publishOverlayPath) : undefined,
  };
}

/**
 * Makes an annotated tag and pushes it alone (no commit), as GTO's registry operations do. `compute` sees the
 * remote's tags on each attempt and names the tag (or undefined: nothing to do); a rejected push (the name was taken
 * meanwhile) is retried with a fresh view, a bounded number of times.
 */
export async function pushRegistryTag(
  git: Git,
  remote: string,
  identity: Identity,
  compute: (tags: Map<string, RemoteTag>) => Promise<TagSpec | undefined>,
  opts: { maxAttempts?: number; backoffMs?: number; log?: (line: string) => void } = {},
): Promise<TagSpec | undefined> {
  const maxAttempts = opts.maxAttempts ?? 6;
  const tagger = openGit(git.dir, { identity });
  for (let attempt = 1; ; attempt++) {
    const spec = await compute(await remoteTags(git, remote));
    if (!spec) return undefined;
    await makeAnnotatedTag(tagger, spec.name, spec.target, spec.message);
    try {
      await pushTag(git, remote, spec.name);
      return spec;
    } catch (err) {
      await deleteLocalTag(git, spec.name);
      const message = err instanceof GitError ? err.message : String(err);
      if (!isRejection(message) || attempt >= maxAttempts) {
        if (!(err instanceof GitError)) throw err;
        throw new CheckFailed(
          `could not push the tag ${spec.name} to ${remote} (attempt ${attempt} of ${maxAttempts}): ${message.replace(/^git push [^:]*: /, "")}`,
        );
      }
      const base = opts.backoffMs ?? 250;
      const wait = retryDelay(attempt - 1, { retries: maxAttempts - 1, baseMs: base, maxMs: 8 * base + 2000 });
      opts.log?.(`push of ${spec.name} rejected (attempt ${attempt} of ${maxAttempts}); retrying in ${wait} ms`);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}
