import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type Git, GitError } from "./index.ts";

/**
 * Named git operations of the GitOps writer (src/ledger/writer.ts): reading a remote branch and its tags, building a
 * commit on a tip with a private index (no checkout), annotated tags, and an atomic push.
 */

/** The default branch of a remote (what its HEAD names), or "main" when the remote does not say. */
export async function remoteDefaultBranch(git: Git, remote: string): Promise<string> {
  const sym = await git.tryRun(["ls-remote", "--symref", remote, "HEAD"]);
  const m = sym ? /^ref: refs\/heads\/(\S+)\s+HEAD/m.exec(sym) : null;
  return m?.[1] ?? "main";
}

/**
 * Fetches the remote branch into `trackingRef`; its commit, or undefined when the remote has no such branch. Any other
 * failure (the remote unreachable, a full disk) throws GitError: it is never taken for an empty branch.
 */
export async function fetchBranchTip(
  git: Git,
  remote: string,
  branch: string,
  trackingRef: string,
): Promise<string | undefined> {
  try {
    await git.run(["fetch", "-q", "--no-tags", remote, `+refs/heads/${branch}:${trackingRef}`]);
  } catch (err) {
    if (err instanceof GitError && /couldn't find remote ref/i.test(err.message)) return undefined;
    throw err;
  }
  return git.revParse(trackingRef);
}

/**
 * A commit whose tree is `base`'s with `files` written over it, made through `plumbing` (a handle whose
 * GIT_INDEX_FILE is private); the blobs pass through files in `scratch`, never through a checkout.
 */
export async function commitOnTip(
  plumbing: Git,
  scratch: string,
  base: string | undefined,
  files: Record<string, string>,
  message: string,
): Promise<string> {
  await plumbing.run(base ? ["read-tree", base] : ["read-tree", "--empty"]);
  for (const [path, text] of Object.entries(files)) {
    const tmp = join(scratch, "blob");
    await writeFile(tmp, text);
    const blob = (await plumbing.run(["hash-object", "-w", "--", tmp])).trim();
    await plumbing.run(["update-index", "--add", "--cacheinfo", `100644,${blob},${path}`]);
  }
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

/** Pushes `commit` to the branch and the tags in one atomic push: all land, or none. */
export async function pushAtomic(git: Git, remote: string, commit: string, branch: string, tags: string[]) {
  await git.run([
    "push",
    "--atomic",
    "--porcelain",
    remote,
    `${commit}:refs/heads/${branch}`,
    ...tags.map((n) => `refs/tags/${n}`),
  ]);
}

export async function setRef(git: Git, ref: string, commit: string): Promise<void> {
  await git.tryRun(["update-ref", ref, commit]);
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
