import { createRequire } from 'node:module';
import { g as endWorkers } from './hot-validate-verify-C8t4jxm2.js';
export { i as isEndMessage, A as reviveWorkerError, B as serializeWorkerError, s as startModuleWorker, z as startReadyWorkers } from './hot-validate-verify-C8t4jxm2.js';
import './hot-help-validate-audit-verify-aYLtKKnG.js';
import './hot-validate-audit-verify-C-_o6MJ0.js';
import 'node:fs';
import 'node:path';
import 'node:util';
import 'node:crypto';
import 'node:fs/promises';
import 'node:child_process';
import 'node:url';
import 'node:worker_threads';

const require$1 = createRequire(import.meta.url);

export { endWorkers };
