import { createRequire } from 'node:module';
import { r as readTrustPolicy } from './chunk-KTZWTKVK-Cun1mb5i.js';
export { p as parseTrustPolicy, a as parseTrustedRoot, t as trustPolicySchema } from './chunk-KTZWTKVK-Cun1mb5i.js';
import './chunk-YOBALZSW-B141agpR.js';
import './hot-plan-B74EilRD.js';
import './hot-help-validate-plan-audit-verify-rbxjbofx.js';
import 'node:crypto';
import 'node:fs';
import './hot-validate-plan-audit-verify-QICo30ON.js';
import 'node:path';
import 'node:util';
import 'node:fs/promises';
import 'node:child_process';
import './hot-validate-plan-DkI_aO9c.js';
import './hot-validate-plan-verify-DgmVZHur.js';
import 'node:worker_threads';

const require$1 = createRequire(import.meta.url);

export { readTrustPolicy };
