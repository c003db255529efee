import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  retryDelay
} from "./chunk-DFUR2YEO.js";
import {
  GitError,
  openGit
} from "./chunk-7Q46JTV7.js";
import {
  CheckFailed
} from "./chunk-7SHYJVU3.js";

// src/ledger/writer.ts
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
function isRejection(message) {
  if (/protected branch|permission|denied|authentication|could not read from remote|unable to access/i.test(message)) {
    return false;
  }
  return /failed to push some refs|\[rejected\]|\[remote rejected\]|non-fast-forward|fetch first|already exists|stale info|cannot lock ref|failed to lock|unable to (?:create|lock)[^\n]*\.lock|failed to update ref/i.test(
    message
  );
}
async function defaultBranch(git, remote) {
  const sym = await git.tryRun(["ls-remote", "--symref", remote, "HEAD"]);
  const m = sym ? /^ref: refs\/heads\/(\S+)\s+HEAD/m.exec(sym) : null;
  return m?.[1] ?? "main";
}
async function remoteTags(git, remote) {
  const out = await git.run(["ls-remote", "--tags", "--refs", remote]);
  const names = /* @__PURE__ */ new Set();
  for (const line of out.split("\n")) {
    const m = /\trefs\/tags\/(.+)$/.exec(line);
    if (m) names.add(m[1]);
  }
  return names;
}
async function writeAndPush(repo, target, compute, opts) {
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
        `+refs/heads/${target.branch}:${trackingRef}`
      ]);
      const commit = fetched === void 0 ? void 0 : await repo.revParse(trackingRef);
      const tags = await remoteTags(repo, target.remote);
      const tip = {
        commit,
        tags,
        attempt,
        read: async (path) => commit ? repo.show(commit, path) : void 0
      };
      const change = await compute(tip);
      if (!change) return void 0;
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
      await writeFile(msgFile, `${change.message}
`);
      const newCommit = (await plumbing.run(["commit-tree", tree, ...commit ? ["-p", commit] : [], "-F", msgFile])).trim();
      const made = [];
      try {
        for (const t of change.tags) {
          const tmsg = join(scratch, "tag-message");
          await writeFile(tmsg, `${t.message}
`);
          await plumbing.run(["tag", "-f", "-a", "-F", tmsg, t.name, t.target === "HEAD" ? newCommit : t.target]);
          made.push(t.name);
        }
        await repo.run([
          "push",
          "--atomic",
          "--porcelain",
          target.remote,
          `${newCommit}:refs/heads/${target.branch}`,
          ...made.map((n) => `refs/tags/${n}`)
        ]);
        await repo.tryRun(["update-ref", trackingRef, newCommit]);
        return { commit: newCommit, tags: made, attempts: attempt };
      } catch (err) {
        for (const n of made) await repo.tryRun(["tag", "-d", n]);
        const message = err instanceof GitError ? err.message : String(err);
        if (!isRejection(message) || attempt >= maxAttempts) {
          if (!(err instanceof GitError)) throw err;
          throw new CheckFailed(
            `could not push to ${target.branch} of ${target.remote} (attempt ${attempt} of ${maxAttempts}): ${message.replace(/^git push [^:]*: /, "")}; nothing was pushed (the branch and its tags go together, or not at all)`
          );
        }
        const wait = retryDelay(attempt - 1, { retries: maxAttempts - 1, baseMs: backoff, maxMs: 8 * backoff + 2e3 });
        opts.log?.(
          `push rejected (attempt ${attempt} of ${maxAttempts}): the branch or a tag moved; retrying in ${wait} ms on the new tip`
        );
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

export {
  isRejection,
  defaultBranch,
  writeAndPush
};
