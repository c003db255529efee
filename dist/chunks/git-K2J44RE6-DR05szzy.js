import { createRequire } from 'node:module';
export { G as Git, q as GitError, k as gitEnvironment, o as openGit } from './hot-validate-plan-audit-verify-DglurztO.js';
import './hot-help-validate-plan-audit-verify-CiDATK95.js';
import 'node:fs';
import 'node:path';
import 'node:util';
import 'node:crypto';
import 'node:fs/promises';
import 'node:child_process';
import 'node:worker_threads';

const require$1 = createRequire(import.meta.url);
