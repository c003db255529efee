import { createRequire } from 'node:module';
import { f as fetchBranchTip, l as lsRemoteTags, r as remoteDefaultBranch, c as commitOnTip, a as annotatedTag, p as pushAtomic, s as setRef, d as deleteLocalTag, b as pushRefusalReasons } from './chunk-QY6YSSUQ-DOW5Hrlb.js';
import { f as filesAt } from './chunk-62RWLHT6-DusoIaw8.js';
import { r as retryDelay } from './chunk-DFUR2YEO-CrRpRbga.js';
import { q as GitError, o as openGit } from './hot-validate-plan-audit-verify-DglurztO.js';
import { n as environmentFailure, C as CheckFailed } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require$1 = createRequire(import.meta.url);

// src/util/kill-point.ts
function killPoint(step, env = process.env) {
  if (env.MODELGATE_TEST_KILL_AT === step) process.kill(process.pid, "SIGKILL");
}

// src/ledger/writer.ts
function pushBudgetMs(env) {
  const v = Number(env.MODELGATE_PUSH_BUDGET);
  return Number.isFinite(v) && v > 0 ? v * 1e3 : 12e4;
}
function isRejection(message) {
  if (/protected branch|permission|denied|authentication|could not read from remote|unable to access/i.test(message)) {
    return false;
  }
  return /failed to push some refs|\[rejected\]|\[remote rejected\]|non-fast-forward|fetch first|already exists|stale info|cannot lock ref|failed to lock|unable to (?:create|lock)[^\n]*\.lock|failed to update ref/i.test(
    message
  );
}
var trackingRef = (branch) => `refs/modelgate/gitops/${branch}`;
async function readTip(git, target) {
  try {
    return await Promise.all([
      fetchBranchTip(git, target.remote, target.branch, trackingRef(target.branch)),
      lsRemoteTags(git, target.remote).then((tags) => new Set(tags.keys()))
    ]);
  } catch (err) {
    if (!(err instanceof GitError) || environmentFailure(err)) throw err;
    throw new CheckFailed(
      `could not read ${target.branch} of ${target.remote}: ${err.message.replace(/^git [^:]*: /, "")}; nothing was pushed`
    );
  }
}
var defaultBranch = remoteDefaultBranch;
async function writeAndPush(repo, target, compute, opts) {
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
      const tip = {
        commit,
        tags,
        attempt,
        read: filesAt(repo, commit)
      };
      const change = await compute(tip);
      if (!change) return void 0;
      await rm(index, { force: true });
      const newCommit = await commitOnTip(plumbing, scratch, commit, change.files, change.message).catch((err) => {
        const machine = environmentFailure(err);
        if (!machine) throw err;
        throw new CheckFailed(`could not make the commit for ${target.branch}: ${machine}; nothing was pushed`);
      });
      const made = [];
      try {
        for (const t of change.tags) {
          await annotatedTag(plumbing, scratch, t.name, t.target === "HEAD" ? newCommit : t.target, t.message);
          made.push(t.name);
        }
        killPoint("before-git-push");
        await pushAtomic(repo, target.remote, newCommit, target.branch, made);
        await setRef(repo, trackingRef(target.branch), newCommit);
        return { commit: newCommit, tags: made, attempts: attempt };
      } catch (err) {
        for (const n of made) await deleteLocalTag(repo, n);
        const message = err instanceof GitError ? err.message : String(err);
        const reasons = pushRefusalReasons(message) ?? "the branch or a tag moved";
        const elapsed = Date.now() - started;
        const wait = retryDelay(attempt - 1, { retries: attempt, baseMs: backoff, maxMs: 8 * backoff + 2e3 });
        if (!isRejection(message) || attempt >= maxAttempts || elapsed + wait > budgetMs) {
          if (!(err instanceof GitError)) throw err;
          const spent = isRejection(message) && attempt < maxAttempts ? `; gave up after ${attempt} attempts in ${Math.round(elapsed / 1e3)} s, the push budget (${Math.round(budgetMs / 1e3)} s; MODELGATE_PUSH_BUDGET)` : ` (attempt ${attempt})`;
          throw new CheckFailed(
            `could not push to ${target.branch} of ${target.remote}${spent}: ${message.replace(/^git push [^:]*: /, "")}; nothing was pushed (the branch and its tags go together, or not at all)`
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

export { defaultBranch as d, killPoint as k, readTip as r, trackingRef as t, writeAndPush as w };
