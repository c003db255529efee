import { createRequire } from 'node:module';
import { h as blocksProblem } from './chunk-U6HQLEKJ-BEVmVfXv.js';
export { B as BlockFile, i as BlockMismatch, f as DEFAULT_BLOCK_BYTES, j as blockCount, g as blockDigests, b as blockPinProblem } from './chunk-U6HQLEKJ-BEVmVfXv.js';
import './chunk-YK35P24K-BysRypHz.js';
import './hot-validate-B-PelMnH.js';
import './chunk-DFUR2YEO-CrRpRbga.js';
import './hot-help-validate-plan-audit-verify-rbxjbofx.js';
import 'node:crypto';
import 'node:fs/promises';
import 'node:fs';
import 'node:os';
import 'node:path';
import './hot-validate-verify-Df-Yd_Rd.js';
import './hot-validate-plan-verify-DgmVZHur.js';
import './hot-validate-plan-audit-verify-QICo30ON.js';
import 'node:util';
import 'node:child_process';
import 'node:url';
import 'node:worker_threads';
import './hot-validate-plan-DkI_aO9c.js';
import 'node:timers/promises';
import 'node:v8';

const require$1 = createRequire(import.meta.url);

export { blocksProblem };
