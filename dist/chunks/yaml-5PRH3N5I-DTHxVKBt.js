import { createRequire } from 'node:module';
import { b as parseManifest } from './hot-plan-YWGJn6IT.js';
export { c as parseYaml, d as schemaFindings } from './hot-plan-YWGJn6IT.js';
export { b as positionOf } from './hot-validate-plan-verify-C9JqfCVv.js';
import './hot-validate-plan-audit-verify-DglurztO.js';
import './hot-help-validate-plan-audit-verify-CiDATK95.js';
import './hot-validate-plan-DjS3M9MR.js';
import 'node:fs';
import 'node:path';
import 'node:util';
import 'node:crypto';
import 'node:fs/promises';
import 'node:child_process';
import 'node:worker_threads';

const require$1 = createRequire(import.meta.url);

export { parseManifest };
