import { createRequire } from 'node:module';
export { c as configValue, b as currentBranch, h as hasUncommittedChanges, d as isGitRepository, e as isInsideWorkTree, g as isShallowRepository, r as remoteHead, w as worktreePrefix } from './hot-validate-BotGmJiZ.js';
import './hot-help-validate-audit-verify-aYLtKKnG.js';
import './hot-validate-verify-C8t4jxm2.js';
import './hot-validate-audit-verify-C-_o6MJ0.js';
import 'node:fs';
import 'node:path';
import 'node:util';
import 'node:crypto';
import 'node:fs/promises';
import 'node:child_process';
import 'node:url';
import 'node:worker_threads';
import 'node:timers/promises';
import 'node:v8';

const require$1 = createRequire(import.meta.url);
