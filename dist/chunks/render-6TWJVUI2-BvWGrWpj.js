import { createRequire } from 'node:module';
import { b as readOverlayPin } from './chunk-PBKVHRC3-DW47LNRe.js';
export { M as MANAGED_BY, T as TRITON_IMAGE, d as deployPaths, r as renderBase, a as renderOverlay, c as storageUri } from './chunk-PBKVHRC3-DW47LNRe.js';
export { R as RECORD_ANNOTATION, V as VERSION_ANNOTATION } from './hot-verify-3Z0yYc-5.js';
import './hot-plan-B74EilRD.js';
import './hot-validate-plan-audit-verify-QICo30ON.js';
import './hot-help-validate-plan-audit-verify-rbxjbofx.js';
import './hot-audit-verify-CW431pox.js';
import 'node:path';
import 'node:child_process';
import 'node:crypto';
import 'node:fs';
import 'node:os';
import './hot-validate-verify-Df-Yd_Rd.js';
import './hot-validate-plan-verify-DgmVZHur.js';
import 'node:url';
import 'node:worker_threads';
import './hot-validate-plan-DkI_aO9c.js';
import 'node:util';
import 'node:fs/promises';

const require$1 = createRequire(import.meta.url);

export { readOverlayPin };
