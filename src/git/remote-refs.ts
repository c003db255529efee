import type { RemoteTag } from "../vocabulary.ts";
import type { Git } from "./index.ts";

/**
 * What a remote holds, read once per handle (issue #25: a command read the same remote up to four times): its default
 * branch, its branches and its tags from one `git ls-remote --symref`. A push through modelgate's own functions
 * forgets what was read (the remote changed); so does the GitOps writer when a push is rejected, so that its next
 * attempt works on the new tip. A read that failed is not kept.
 */
export interface RemoteRefs {
  /** The branch the remote's HEAD names, when it says. */
  head: string | undefined;
  /** Each branch's commit. */
  heads: Map<string, string>;
  tags: Map<string, RemoteTag>;
}

const read = new WeakMap<Git, Map<string, Promise<RemoteRefs>>>();
/** The commit each private ref was last set to through this handle (fetched, or made and pushed). */
const fetched = new WeakMap<Git, Map<string, string>>();

/** The remote's default branch, branches and tags: one `git ls-remote` per handle until a push forgets it. */
export function remoteRefs(git: Git, remote: string): Promise<RemoteRefs> {
  let byRemote = read.get(git);
  if (!byRemote) read.set(git, (byRemote = new Map()));
  const known = byRemote.get(remote);
  if (known) return known;
  const refs = git.run(["ls-remote", "--symref", remote, "HEAD", "refs/heads/*", "refs/tags/*"]).then(parseRemoteRefs);
  byRemote.set(remote, refs);
  refs.catch(() => {
    if (byRemote.get(remote) === refs) byRemote.delete(remote);
  });
  return refs;
}

/** Forgets what was read of `remote` through `git` (after a push, or a rejected one). */
export function forgetRemote(git: Git, remote: string): void {
  read.get(git)?.delete(remote);
}

/** Notes that the private ref `ref` names `commit` (set through this handle), so that a fetch of it can be skipped. */
export function noteFetched(git: Git, ref: string, commit: string): void {
  let byRef = fetched.get(git);
  if (!byRef) fetched.set(git, (byRef = new Map()));
  byRef.set(ref, commit);
}

/**
 * Sets the private ref `into` to the commit the remote's branch holds (as its `git ls-remote` through this handle
 * said) and returns it; undefined when the remote has no such branch. Fetches only when that commit is not already
 * here through this handle (fetched into another private ref, or made and pushed): then one `git update-ref` does, or
 * nothing when `into` already names it. Throws GitError when the remote cannot be read or the fetch fails.
 */
export async function fetchListedBranch(
  git: Git,
  remote: string,
  branch: string,
  into: string,
): Promise<string | undefined> {
  const listed = (await remoteRefs(git, remote)).heads.get(branch);
  if (!listed) return undefined;
  const byRef = fetched.get(git);
  if (byRef?.get(into) === listed) return listed;
  if (byRef && [...byRef.values()].includes(listed)) {
    await git.run(["update-ref", into, listed]);
    noteFetched(git, into, listed);
    return listed;
  }
  await git.run(["fetch", "-q", "--no-tags", remote, `+refs/heads/${branch}:${into}`]);
  const commit = await git.revParse(into);
  if (commit) noteFetched(git, into, commit);
  return commit;
}

/** The refs in `git ls-remote --symref` output. */
export function parseRemoteRefs(out: string): RemoteRefs {
  const heads = new Map<string, string>();
  for (const line of out.split("\n")) {
    const m = /^([0-9a-f]{40,64})\trefs\/heads\/(.+)$/.exec(line);
    if (m) heads.set(m[2], m[1]);
  }
  const head = /^ref: refs\/heads\/(\S+)\s+HEAD$/m.exec(out)?.[1];
  return { head, heads, tags: parseLsRemoteTags(out) };
}

/** The tags in `git ls-remote --tags` output: a `^{}` line gives the commit an annotated tag peels to. */
function parseLsRemoteTags(out: string): Map<string, RemoteTag> {
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
