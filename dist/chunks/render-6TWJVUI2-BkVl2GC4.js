import { createRequire } from 'node:module';
import { b as readOverlayPin } from './chunk-PBKVHRC3-Te55JyAH.js';
export { M as MANAGED_BY, T as TRITON_IMAGE, d as deployPaths, r as renderBase, a as renderOverlay, c as storageUri } from './chunk-PBKVHRC3-Te55JyAH.js';
export { R as RECORD_ANNOTATION, V as VERSION_ANNOTATION } from './hot-verify-CywceBXG.js';
import './chunk-YZUBQ7DK-DHQLuxFL.js';
import './hot-validate-audit-verify-C-_o6MJ0.js';
import './hot-help-validate-audit-verify-aYLtKKnG.js';
import './hot-audit-verify-B6ZY6wfh.js';
import 'node:path';
import 'node:child_process';
import 'node:crypto';
import 'node:fs';
import 'node:os';
import './hot-validate-verify-C8t4jxm2.js';
import 'node:url';
import 'node:worker_threads';
import 'node:util';
import 'node:fs/promises';

const require$1 = createRequire(import.meta.url);

export { readOverlayPin };
