import { createRequire } from 'node:module';
export { b as alertSchema, d as driftColumnSchema, g as gateResultSchema, a as monitoringRecordPath, m as monitoringRecordSchema, s as sliceMetricsSchema, c as sourceSchema, w as watchedVersionSchema } from './chunk-UJBNVSBJ-w54T6uVT.js';
import './chunk-LYRQXBMV-BXHYPiyi.js';
import './chunk-S43IQFRZ-B-SSS4At.js';
import './hot-validate-audit-verify-C-_o6MJ0.js';
import './hot-help-validate-audit-verify-aYLtKKnG.js';
import 'node:fs';
import 'node:path';
import 'node:util';
import 'node:crypto';
import 'node:fs/promises';
import 'node:child_process';
import 'node:worker_threads';

const require$1 = createRequire(import.meta.url);
