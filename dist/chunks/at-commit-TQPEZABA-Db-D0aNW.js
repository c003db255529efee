import { createRequire } from 'node:module';
import { m as manifestAt } from './chunk-7QV4TYNM-BhNYIKJJ.js';
export { q as readManifestAt, m as readManifestsAt } from './hot-validate-verify-C8t4jxm2.js';
import './chunk-2E6TZQRV-DPA5_5vV.js';
import './chunk-LYRQXBMV-BXHYPiyi.js';
import './chunk-S43IQFRZ-B-SSS4At.js';
import './chunk-YZUBQ7DK-DHQLuxFL.js';
import './hot-validate-audit-verify-C-_o6MJ0.js';
import './hot-help-validate-audit-verify-aYLtKKnG.js';
import 'node:url';
import 'node:worker_threads';
import 'node:fs';
import 'node:path';
import 'node:util';
import 'node:crypto';
import 'node:fs/promises';
import 'node:child_process';

const require$1 = createRequire(import.meta.url);

export { manifestAt };
