import { createRequire } from 'node:module';
import { b as parseManifest } from './hot-plan-B74EilRD.js';
export { c as parseYaml, d as schemaFindings } from './hot-plan-B74EilRD.js';
export { b as positionOf } from './hot-validate-plan-verify-DgmVZHur.js';
import './hot-validate-plan-audit-verify-QICo30ON.js';
import './hot-help-validate-plan-audit-verify-rbxjbofx.js';
import './hot-validate-plan-DkI_aO9c.js';
import 'node:fs';
import 'node:path';
import 'node:util';
import 'node:crypto';
import 'node:fs/promises';
import 'node:child_process';
import 'node:worker_threads';

const require$1 = createRequire(import.meta.url);

export { parseManifest };
