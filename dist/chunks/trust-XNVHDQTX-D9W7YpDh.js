import { createRequire } from 'node:module';
import { r as readTrustPolicy } from './chunk-KTZWTKVK-Dcf3S3c6.js';
export { p as parseTrustPolicy, a as parseTrustedRoot, t as trustPolicySchema } from './chunk-KTZWTKVK-Dcf3S3c6.js';
import './chunk-YOBALZSW-B141agpR.js';
import './hot-plan-YWGJn6IT.js';
import './hot-help-validate-plan-audit-verify-CiDATK95.js';
import 'node:crypto';
import 'node:fs';
import './hot-validate-plan-audit-verify-DglurztO.js';
import 'node:path';
import 'node:util';
import 'node:fs/promises';
import 'node:child_process';
import './hot-validate-plan-DjS3M9MR.js';
import './hot-validate-plan-verify-C9JqfCVv.js';
import 'node:worker_threads';

const require$1 = createRequire(import.meta.url);

export { readTrustPolicy };
