import { createRequire } from 'node:module';
export { a as appendToLedger } from './chunk-3XFCJ3SQ-CY1KQCXb.js';
export { a as attestationPathBeside, ab as chainProblems, z as currentIn, u as evaluationCopyPath, O as parseLedger, D as promotionsPath } from './hot-audit-verify-DZYJh8zf.js';
import './hot-plan-YWGJn6IT.js';
import './hot-validate-plan-audit-verify-DglurztO.js';
import './hot-help-validate-plan-audit-verify-CiDATK95.js';
import 'node:path';
import 'node:child_process';
import 'node:crypto';
import 'node:fs';
import 'node:os';
import './hot-validate-plan-DjS3M9MR.js';
import './hot-validate-plan-verify-C9JqfCVv.js';
import 'node:util';
import 'node:fs/promises';
import 'node:worker_threads';

const require$1 = createRequire(import.meta.url);
