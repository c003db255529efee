import { createRequire } from 'node:module';
export { a as appendToLedger } from './chunk-3XFCJ3SQ-BJ3ijToW.js';
export { a as attestationPathBeside, ad as chainProblems, z as currentIn, u as evaluationCopyPath, P as parseLedger, D as promotionsPath } from './hot-audit-verify-B6ZY6wfh.js';
import './chunk-S43IQFRZ-B-SSS4At.js';
import './hot-validate-audit-verify-C-_o6MJ0.js';
import './hot-help-validate-audit-verify-aYLtKKnG.js';
import 'node:path';
import 'node:child_process';
import 'node:crypto';
import 'node:fs';
import 'node:os';
import 'node:util';
import 'node:fs/promises';
import 'node:worker_threads';

const require$1 = createRequire(import.meta.url);
