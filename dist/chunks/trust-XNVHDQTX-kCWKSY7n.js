import { createRequire } from 'node:module';
import { r as readTrustPolicy } from './chunk-KTZWTKVK-YREeR6LT.js';
export { p as parseTrustPolicy, a as parseTrustedRoot, t as trustPolicySchema } from './chunk-KTZWTKVK-YREeR6LT.js';
import './chunk-YOBALZSW-B141agpR.js';
import './chunk-S43IQFRZ-B-SSS4At.js';
import './chunk-YZUBQ7DK-DHQLuxFL.js';
import './hot-help-validate-audit-verify-aYLtKKnG.js';
import 'node:crypto';
import 'node:fs';
import 'node:worker_threads';

const require$1 = createRequire(import.meta.url);

export { readTrustPolicy };
