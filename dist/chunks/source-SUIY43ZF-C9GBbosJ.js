import { createRequire } from 'node:module';
import { l as localFile, r as remoteDigest } from './chunk-OYQDDGAU-2yYg6ddK.js';
export { c as cachedCopy, a as currentFile, o as objectFor, s as storageContext, w as workTreeDigest } from './chunk-OYQDDGAU-2yYg6ddK.js';
import './chunk-U6HQLEKJ-BEVmVfXv.js';
import './chunk-YK35P24K-BysRypHz.js';
export { i as isRemote, u as resolveSource } from './hot-validate-B-PelMnH.js';
import './hot-validate-plan-DkI_aO9c.js';
import './hot-validate-plan-verify-DgmVZHur.js';
import './hot-plan-B74EilRD.js';
import './chunk-DFUR2YEO-CrRpRbga.js';
import './hot-validate-plan-audit-verify-QICo30ON.js';
import './hot-help-validate-plan-audit-verify-rbxjbofx.js';
import 'node:crypto';
import 'node:fs';
import 'node:fs/promises';
import 'node:path';
import 'node:os';
import './hot-validate-verify-Df-Yd_Rd.js';
import 'node:url';
import 'node:worker_threads';
import 'node:timers/promises';
import 'node:v8';
import 'node:util';
import 'node:child_process';

const require$1 = createRequire(import.meta.url);

export { localFile, remoteDigest };
