import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  loadRepository
} from "./chunk-DQHGHTZX.js";
import {
  workspaceAt
} from "./chunk-YR32LSL5.js";
import {
  findRoot
} from "./chunk-A6WGSW5D.js";

// src/workspace/workspace.ts
function openWorkspace(io, opts = {}) {
  return workspaceAt(opts.repo?.root ?? findRoot(opts.cwd ?? io.cwd), io, opts, loadRepository);
}

export {
  openWorkspace
};
