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
  const first = named ? [`origin/${named}`, named] : [];
  const fallback = !named || !opts.onlyNamed;
  const rest = fallback ? DEFAULT_BRANCHES : [];
  const batch = [...first, ...rest];
  if (fallback && opts.originHeadAsIs) {
    const names = [...first, "refs/remotes/origin/HEAD", ...rest];
    const commits2 = await resolveCommits(git, [...also, ...names]);
    const candidates = names.map((n, i) => ({
      ref: i === first.length ? ORIGIN_HEAD : n,
      commit: commits2[also.length + i]
    }));
    const tried2 = candidates.filter((c, i) => i !== first.length || c.commit !== void 0).map((c) => c.ref);
    const hit = candidates.find((c) => c.commit !== void 0);
    const result2 = { tried: tried2, also: commits2.slice(0, also.length) };
    return hit?.commit ? { ...result2, found: { ref: hit.ref, commit: hit.commit } } : result2;
  }
  const [commits, originHead] = await Promise.all([
    resolveCommits(git, [...also, ...batch]),
    fallback ? remoteHead(git, "origin") : void 0
  ]);
  const commitOf = new Map(batch.map((ref, i) => [ref, commits[also.length + i]]));
  const tried = [...first, ...originHead ? [originHead] : [], ...rest];
  const result = { tried, also: commits.slice(0, also.length) };
  for (const ref of tried) {
    const commit = commitOf.has(ref) ? commitOf.get(ref) : await git.revParse(ref);
    if (commit) return { ...result, found: { ref, commit } };
  }
  return result;
}

export {
  ORIGIN_HEAD,
  findDefaultBranch
};
