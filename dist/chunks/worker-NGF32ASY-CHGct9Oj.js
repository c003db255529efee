import { createRequire } from 'node:module';
import { e as endWorkers } from './hot-validate-verify-Df-Yd_Rd.js';
export { i as isEndMessage, n as reviveWorkerError, o as serializeWorkerError, s as startModuleWorker, l as startReadyWorkers } from './hot-validate-verify-Df-Yd_Rd.js';
import './hot-validate-plan-verify-DgmVZHur.js';
import './hot-help-validate-plan-audit-verify-rbxjbofx.js';
import 'node:url';
import 'node:worker_threads';
import './hot-validate-plan-audit-verify-QICo30ON.js';
import 'node:fs';
import 'node:path';
import 'node:util';
import 'node:crypto';
import 'node:fs/promises';
import 'node:child_process';

const require$1 = createRequire(import.meta.url);

export { endWorkers };
