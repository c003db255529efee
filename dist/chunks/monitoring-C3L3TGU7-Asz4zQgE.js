import { createRequire } from 'node:module';
export { b as alertSchema, d as driftColumnSchema, g as gateResultSchema, a as monitoringRecordPath, m as monitoringRecordSchema, s as sliceMetricsSchema, c as sourceSchema, w as watchedVersionSchema } from './chunk-UJBNVSBJ-FdgIgU5w.js';
import './hot-plan-YWGJn6IT.js';
import './hot-validate-plan-audit-verify-DglurztO.js';
import './hot-help-validate-plan-audit-verify-CiDATK95.js';
import './hot-validate-plan-DjS3M9MR.js';
import './hot-validate-plan-verify-C9JqfCVv.js';
import 'node:fs';
import 'node:path';
import 'node:util';
import 'node:crypto';
import 'node:fs/promises';
import 'node:child_process';
import 'node:worker_threads';

const require$1 = createRequire(import.meta.url);
