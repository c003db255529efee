import { createRequire } from 'node:module';
import { l as localFile, r as remoteDigest } from './chunk-OYQDDGAU-Dpe-Jqkv.js';
export { c as cachedCopy, a as currentFile, o as objectFor, s as storageContext, w as workTreeDigest } from './chunk-OYQDDGAU-Dpe-Jqkv.js';
import './chunk-U6HQLEKJ-DFuKjzG7.js';
import './chunk-YK35P24K-BysRypHz.js';
export { i as isRemote, u as resolveSource } from './hot-validate-Cbhe7qur.js';
import './hot-validate-plan-DjS3M9MR.js';
import './hot-validate-plan-verify-C9JqfCVv.js';
import './hot-plan-YWGJn6IT.js';
import './chunk-DFUR2YEO-CrRpRbga.js';
import './hot-validate-plan-audit-verify-DglurztO.js';
import './hot-help-validate-plan-audit-verify-CiDATK95.js';
import 'node:crypto';
import 'node:fs';
import 'node:fs/promises';
import 'node:path';
import 'node:os';
import './hot-validate-verify-COnm42W2.js';
import 'node:url';
import 'node:worker_threads';
import 'node:timers/promises';
import 'node:v8';
import 'node:util';
import 'node:child_process';

const require$1 = createRequire(import.meta.url);

export { localFile, remoteDigest };
