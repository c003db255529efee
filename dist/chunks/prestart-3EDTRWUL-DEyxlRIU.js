import { createRequire } from 'node:module';
import { r as releasePrestarted, p as prestartWorkers } from './chunk-AKCVZCJS-CNRjUNJo.js';
import { d as defaultScoringWorkers } from './chunk-6ISN4EGF-OY3v5fbb.js';
import { j as startWorkerFrom } from './hot-validate-verify-COnm42W2.js';
import './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { isMainThread, workerData } from 'node:worker_threads';
import 'node:os';
import './hot-validate-plan-verify-C9JqfCVv.js';
import './hot-validate-plan-audit-verify-DglurztO.js';
import 'node:util';
import 'node:crypto';
import 'node:fs/promises';
import 'node:child_process';
import 'node:url';

const require$1 = createRequire(import.meta.url);
var MIN_BYTES = 16 * 1024 * 1024;
function logPaths(args) {
  const out = [];
  let inLogs = false;
  for (const a of args) {
    if (a.startsWith("-")) {
      inLogs = a === "--logs";
      if (a.startsWith("--logs=")) out.push(a.slice(7));
    } else if (inLogs) out.push(a);
  }
  return out;
}
function prestartMonitor(args, minBytes = MIN_BYTES) {
  if (args.length === 0 || args.some((a) => a === "--help" || a === "-h")) return releasePrestarted;
  start("reference", 1);
  if (args.includes("--retrain")) return releasePrestarted;
  const logs = logPaths(args);
  let size = 0;
  for (const f of logs) {
    if (extname(f).toLowerCase() !== ".csv") return releasePrestarted;
    try {
      const st = statSync(resolve(f));
      if (!st.isFile()) return releasePrestarted;
      size += st.size;
    } catch {
      return releasePrestarted;
    }
  }
  const workers = defaultScoringWorkers();
  if (logs.length > 0 && size >= minBytes && workers > 0) start("feed", workers);
  return releasePrestarted;
}
function start(kind, count) {
  prestartWorkers(`monitor-${kind}`, count, () => startWorkerFrom(import.meta.url, { modelgatePrestart: kind }));
}
if (!isMainThread) {
  const kind = workerData?.modelgatePrestart;
  if (kind === "feed") void import('./workers-SIVCSP2A-B8relEtn.js');
  else if (kind === "reference") void import('./reference-worker-TOXRFLDD-DQOHJ1Pt.js');
}

export { prestartMonitor };
