import { createRequire } from 'node:module';
export { g as configValue, h as currentBranch, j as hasUncommittedChanges, i as isGitRepository, k as isInsideWorkTree, a as isShallowRepository, e as remoteHead, m as worktreePrefix } from './hot-validate-plan-DjS3M9MR.js';
import './hot-help-validate-plan-audit-verify-CiDATK95.js';
import './hot-validate-plan-verify-C9JqfCVv.js';
import './hot-validate-plan-audit-verify-DglurztO.js';
import 'node:fs';
import 'node:path';
import 'node:util';
import 'node:crypto';
import 'node:fs/promises';
import 'node:child_process';
import 'node:worker_threads';

const require$1 = createRequire(import.meta.url);
