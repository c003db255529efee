import { createRequire } from 'node:module';
import { h as blocksProblem } from './chunk-U6HQLEKJ-CmF0blYP.js';
export { B as BlockFile, i as BlockMismatch, f as DEFAULT_BLOCK_BYTES, j as blockCount, g as blockDigests, b as blockPinProblem } from './chunk-U6HQLEKJ-CmF0blYP.js';
import './chunk-YK35P24K-BysRypHz.js';
import './hot-validate-BotGmJiZ.js';
import './chunk-DFUR2YEO-CrRpRbga.js';
import './hot-help-validate-audit-verify-aYLtKKnG.js';
import 'node:crypto';
import 'node:fs/promises';
import 'node:fs';
import 'node:os';
import 'node:path';
import './hot-validate-verify-C8t4jxm2.js';
import './hot-validate-audit-verify-C-_o6MJ0.js';
import 'node:util';
import 'node:child_process';
import 'node:url';
import 'node:worker_threads';
import 'node:timers/promises';
import 'node:v8';

const require$1 = createRequire(import.meta.url);

export { blocksProblem };
