import { createRequire } from 'node:module';
import { r as readOnnxModel } from './chunk-2ZLDIS45-ZCAU1cz0.js';
export { b as readOnnxSignature } from './chunk-2ZLDIS45-ZCAU1cz0.js';
export { aA as ELEM_CODE, g as graphFacts } from './hot-validate-Cbhe7qur.js';
import './hot-help-validate-plan-audit-verify-CiDATK95.js';
import './hot-validate-verify-COnm42W2.js';
import './hot-validate-plan-verify-C9JqfCVv.js';
import './hot-validate-plan-audit-verify-DglurztO.js';
import 'node:fs';
import 'node:path';
import 'node:util';
import 'node:crypto';
import 'node:fs/promises';
import 'node:child_process';
import 'node:url';
import 'node:worker_threads';
import './hot-validate-plan-DjS3M9MR.js';
import 'node:timers/promises';
import 'node:v8';

const require$1 = createRequire(import.meta.url);

export { readOnnxModel };
