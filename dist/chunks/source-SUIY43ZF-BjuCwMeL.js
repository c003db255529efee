import { createRequire } from 'node:module';
import { l as localFile, r as remoteDigest } from './chunk-OYQDDGAU-qTn3dWg1.js';
export { c as cachedCopy, a as currentFile, o as objectFor, s as storageContext, w as workTreeDigest } from './chunk-OYQDDGAU-qTn3dWg1.js';
import './chunk-U6HQLEKJ-CmF0blYP.js';
import './chunk-YK35P24K-BysRypHz.js';
export { i as isRemote, E as resolveSource } from './hot-validate-BotGmJiZ.js';
import './hot-validate-verify-C8t4jxm2.js';
import './chunk-YZUBQ7DK-DHQLuxFL.js';
import './chunk-DFUR2YEO-CrRpRbga.js';
import './hot-validate-audit-verify-C-_o6MJ0.js';
import './hot-help-validate-audit-verify-aYLtKKnG.js';
import 'node:crypto';
import 'node:fs';
import 'node:fs/promises';
import 'node:path';
import 'node:os';
import 'node:worker_threads';
import 'node:timers/promises';
import 'node:v8';
import 'node:url';
import 'node:util';
import 'node:child_process';

const require$1 = createRequire(import.meta.url);

export { localFile, remoteDigest };
