import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CheckFailed } from "../errors.ts";
import { type Git, GitError, type Identity, openGit } from "../git/index.ts";
import { retryDelay } from "../util/retry.ts";

/**
 * Commits modelgate's own files (overlays, records, cards) onto the GitOps branch and pushes them with their tags,
 * so that concurrent writers never lose an update: each attempt reads the branch's current tip, asks the caller to
 * compute its change on that tip (re-checking what it must), builds the commit with git's plumbing (a private index,
 * no checkout: the user's working tree is never touched, and large data files are never read), and pushes branch and
 * tags atomically. A rejected push (the branch moved, or a tag name was taken) starts a new attempt, after a backoff.
 */

export interface Target {
  /** A remote name ("origin") or URL/path of the repository the GitOps files go to. */
  remote: string;
  branch: string;
}

export interface TagSpec {
  name: string;
  /** The commit the tag points at; "HEAD" means the commit this change makes. */
  target: string;
  message: string;
}

export interface Change {
  /** Paths (relative to the repository root) and their new text. */
  files: Record<string, string>;
  message: string;
  tags: TagSpec[];
}

/** What the caller sees of the branch on each attempt. */
export interface Tip {
  /** The branch's current commit on the remote (undefined when the branch does not exist yet). */
  commit: string | undefined;
  /** Reads a file at the tip; undefined when absent. */
  read(path: string): Promise<string | undefined>;
  /** Every tag name on the remote. */
  tags: Set<string>;
  /** The attempt, from 1. */
  attempt: number;
}

export interface WriteResult {
  commit: string;
  tags: string[];
  attempts: number;
}

export interface WriterOptions {
  identity: Identity;
  maxAttempts?: number;
  /** Base backoff in ms (doubled per attempt, with jitter: modelgate's retry policy, src/util/retry.ts). */
  backoffMs?: number;
  log?: (line: string) => void;
}

/** A push rejection that a new attempt may fix (the branch moved or a tag exists), as opposed to auth/network. */
export function isRejection(message: string): boolean {
  if (/protected branch|permission|denied|authentication|could not read from remote|unable to access/i.test(message)) {
    return false;
  }
  return /failed to push some refs|\[rejected\]|\[remote rejected\]|non-fast-forward|fetch first|already exists|stale info|cannot lock ref|failed to lock|unable to (?:create|lock)[^\n]*\.lock|failed to update ref/i.test(
    message,
  );
}

/** The default branch of a remote (what its HEAD names), or "main" when the remote does not say. */
export async function defaultBranch(git: Git, remote: string): Promise<string> {
  const sym = await git.tryRun(["ls-remote", "--symref", remote, "HEAD"]);
  const m = sym ? /^ref: refs\/heads\/(\S+)\s+HEAD/m.exec(sym) : null;
  return m?.[1] ?? "main";
}

async function remoteTags(git: Git, remote: string): Promise<Set<string>> {
  const out = await git.run(["ls-remote", "--tags", "--refs", remote]);
  const names = new Set<string>();
  for (const line of out.split("\n")) {
    const m = /\trefs\/tags\/(.+)$/.exec(line);
    if (m) names.add(m[1]);
  }
  return names;
}

/**
 * Runs `compute` on the branch's tip and lands its change: returns the commit and tags, or undefined when `compute`
 * returns undefined (nothing to do: an idempotent rerun).
 */
export async function writeAndPush(
  repo: Git,
  target: Target,
  compute: (tip: Tip) => Promise<Change | undefined>,
  opts: WriterOptions,
): Promise<WriteResult | undefined> {
  const maxAttempts = opts.maxAttempts ?? 6;
  const backoff = opts.backoffMs ?? 250;
  const trackingRef = `refs/modelgate/gitops/${target.branch}`;
  const scratch = await mkdtemp(join(tmpdir(), "modelgate-write-"));
  const index = join(scratch, "index");
  const plumbing = openGit(repo.dir, { identity: opts.identity, env: { GIT_INDEX_FILE: index } });
  try {
    for (let attempt = 1; ; attempt++) {
      const fetched = await repo.tryRun([
        "fetch",
        "-q",
        "--no-tags",
        target.remote,
        `+refs/heads/${target.branch}:${trackingRef}`,
      ]);
      const commit = fetched === undefined ? undefined : await repo.revParse(trackingRef);
      const tags = await remoteTags(repo, target.remote);
      const tip: Tip = {
        commit,
        tags,
        attempt,
        read: async (path) => (commit ? repo.show(commit, path) : undefined),
      };
      const change = await compute(tip);
      if (!change) return undefined;

      // Build the commit on the tip without a checkout: a private index, blobs written from temp files.
      await rm(index, { force: true });
      if (commit) await plumbing.run(["read-tree", commit]);
      else await plumbing.run(["read-tree", "--empty"]);
      for (const [path, text] of Object.entries(change.files)) {
        const tmp = join(scratch, "blob");
        await writeFile(tmp, text);
        const blob = (await plumbing.run(["hash-object", "-w", "--", tmp])).trim();
        await plumbing.run(["update-index", "--add", "--cacheinfo", `100644,${blob},${path}`]);
      }
      const tree = (await plumbing.run(["write-tree"])).trim();
      const msgFile = join(scratch, "message");
      await writeFile(msgFile, `${change.message}\n`);
      const newCommit = (
        await plumbing.run(["commit-tree", tree, ...(commit ? ["-p", commit] : []), "-F", msgFile])
      ).trim();
      const made: string[] = [];
      try {
        for (const t of change.tags) {
          const tmsg = join(scratch, "tag-message");
          await writeFile(tmsg, `${t.message}\n`);
          await plumbing.run(["tag", "-f", "-a", "-F", tmsg, t.name, t.target === "HEAD" ? newCommit : t.target]);
          made.push(t.name);
        }
        // The push goes through the caller's handle: its environment holds the credentials (a CI token given to
        // git through GIT_CONFIG_* in the process, never written to .git/config).
        await repo.run([
          "push",
          "--atomic",
          "--porcelain",
          target.remote,
          `${newCommit}:refs/heads/${target.branch}`,
          ...made.map((n) => `refs/tags/${n}`),
        ]);
        await repo.tryRun(["update-ref", trackingRef, newCommit]);
        return { commit: newCommit, tags: made, attempts: attempt };
      } catch (err) {
        // Tags made for this attempt go; the next attempt makes its own (the number may change).
        for (const n of made) await repo.tryRun(["tag", "-d", n]);
        const message = err instanceof GitError ? err.message : String(err);
        if (!isRejection(message) || attempt >= maxAttempts) {
          // A refused push is the remote's answer (protection, permissions, a busy branch), not a bug in modelgate.
          if (!(err instanceof GitError)) throw err;
          throw new CheckFailed(
            `could not push to ${target.branch} of ${target.remote} (attempt ${attempt} of ${maxAttempts}): ${message.replace(/^git push [^:]*: /, "")}; nothing was pushed (the branch and its tags go together, or not at all)`,
          );
        }
        // capped so that many writers racing on one branch keep trying within a bounded time
        const wait = retryDelay(attempt - 1, { retries: maxAttempts - 1, baseMs: backoff, maxMs: 8 * backoff + 2000 });
        opts.log?.(
          `push rejected (attempt ${attempt} of ${maxAttempts}): the branch or a tag moved; retrying in ${wait} ms on the new tip`,
        );
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
