import { createRequire } from 'node:module';
export { b as alertSchema, d as driftColumnSchema, g as gateResultSchema, a as monitoringRecordPath, m as monitoringRecordSchema, s as sliceMetricsSchema, c as sourceSchema, w as watchedVersionSchema } from './chunk-UJBNVSBJ-DU3xSooM.js';
import './hot-plan-B74EilRD.js';
import './hot-validate-plan-audit-verify-QICo30ON.js';
import './hot-help-validate-plan-audit-verify-rbxjbofx.js';
import './hot-validate-plan-DkI_aO9c.js';
import './hot-validate-plan-verify-DgmVZHur.js';
import 'node:fs';
import 'node:path';
import 'node:util';
import 'node:crypto';
import 'node:fs/promises';
import 'node:child_process';
import 'node:worker_threads';

const require$1 = createRequire(import.meta.url);
