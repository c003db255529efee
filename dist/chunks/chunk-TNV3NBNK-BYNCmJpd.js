import { createRequire } from 'node:module';
import { l as loadRepository } from './chunk-DQHGHTZX-pBLXiB2o.js';
import { F as workspaceAt } from './hot-validate-BotGmJiZ.js';
import { d as findRoot } from './hot-validate-audit-verify-C-_o6MJ0.js';

const require$1 = createRequire(import.meta.url);

// src/workspace/workspace.ts
function openWorkspace(io, opts = {}) {
  return workspaceAt(opts.repo?.root ?? findRoot(opts.cwd ?? io.cwd), io, opts, loadRepository);
}

export { openWorkspace as o };
