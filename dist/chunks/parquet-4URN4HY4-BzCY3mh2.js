import { createRequire } from 'node:module';
import { r as readParquet, a as readParquetColumns, p as parquetRowCount, b as parquetLayout, c as readParquetUnits } from './chunk-57NNSMOW-CAvxzEWT.js';
export { d as parquetUnitBatches, e as parquetUnitState } from './chunk-57NNSMOW-CAvxzEWT.js';
import './hot-validate-B-PelMnH.js';
import './hot-validate-verify-Df-Yd_Rd.js';
import './hot-validate-plan-verify-DgmVZHur.js';
import './hot-help-validate-plan-audit-verify-rbxjbofx.js';
import 'node:fs/promises';
import 'node:zlib';
import 'fs';
import './hot-validate-plan-DkI_aO9c.js';
import './hot-validate-plan-audit-verify-QICo30ON.js';
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
