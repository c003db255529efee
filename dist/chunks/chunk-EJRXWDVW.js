import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/git/worktree.ts
async function isGitRepository(git) {
  return Boolean(await git.tryRun(["rev-parse", "--git-dir"]));
}
async function isInsideWorkTree(git) {
  return await git.tryRun(["rev-parse", "--is-inside-work-tree"]) === "true";
}
async function isShallowRepository(git) {
  return await git.tryRun(["rev-parse", "--is-shallow-repository"]) === "true";
}
async function worktreePrefix(git) {
  return await git.tryRun(["rev-parse", "--show-prefix"]) ?? "";
}
async function currentBranch(git) {
  return await git.tryRun(["symbolic-ref", "--short", "-q", "HEAD"]) || void 0;
}
async function remoteHead(git, remote = "origin") {
  return await git.tryRun(["symbolic-ref", "-q", "--short", `refs/remotes/${remote}/HEAD`]) || void 0;
}
async function hasUncommittedChanges(git, exclude = []) {
  const status = await git.tryRun([
    "status",
    "--porcelain",
    "--untracked-files=normal",
    "--",
    ".",
    ...exclude.map((p) => `:(exclude)${p}`)
  ]);
  return status === void 0 ? void 0 : status.length > 0;
}
async function configValue(git, key) {
  return await git.tryRun(["config", "--get", key]) || void 0;
}

export {
  isGitRepository,
  isInsideWorkTree,
  isShallowRepository,
  worktreePrefix,
  currentBranch,
  remoteHead,
  hasUncommittedChanges,
  configValue
};
