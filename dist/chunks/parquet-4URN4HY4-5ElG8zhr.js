import { createRequire } from 'node:module';
import { r as readParquet, a as readParquetColumns, p as parquetRowCount, b as parquetLayout, c as readParquetUnits } from './chunk-57NNSMOW-CqGXJgBs.js';
export { d as parquetUnitBatches, e as parquetUnitState } from './chunk-57NNSMOW-CqGXJgBs.js';
import './hot-validate-Cbhe7qur.js';
import './hot-validate-verify-COnm42W2.js';
import './hot-validate-plan-verify-C9JqfCVv.js';
import './hot-help-validate-plan-audit-verify-CiDATK95.js';
import 'node:fs/promises';
import 'node:zlib';
import 'fs';
import './hot-validate-plan-DjS3M9MR.js';
import './hot-validate-plan-audit-verify-DglurztO.js';
import 'node:fs';
import 'node:path';
import 'node:util';
import 'node:crypto';
import 'node:child_process';
import 'node:worker_threads';
import 'node:timers/promises';
import 'node:v8';
import 'node:url';

const require$1 = createRequire(import.meta.url);

export { parquetLayout, parquetRowCount, readParquet, readParquetColumns, readParquetUnits };
