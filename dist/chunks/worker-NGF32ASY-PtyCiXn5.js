import { createRequire } from 'node:module';
import { e as endWorkers } from './hot-validate-verify-COnm42W2.js';
export { i as isEndMessage, n as reviveWorkerError, o as serializeWorkerError, s as startModuleWorker, l as startReadyWorkers } from './hot-validate-verify-COnm42W2.js';
import './hot-validate-plan-verify-C9JqfCVv.js';
import './hot-help-validate-plan-audit-verify-CiDATK95.js';
import 'node:url';
import 'node:worker_threads';
import './hot-validate-plan-audit-verify-DglurztO.js';
import 'node:fs';
import 'node:path';
import 'node:util';
import 'node:crypto';
import 'node:fs/promises';
import 'node:child_process';

const require$1 = createRequire(import.meta.url);

export { endWorkers };
