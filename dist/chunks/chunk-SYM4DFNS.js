import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/git/remote.ts
async function isRepository(git) {
  return await git.tryRun(["rev-parse", "--git-dir"]) !== void 0;
}
async function lsRemoteTags(git, remote) {
  const out = await git.run(["ls-remote", "--tags", remote]);
  return parseLsRemoteTags(out);
}
function parseLsRemoteTags(out) {
  const direct = /* @__PURE__ */ new Map();
  const peeled = /* @__PURE__ */ new Map();
  for (const line of out.split("\n")) {
    const m = /^([0-9a-f]{40,64})\trefs\/tags\/(.+)$/.exec(line);
    if (!m) continue;
    if (m[2].endsWith("^{}")) peeled.set(m[2].slice(0, -3), m[1]);
    else direct.set(m[2], m[1]);
  }
  const tags = /* @__PURE__ */ new Map();
  for (const [name, oid] of direct) {
    const commit = peeled.get(name);
    tags.set(name, { name, oid, annotated: commit !== void 0, commit: commit ?? oid });
  }
  return tags;
}
async function remoteBranchExists(git, remote, branch) {
  return Boolean(await git.tryRun(["ls-remote", "--exit-code", "--heads", remote, branch]));
}
async function fetchBranch(git, remote, branch, into) {
  const ok = await git.tryRun(["fetch", "-q", "--no-tags", remote, `+refs/heads/${branch}:${into}`]);
  return ok === void 0 ? void 0 : git.revParse(into);
}
async function fetchTag(git, remote, tag, into) {
  await git.run(["fetch", "-q", "--no-tags", remote, `+refs/tags/${tag}:${into}`]);
  return git.objectId(into);
}
async function tagObjectText(git, oid) {
  return git.run(["cat-file", "tag", oid]);
}
async function pushBranch(git, remote, commit, branch) {
  await git.run(["push", "--porcelain", remote, `${commit}:refs/heads/${branch}`]);
}
async function deleteRemoteBranch(git, remote, branch) {
  return await git.tryRun(["push", "-q", remote, "--delete", branch]) !== void 0;
}

export {
  isRepository,
  lsRemoteTags,
  remoteBranchExists,
  fetchBranch,
  fetchTag,
  tagObjectText,
  pushBranch,
  deleteRemoteBranch
};
