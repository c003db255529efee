import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  openGit
} from "./chunk-AVCTVMN2.js";

// src/workspace/base.ts
function workspaceAt(root, io, opts, load) {
  const env = opts.env ?? io.env;
  let repo = opts.repo;
  let git;
  return {
    root,
    io,
    env,
    get repo() {
      repo ??= load(root);
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
  workspaceAt
};
