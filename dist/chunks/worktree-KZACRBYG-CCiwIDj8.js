import { createRequire } from 'node:module';
export { g as configValue, h as currentBranch, j as hasUncommittedChanges, i as isGitRepository, k as isInsideWorkTree, a as isShallowRepository, e as remoteHead, m as worktreePrefix } from './hot-validate-plan-DkI_aO9c.js';
import './hot-help-validate-plan-audit-verify-rbxjbofx.js';
import './hot-validate-plan-verify-DgmVZHur.js';
import './hot-validate-plan-audit-verify-QICo30ON.js';
import 'node:fs';
import 'node:path';
import 'node:util';
import 'node:crypto';
import 'node:fs/promises';
import 'node:child_process';
import 'node:worker_threads';

const require$1 = createRequire(import.meta.url);
