import { createRequire } from 'node:module';
import { m as manifestAt } from './chunk-7QV4TYNM-C_MoQh09.js';
export { g as readManifestAt, f as readManifestsAt } from './hot-validate-verify-Df-Yd_Rd.js';
import './hot-plan-B74EilRD.js';
import './hot-validate-plan-verify-DgmVZHur.js';
import './hot-validate-plan-audit-verify-QICo30ON.js';
import './hot-help-validate-plan-audit-verify-rbxjbofx.js';
import 'node:url';
import 'node:worker_threads';
import './hot-validate-plan-DkI_aO9c.js';
import 'node:fs';
import 'node:path';
import 'node:util';
import 'node:crypto';
import 'node:fs/promises';
import 'node:child_process';

const require$1 = createRequire(import.meta.url);

export { manifestAt };
