import { createRequire } from 'node:module';
import { r as readOnnxModel } from './chunk-2ZLDIS45-DjMMIWeg.js';
export { b as readOnnxSignature } from './chunk-2ZLDIS45-DjMMIWeg.js';
export { aR as ELEM_CODE, q as graphFacts } from './hot-validate-BotGmJiZ.js';
import './hot-help-validate-audit-verify-aYLtKKnG.js';
import './hot-validate-verify-C8t4jxm2.js';
import './hot-validate-audit-verify-C-_o6MJ0.js';
import 'node:fs';
import 'node:path';
import 'node:util';
import 'node:crypto';
import 'node:fs/promises';
import 'node:child_process';
import 'node:url';
import 'node:worker_threads';
import 'node:timers/promises';
import 'node:v8';

const require$1 = createRequire(import.meta.url);

export { readOnnxModel };
