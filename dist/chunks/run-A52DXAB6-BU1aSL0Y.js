import { createRequire } from 'node:module';
import { n as noDefaultBranch } from './chunk-I6IAFJEN-DqW9aMdn.js';
export { d as defaultBranch, p as planRepository, s as shardJobs } from './chunk-I6IAFJEN-DqW9aMdn.js';
import './hot-validate-BotGmJiZ.js';
import './chunk-DQHGHTZX-pBLXiB2o.js';
import './chunk-2E6TZQRV-DPA5_5vV.js';
import './chunk-LYRQXBMV-BXHYPiyi.js';
import './hot-validate-verify-C8t4jxm2.js';
import './chunk-S43IQFRZ-B-SSS4At.js';
import './chunk-YZUBQ7DK-DHQLuxFL.js';
import './hot-validate-audit-verify-C-_o6MJ0.js';
import './hot-help-validate-audit-verify-aYLtKKnG.js';
import 'node:path';
import 'node:fs';
import 'node:worker_threads';
import 'node:crypto';
import 'node:fs/promises';
import 'node:timers/promises';
import 'node:v8';
import 'node:url';
import 'node:util';
import 'node:child_process';

const require$1 = createRequire(import.meta.url);

export { noDefaultBranch };
