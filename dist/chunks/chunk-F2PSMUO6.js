import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  loadRepository
} from "./chunk-B2BTQZBU.js";
import {
  openGit
} from "./chunk-AVCTVMN2.js";
import {
  findRoot
} from "./chunk-A6WGSW5D.js";

// src/workspace/workspace.ts
function openWorkspace(io, opts = {}) {
  const root = opts.repo?.root ?? findRoot(opts.cwd ?? io.cwd);
  const env = opts.env ?? io.env;
  let repo = opts.repo;
  let git;
  return {
    root,
    io,
    env,
    get repo() {
      repo ??= loadRepository(root);
      return repo;
    },
    get git() {
      git ??= openGit(root, { ...opts.git, env });
      return git;
    },
    now: opts.now ?? (() => /* @__PURE__ */ new Date())
  };
}

export {
  openWorkspace
};
