import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CheckFailed, environmentFailure } from "../errors.ts";
import { GitError, type Git, type Identity, openGit } from "../git/index.ts";
import {
  annotatedTag,
  commitOnTip,
  deleteLocalTag,
  fetchBranchTip,
  pushAtomic,
  pushRefusalReasons,
  remoteDefaultBranch,
  setRef,
} from "../git/plumbing.ts";
import { filesAt } from "../git/batch.ts";
import { lsRemoteTags } from "../git/remote.ts";
import { killPoint } from "../util/kill-point.ts";
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
  /** How long rejected pushes are retried on new tips (default 120 s, or MODELGATE_PUSH_BUDGET in seconds). */
  budgetMs?: number;
  /** A cap on attempts besides the time budget (tests). */
  maxAttempts?: number;
  /** Base backoff in ms (doubled per attempt, with jitter: modelgate's retry policy, src/util/retry.ts). */
  backoffMs?: number;
  log?: (line: string) => void;
}

/** The push budget from MODELGATE_PUSH_BUDGET (seconds), default 120 s. */
export function pushBudgetMs(env: NodeJS.ProcessEnv): number {
  const v = Number(env.MODELGATE_PUSH_BUDGET);
  return Number.isFinite(v) && v > 0 ? v * 1000 : 120_000;
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

/** The private ref a GitOps branch's tip is fetched into (no checkout, no branch of the user's is touched). */
export const trackingRef = (branch: string) => `refs/modelgate/gitops/${branch}`;

/**
 * The branch's tip (fetched into `trackingRef`) and the remote's tag names. A remote that cannot be read is a failed
 * step (exit 1) saying so, never taken for an empty branch; a full disk is the machine's failure (src/errors.ts).
 */
export async function readTip(git: Git, target: Target): Promise<[string | undefined, Set<string>]> {
  try {
    return await Promise.all([
      fetchBranchTip(git, target.remote, target.branch, trackingRef(target.branch)),
      lsRemoteTags(git, target.remote).then((tags) => new Set(tags.keys())),
    ]);
  } catch (err) {
    if (!(err instanceof GitError) || environmentFailure(err)) throw err;
    throw new CheckFailed(
      `could not read ${target.branch} of ${target.remote}: ${err.message.replace(/^git [^:]*: /, "")}; nothing was pushed`,
    );
  }
}

/** The default branch of a remote (what its HEAD names), or "main" when the remote does not say. */
export const defaultBranch = remoteDefaultBranch;

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
  const budgetMs = opts.budgetMs ?? pushBudgetMs(process.env);
  const maxAttempts = opts.maxAttempts ?? Number.POSITIVE_INFINITY;
  const backoff = opts.backoffMs ?? 250;
  const started = Date.now();
  const scratch = await mkdtemp(join(tmpdir(), "modelgate-write-"));
  const index = join(scratch, "index");
  const plumbing = openGit(repo.dir, { identity: opts.identity, env: { GIT_INDEX_FILE: index } });
  try {
    for (let attempt = 1; ; attempt++) {
      const [commit, tags] = await readTip(repo, target);
      const tip: Tip = {
        commit,
        tags,
        attempt,
        read: filesAt(repo, commit),
      };
      const change = await compute(tip);
      if (!change) return undefined;

      // Build the commit on the tip without a checkout: a private index, blobs written from temp files.
      await rm(index, { force: true });
      const newCommit = await commitOnTip(plumbing, scratch, commit, change.files, change.message).catch((err) => {
        const machine = environmentFailure(err);
        if (!machine) throw err;
        throw new CheckFailed(`could not make the commit for ${target.branch}: ${machine}; nothing was pushed`);
      });
      const made: string[] = [];
      try {
        for (const t of change.tags) {
          await annotatedTag(plumbing, scratch, t.name, t.target === "HEAD" ? newCommit : t.target, t.message);
          made.push(t.name);
        }
        // The push goes through the caller's handle: its environment holds the credentials (a CI token given to
        // git through GIT_CONFIG_* in the process, never written to .git/config).
        killPoint("before-git-push");
        await pushAtomic(repo, target.remote, newCommit, target.branch, made);
        await setRef(repo, trackingRef(target.branch), newCommit);
        return { commit: newCommit, tags: made, attempts: attempt };
      } catch (err) {
        // Tags made for this attempt go; the next attempt makes its own (the number may change).
        for (const n of made) await deleteLocalTag(repo, n);
        const message = err instanceof GitError ? err.message : String(err);
        const reasons = pushRefusalReasons(message) ?? "the branch or a tag moved";
        const elapsed = Date.now() - started;
        // capped so that many writers racing on one branch keep trying within a bounded time
        const wait = retryDelay(attempt - 1, { retries: attempt, baseMs: backoff, maxMs: 8 * backoff + 2000 });
        if (!isRejection(message) || attempt >= maxAttempts || elapsed + wait > budgetMs) {
          // A refused push is the remote's answer (protection, permissions, a busy branch), not a bug in modelgate.
          if (!(err instanceof GitError)) throw err;
          const spent =
            isRejection(message) && attempt < maxAttempts
              ? `; gave up after ${attempt} attempts in ${Math.round(elapsed / 1000)} s, the push budget (${Math.round(budgetMs / 1000)} s; MODELGATE_PUSH_BUDGET)`
              : ` (attempt ${attempt})`;
          throw new CheckFailed(
            `could not push to ${target.branch} of ${target.remote}${spent}: ${message.replace(/^git push [^:]*: /, "")}; nothing was pushed (the branch and its tags go together, or not at all)`,
          );
        }
        opts.log?.(`push rejected (attempt ${attempt}): ${reasons}; retrying in ${wait} ms on the new tip`);
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
