import type { RemoteTag } from "../vocabulary.ts";
import type { Git } from "./index.ts";
import { fetchListedBranch, forgetRemote, remoteRefs } from "./remote-refs.ts";

/**
 * Named git operations on a remote and on the tags and branches modelgate pushes to it: reading a remote's tags and
 * branches, fetching one ref into a private ref, pushing or deleting one tag or branch. Each throws GitError with
 * git's own message (or, where named so, answers undefined or false) and leaves the messages to its caller.
 */

/** True when `git` runs inside a git repository (a clone, a worktree or a bare repository). */
export async function isRepository(git: Git): Promise<boolean> {
  return (await git.tryRun(["rev-parse", "--git-dir"])) !== undefined;
}

/**
 * Every tag on the remote with the object it names and the commit it peels to: from the one `git ls-remote` of the
 * remote this handle makes until it pushes (src/git/remote-refs.ts).
 */
export async function lsRemoteTags(git: Git, remote: string): Promise<Map<string, RemoteTag>> {
  return new Map((await remoteRefs(git, remote)).tags);
}

/** True when the remote has the branch (per its `git ls-remote`); false too when it cannot be read. */
export async function remoteBranchExists(git: Git, remote: string, branch: string): Promise<boolean> {
  return remoteRefs(git, remote).then(
    (refs) => refs.heads.has(branch),
    () => false,
  );
}

/**
 * Fetches the remote's branch into the private ref `into` (no tags) and returns the commit it names, or undefined
 * when the branch does not exist (or the fetch failed); a commit already here is not fetched again
 * (src/git/remote-refs.ts).
 */
export async function fetchBranch(git: Git, remote: string, branch: string, into: string): Promise<string | undefined> {
  return fetchListedBranch(git, remote, branch, into).catch(() => undefined);
}

/** Fetches one of the remote's tags into the private ref `into` and returns the object it names (not peeled). */
export async function fetchTag(git: Git, remote: string, tag: string, into: string): Promise<string | undefined> {
  await git.run(["fetch", "-q", "--no-tags", remote, `+refs/tags/${tag}:${into}`]);
  return git.objectId(into);
}

/** The text of an annotated tag object (`git cat-file tag`): its tagger, message and signature, if any. */
export async function tagObjectText(git: Git, oid: string): Promise<string> {
  return git.run(["cat-file", "tag", oid]);
}

/** Creates (or moves) the remote's branch to `commit`. */
export async function pushBranch(git: Git, remote: string, commit: string, branch: string): Promise<void> {
  try {
    await git.run(["push", "--porcelain", remote, `${commit}:refs/heads/${branch}`]);
  } finally {
    forgetRemote(git, remote);
  }
}

/** Deletes the remote's branch; false when that failed (there was none, or the remote refused). */
export async function deleteRemoteBranch(git: Git, remote: string, branch: string): Promise<boolean> {
  const done = (await git.tryRun(["push", "-q", remote, "--delete", branch])) !== undefined;
  forgetRemote(git, remote);
  return done;
}
