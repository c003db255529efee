import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  remoteHead
} from "./chunk-EJRXWDVW.js";

// src/git/resolve-many.ts
async function resolveCommits(git, names) {
  if (names.some((n) => /[\r\n]/.test(n) || n.trim() !== n || n === "")) {
    return Promise.all(names.map((n) => git.revParse(n)));
  }
  const objects = await git.catFileBatch(names.map((n) => `${n}^{commit}`)).catch(() => void 0);
  return names.map((_, i) => {
    const o = objects?.[i];
    return o?.type === "commit" ? o.oid : void 0;
  });
}

// src/git/default-branch.ts
var DEFAULT_BRANCHES = ["origin/main", "main", "origin/master", "master"];
var ORIGIN_HEAD = "origin/HEAD";
async function findDefaultBranch(git, named, opts = {}) {
  const also = opts.also ?? [];
  const fallback = !named || !opts.onlyNamed;
  const names = [
    ...named ? [`origin/${named}`, named] : [],
    ...fallback ? ["refs/remotes/origin/HEAD", ...DEFAULT_BRANCHES] : []
  ];
  const commits = await resolveCommits(git, [...also, ...names]);
  const tried = [];
  let found;
  for (const [i, name] of names.entries()) {
    const commit = commits[also.length + i];
    let ref = name;
    if (name === "refs/remotes/origin/HEAD") {
      if (!commit) continue;
      ref = opts.originHeadAsIs || found ? ORIGIN_HEAD : await remoteHead(git, "origin") ?? ORIGIN_HEAD;
    }
    tried.push(ref);
    if (commit && !found) found = { ref, commit };
  }
  return { tried, also: commits.slice(0, also.length), ...found ? { found } : {} };
}

export {
  ORIGIN_HEAD,
  findDefaultBranch
};
