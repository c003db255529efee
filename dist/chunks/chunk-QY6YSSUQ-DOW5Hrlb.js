import { createRequire } from 'node:module';
import { w as writeBlobs, a as addToIndex } from './chunk-62RWLHT6-DusoIaw8.js';
import { q as GitError } from './hot-validate-plan-audit-verify-DglurztO.js';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const require$1 = createRequire(import.meta.url);

// src/git/remote-refs.ts
var read = /* @__PURE__ */ new WeakMap();
var fetched = /* @__PURE__ */ new WeakMap();
function remoteRefs(git, remote) {
  let byRemote = read.get(git);
  if (!byRemote) read.set(git, byRemote = /* @__PURE__ */ new Map());
  const known = byRemote.get(remote);
  if (known) return known;
  const refs = git.run(["ls-remote", "--symref", remote, "HEAD", "refs/heads/*", "refs/tags/*"]).then(parseRemoteRefs);
  byRemote.set(remote, refs);
  refs.catch(() => {
    if (byRemote.get(remote) === refs) byRemote.delete(remote);
  });
  return refs;
}
function forgetRemote(git, remote) {
  read.get(git)?.delete(remote);
}
function noteFetched(git, ref, commit) {
  let byRef = fetched.get(git);
  if (!byRef) fetched.set(git, byRef = /* @__PURE__ */ new Map());
  byRef.set(ref, commit);
}
async function fetchListedBranch(git, remote, branch, into) {
  const listed = (await remoteRefs(git, remote)).heads.get(branch);
  if (!listed) return void 0;
  const byRef = fetched.get(git);
  if (byRef?.get(into) === listed) return listed;
  if (byRef && [...byRef.values()].includes(listed)) {
    await git.run(["update-ref", into, listed]);
    noteFetched(git, into, listed);
    return listed;
  }
  await git.run(["fetch", "-q", "--no-tags", remote, `+refs/heads/${branch}:${into}`]);
  const commit = await git.revParse(into);
  if (commit) noteFetched(git, into, commit);
  return commit;
}
function parseRemoteRefs(out) {
  const heads = /* @__PURE__ */ new Map();
  for (const line of out.split("\n")) {
    const m = /^([0-9a-f]{40,64})\trefs\/heads\/(.+)$/.exec(line);
    if (m) heads.set(m[2], m[1]);
  }
  const head = /^ref: refs\/heads\/(\S+)\s+HEAD$/m.exec(out)?.[1];
  return { head, heads, tags: parseLsRemoteTags(out) };
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

// src/git/remote.ts
async function isRepository(git) {
  return await git.tryRun(["rev-parse", "--git-dir"]) !== void 0;
}
async function lsRemoteTags(git, remote) {
  return new Map((await remoteRefs(git, remote)).tags);
}
async function remoteBranchExists(git, remote, branch) {
  return remoteRefs(git, remote).then(
    (refs) => refs.heads.has(branch),
    () => false
  );
}
async function fetchBranch(git, remote, branch, into) {
  return fetchListedBranch(git, remote, branch, into).catch(() => void 0);
}
async function fetchTag(git, remote, tag, into) {
  await git.run(["fetch", "-q", "--no-tags", remote, `+refs/tags/${tag}:${into}`]);
  return git.objectId(into);
}
async function tagObjectText(git, oid) {
  return git.run(["cat-file", "tag", oid]);
}
async function pushBranch(git, remote, commit, branch) {
  try {
    await git.run(["push", "--porcelain", remote, `${commit}:refs/heads/${branch}`]);
  } finally {
    forgetRemote(git, remote);
  }
}
async function deleteRemoteBranch(git, remote, branch) {
  const done = await git.tryRun(["push", "-q", remote, "--delete", branch]) !== void 0;
  forgetRemote(git, remote);
  return done;
}
async function remoteDefaultBranch(git, remote) {
  const refs = await remoteRefs(git, remote).catch(() => void 0);
  return refs?.head ?? "main";
}
async function fetchBranchTip(git, remote, branch, trackingRef) {
  try {
    return await fetchListedBranch(git, remote, branch, trackingRef);
  } catch (err) {
    if (err instanceof GitError && /couldn't find remote ref/i.test(err.message)) return void 0;
    throw err;
  }
}
async function commitOnTip(plumbing, scratch, base, files, message) {
  await plumbing.run(base ? ["read-tree", base] : ["read-tree", "--empty"]);
  const paths = Object.keys(files);
  const blobs = await writeBlobs(plumbing, scratch, Object.values(files));
  await addToIndex(
    plumbing,
    paths.map((path, i) => [path, blobs[i]])
  );
  const tree = (await plumbing.run(["write-tree"])).trim();
  const msgFile = join(scratch, "message");
  await writeFile(msgFile, `${message}
`);
  return (await plumbing.run(["commit-tree", tree, ...base ? ["-p", base] : [], "-F", msgFile])).trim();
}
async function annotatedTag(git, scratch, name, target, message) {
  const tmsg = join(scratch, "tag-message");
  await writeFile(tmsg, `${message}
`);
  await git.run(["tag", "-f", "-a", "-F", tmsg, name, target]);
}
async function deleteLocalTag(git, name) {
  await git.tryRun(["tag", "-d", name]);
}
async function pushAtomic(git, remote, commit, branch, tags) {
  try {
    await git.run([
      "push",
      "--atomic",
      "--porcelain",
      remote,
      `${commit}:refs/heads/${branch}`,
      ...tags.map((n) => `refs/tags/${n}`)
    ]);
  } finally {
    forgetRemote(git, remote);
  }
}
async function setRef(git, ref, commit) {
  if (await git.tryRun(["update-ref", ref, commit]) !== void 0) noteFetched(git, ref, commit);
}
function pushRefusalReasons(output) {
  const reasons = [];
  for (const line of output.split("\n")) {
    const ref = /^!\t[^\t]*:(refs\/\S+)\t(.*)$/.exec(line);
    if (ref) reasons.push(`${ref[1]} ${ref[2].trim()}`);
    const said = /^remote: (.*\S)/.exec(line);
    if (said && !/^(Resolving|Counting|Compressing|Total|Enumerating|Writing)/.test(said[1]))
      reasons.push(`remote: ${said[1]}`);
  }
  return reasons.length ? [...new Set(reasons)].join("; ") : void 0;
}

export { annotatedTag as a, pushRefusalReasons as b, commitOnTip as c, deleteLocalTag as d, remoteRefs as e, fetchBranchTip as f, fetchBranch as g, fetchTag as h, isRepository as i, remoteBranchExists as j, pushBranch as k, lsRemoteTags as l, deleteRemoteBranch as m, noteFetched as n, pushAtomic as p, remoteDefaultBranch as r, setRef as s, tagObjectText as t };
