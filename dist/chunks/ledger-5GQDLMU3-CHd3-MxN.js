import { createRequire } from 'node:module';
export { a as appendToLedger } from './chunk-3XFCJ3SQ-BdSxpWR1.js';
export { a as attestationPathBeside, ab as chainProblems, z as currentIn, u as evaluationCopyPath, O as parseLedger, D as promotionsPath } from './hot-audit-verify-CW431pox.js';
import './hot-plan-B74EilRD.js';
import './hot-validate-plan-audit-verify-QICo30ON.js';
import './hot-help-validate-plan-audit-verify-rbxjbofx.js';
import 'node:path';
import 'node:child_process';
import 'node:crypto';
import 'node:fs';
import 'node:os';
import './hot-validate-plan-DkI_aO9c.js';
import './hot-validate-plan-verify-DgmVZHur.js';
import 'node:util';
import 'node:fs/promises';
import 'node:worker_threads';

const require$1 = createRequire(import.meta.url);
