import type { Git } from "./index.ts";
import { fetchBranch } from "./remote.ts";
import { noteFetched, remoteRefs } from "./remote-refs.ts";

/**
 * The commit the remote's branch holds, set in the private ref `into`, as fetchBranch (./remote.ts) gives it; without
 * a `git fetch` when this clone's remote-tracking ref of that branch (refs/remotes/REMOTE/BRANCH, a fresh clone's)
 * already names the commit the remote lists (its one `git ls-remote`, ./remote-refs.ts): such a fetch would transfer
 * nothing and move no other ref, and git holds every object a ref reaches. Then one `git update-ref` sets `into`;
 * the remote-tracking ref is looked up through the repository's `git cat-file --batch` (started here, read again by
 * the history's readers). Otherwise, or when that fails, the fetch. Undefined when the remote has no such branch or
 * cannot be read.
 */
export async function branchTip(git: Git, remote: string, branch: string, into: string): Promise<string | undefined> {
  const listed = await remoteRefs(git, remote).then(
    (refs) => refs.heads.get(branch),
    () => undefined,
  );
  // a remote by its name (one given as a URL or a path has no remote-tracking refs)
  if (listed && /^[\w-]+(\.[\w-]+)*$/.test(remote)) {
    const [tracking] = await git.catFileBatch([`refs/remotes/${remote}/${branch}`]).catch(() => [undefined]);
    if (tracking?.type === "commit" && tracking.oid === listed) {
      if ((await git.tryRun(["update-ref", into, listed])) !== undefined) {
        noteFetched(git, into, listed);
        return listed;
      }
    }
  }
  return fetchBranch(git, remote, branch, into);
}
