import { createRequire } from 'node:module';
import { r as readParquet, a as readParquetColumns, p as parquetRowCount, b as parquetLayout, c as readParquetUnits } from './chunk-57NNSMOW-BrZpq4Z8.js';
export { d as parquetUnitBatches, e as parquetUnitState } from './chunk-57NNSMOW-BrZpq4Z8.js';
import './hot-validate-BotGmJiZ.js';
import './hot-validate-verify-C8t4jxm2.js';
import './hot-help-validate-audit-verify-aYLtKKnG.js';
import 'node:fs/promises';
import 'node:zlib';
import 'fs';
import './hot-validate-audit-verify-C-_o6MJ0.js';
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
