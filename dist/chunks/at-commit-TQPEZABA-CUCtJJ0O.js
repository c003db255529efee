import { createRequire } from 'node:module';
import { m as manifestAt } from './chunk-7QV4TYNM-KsfEaxRL.js';
export { g as readManifestAt, f as readManifestsAt } from './hot-validate-verify-COnm42W2.js';
import './hot-plan-YWGJn6IT.js';
import './hot-validate-plan-verify-C9JqfCVv.js';
import './hot-validate-plan-audit-verify-DglurztO.js';
import './hot-help-validate-plan-audit-verify-CiDATK95.js';
import 'node:url';
import 'node:worker_threads';
import './hot-validate-plan-DjS3M9MR.js';
import 'node:fs';
import 'node:path';
import 'node:util';
import 'node:crypto';
import 'node:fs/promises';
import 'node:child_process';

const require$1 = createRequire(import.meta.url);

export { manifestAt };
