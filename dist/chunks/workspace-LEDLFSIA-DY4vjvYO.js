import { createRequire } from 'node:module';
import { o as openWorkspace } from './hot-plan-B74EilRD.js';
import './hot-validate-plan-DkI_aO9c.js';
import './hot-validate-plan-verify-DgmVZHur.js';
import './hot-validate-plan-audit-verify-QICo30ON.js';
import './hot-help-validate-plan-audit-verify-rbxjbofx.js';
import 'node:path';
import 'node:fs';
import 'node:util';
import 'node:crypto';
import 'node:fs/promises';
import 'node:child_process';
import 'node:worker_threads';

const require$1 = createRequire(import.meta.url);

export { openWorkspace };
