import { createRequire } from 'node:module';
import { r as readOnnxModel } from './chunk-2ZLDIS45-Dp7QRyPS.js';
export { b as readOnnxSignature } from './chunk-2ZLDIS45-Dp7QRyPS.js';
export { aA as ELEM_CODE, g as graphFacts } from './hot-validate-B-PelMnH.js';
import './hot-help-validate-plan-audit-verify-rbxjbofx.js';
import './hot-validate-verify-Df-Yd_Rd.js';
import './hot-validate-plan-verify-DgmVZHur.js';
import './hot-validate-plan-audit-verify-QICo30ON.js';
import 'node:fs';
import 'node:path';
import 'node:util';
import 'node:crypto';
import 'node:fs/promises';
import 'node:child_process';
import 'node:url';
import 'node:worker_threads';
import './hot-validate-plan-DkI_aO9c.js';
import 'node:timers/promises';
import 'node:v8';

const require$1 = createRequire(import.meta.url);

export { readOnnxModel };
