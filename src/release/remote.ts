import { CheckFailed } from "../errors.ts";
import { type Git, GitError, type Identity, openGit } from "../git/index.ts";
import { isRejection } from "../ledger/writer.ts";
import { retryDelay } from "../util/retry.ts";
import type { RegistryView, ReleaseTarget, RemoteTag } from "./checks.ts";

/**
 * What release reads from the GitOps remote, and the one thing it writes there without a commit (a registry tag of
 * `--unassign` / `--deregister`). The remote is the registry: tags are read from it, never from the local clone,
 * whose tags may be stale or never pushed.
 */

/** Every tag on the remote with the object it names and the commit it peels to: one `git ls-remote`. */
export async function remoteTags(git: Git, remote: string): Promise<Map<string, RemoteTag>> {
  let out: string;
  try {
    out = await git.run(["ls-remote", "--tags", remote]);
  } catch (err) {
    if (!(err instanceof GitError)) throw err;
    throw new CheckFailed(
      `cannot read the tags of ${remote}, the registry release reads: ${err.message.replace(/^git ls-remote [^:]*: /, "")}`,
    );
  }
  const direct = new Map<string, string>();
  const peeled = new Map<string, string>();
  for (const line of out.split("\n")) {
    const m = /^([0-9a-f]{40,64})\trefs\/tags\/(.+)$/.exec(line);
    if (!m) continue;
    if (m[2].endsWith("^{}")) peeled.set(m[2].slice(0, -3), m[1]);
    else direct.set(m[2], m[1]);
  }
  const tags = new Map<string, RemoteTag>();
  for (const [name, oid] of direct) {
    const commit = peeled.get(name);
    tags.set(name, { name, oid, annotated: commit !== undefined, commit: commit ?? oid });
  }
  return tags;
}

/** Fetches the branch's tip into a private ref and returns it (undefined when the branch does not exist). */
export async function fetchTip(git: Git, remote: string, branch: string): Promise<string | undefined> {
  const ref = "refs/modelgate/release/tip";
  const ok = await git.tryRun(["fetch", "-q", "--no-tags", remote, `+refs/heads/${branch}:${ref}`]);
  return ok === undefined ? undefined : git.revParse(ref);
}

/**
 * Fetches one tag from the remote into a private ref and reads it as git sees it: its type (`git cat-file -t`:
 * "tag" for an annotated tag, "commit" for a lightweight one) and, for an annotated tag, the tag object's text.
 */
export async function fetchTagObject(
  git: Git,
  remote: string,
  tag: string,
): Promise<{ type: string; oid: string; text: string | undefined }> {
  const ref = "refs/modelgate/release/tag";
  await git.run(["fetch", "-q", "--no-tags", remote, `+refs/tags/${tag}:${ref}`]);
  const oid = (await git.objectId(ref)) ?? "";
  const type = (await git.objectType(oid)) ?? "";
  const text = type === "tag" ? await git.run(["cat-file", "tag", oid]) : undefined;
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

export interface TagSpec {
  name: string;
  target: string;
  message: string;
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
    await tagger.run(["tag", "-a", "-f", "-m", spec.message, spec.name, spec.target]);
    try {
      await git.run(["push", "--porcelain", remote, `refs/tags/${spec.name}`]);
      return spec;
    } catch (err) {
      await git.tryRun(["tag", "-d", spec.name]);
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
