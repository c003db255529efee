import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { addToIndex, writeBlobs } from "./batch.ts";
import { type Git, GitError } from "./index.ts";
import { fetchListedBranch, forgetRemote, noteFetched, remoteRefs } from "./remote-refs.ts";

/**
 * Named git operations of the GitOps writer (src/ledger/writer.ts): reading a remote branch and its tags, building a
 * commit on a tip with a private index (no checkout), annotated tags, and an atomic push.
 */

/** The default branch of a remote (what its HEAD names), or "main" when the remote does not say. */
export async function remoteDefaultBranch(git: Git, remote: string): Promise<string> {
  const refs = await remoteRefs(git, remote).catch(() => undefined);
  return refs?.head ?? "main";
}

/**
 * Fetches the remote branch into `trackingRef`; its commit, or undefined when the remote has no such branch. Any other
 * failure (the remote unreachable, a full disk) throws GitError: it is never taken for an empty branch. The branch is
 * looked up in the remote's refs as this handle read them; a commit already here is not fetched again
 * (src/git/remote-refs.ts).
 */
export async function fetchBranchTip(
  git: Git,
  remote: string,
  branch: string,
  trackingRef: string,
): Promise<string | undefined> {
  try {
    return await fetchListedBranch(git, remote, branch, trackingRef);
  } catch (err) {
    if (err instanceof GitError && /couldn't find remote ref/i.test(err.message)) return undefined;
    throw err;
  }
}

/**
 * A commit whose tree is `base`'s with `files` written over it, made through `plumbing` (a handle whose
 * GIT_INDEX_FILE is private); the blobs pass through files in `scratch`, never through a checkout: one process each
 * to read the tree, hash the blobs, add them, write the tree and make the commit, however many files.
 */
export async function commitOnTip(
  plumbing: Git,
  scratch: string,
  base: string | undefined,
  files: Record<string, string>,
  message: string,
): Promise<string> {
  await plumbing.run(base ? ["read-tree", base] : ["read-tree", "--empty"]);
  const paths = Object.keys(files);
  const blobs = await writeBlobs(plumbing, scratch, Object.values(files));
  await addToIndex(
    plumbing,
    paths.map((path, i) => [path, blobs[i]]),
  );
  const tree = (await plumbing.run(["write-tree"])).trim();
  const msgFile = join(scratch, "message");
  await writeFile(msgFile, `${message}\n`);
  return (await plumbing.run(["commit-tree", tree, ...(base ? ["-p", base] : []), "-F", msgFile])).trim();
}

/** An annotated tag `name` on `target` (replacing a local one of that name). */
export async function annotatedTag(git: Git, scratch: string, name: string, target: string, message: string) {
  const tmsg = join(scratch, "tag-message");
  await writeFile(tmsg, `${message}\n`);
  await git.run(["tag", "-f", "-a", "-F", tmsg, name, target]);
}

export async function deleteLocalTag(git: Git, name: string): Promise<void> {
  await git.tryRun(["tag", "-d", name]);
}

/**
 * Pushes `commit` to the branch and the tags in one atomic push: all land, or none. Landed or refused, what was read
 * of the remote is forgotten: the next read asks it again.
 */
export async function pushAtomic(git: Git, remote: string, commit: string, branch: string, tags: string[]) {
  try {
    await git.run([
      "push",
      "--atomic",
      "--porcelain",
      remote,
      `${commit}:refs/heads/${branch}`,
      ...tags.map((n) => `refs/tags/${n}`),
    ]);
  } finally {
    forgetRemote(git, remote);
  }
}

export async function setRef(git: Git, ref: string, commit: string): Promise<void> {
  if ((await git.tryRun(["update-ref", ref, commit])) !== undefined) noteFetched(git, ref, commit);
}

/**
 * The remote's own reasons in a failed push's output: the porcelain lines of refs it refused
 * (`!	<from>:<to>	[rejected] (fetch first)`, `[remote rejected] (pre-receive hook declined)`) and the lines a hook
 * printed (`remote: …`), joined; undefined when git said none.
 */
export function pushRefusalReasons(output: string): string | undefined {
  const reasons: string[] = [];
  for (const line of output.split("\n")) {
    const ref = /^!\t[^\t]*:(refs\/\S+)\t(.*)$/.exec(line);
    if (ref) reasons.push(`${ref[1]} ${ref[2].trim()}`);
    const said = /^remote: (.*\S)/.exec(line);
    if (said && !/^(Resolving|Counting|Compressing|Total|Enumerating|Writing)/.test(said[1]))
      reasons.push(`remote: ${said[1]}`);
  }
  return reasons.length ? [...new Set(reasons)].join("; ") : undefined;
}
