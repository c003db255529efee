import { createRequire } from 'node:module';
import { b as readOverlayPin } from './chunk-PBKVHRC3-wi_CBaMH.js';
export { M as MANAGED_BY, T as TRITON_IMAGE, d as deployPaths, r as renderBase, a as renderOverlay, c as storageUri } from './chunk-PBKVHRC3-wi_CBaMH.js';
export { R as RECORD_ANNOTATION, V as VERSION_ANNOTATION } from './hot-verify-CS61MYk-.js';
import './hot-plan-YWGJn6IT.js';
import './hot-validate-plan-audit-verify-DglurztO.js';
import './hot-help-validate-plan-audit-verify-CiDATK95.js';
import './hot-audit-verify-DZYJh8zf.js';
import 'node:path';
import 'node:child_process';
import 'node:crypto';
import 'node:fs';
import 'node:os';
import './hot-validate-verify-COnm42W2.js';
import './hot-validate-plan-verify-C9JqfCVv.js';
import 'node:url';
import 'node:worker_threads';
import './hot-validate-plan-DjS3M9MR.js';
import 'node:util';
import 'node:fs/promises';

const require$1 = createRequire(import.meta.url);

export { readOverlayPin };
