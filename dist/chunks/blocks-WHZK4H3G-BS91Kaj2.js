import { createRequire } from 'node:module';
import { h as blocksProblem } from './chunk-U6HQLEKJ-DFuKjzG7.js';
export { B as BlockFile, i as BlockMismatch, f as DEFAULT_BLOCK_BYTES, j as blockCount, g as blockDigests, b as blockPinProblem } from './chunk-U6HQLEKJ-DFuKjzG7.js';
import './chunk-YK35P24K-BysRypHz.js';
import './hot-validate-Cbhe7qur.js';
import './chunk-DFUR2YEO-CrRpRbga.js';
import './hot-help-validate-plan-audit-verify-CiDATK95.js';
import 'node:crypto';
import 'node:fs/promises';
import 'node:fs';
import 'node:os';
import 'node:path';
import './hot-validate-verify-COnm42W2.js';
import './hot-validate-plan-verify-C9JqfCVv.js';
import './hot-validate-plan-audit-verify-DglurztO.js';
import 'node:util';
import 'node:child_process';
import 'node:url';
import 'node:worker_threads';
import './hot-validate-plan-DjS3M9MR.js';
import 'node:timers/promises';
import 'node:v8';

const require$1 = createRequire(import.meta.url);

export { blocksProblem };
