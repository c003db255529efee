import { createRequire } from 'node:module';
import { r as releasePrestarted, p as prestartWorkers } from './chunk-AKCVZCJS-CNRjUNJo.js';
import { d as defaultScoringWorkers } from './chunk-6ISN4EGF-OY3v5fbb.js';
import { j as startWorkerFrom } from './hot-validate-verify-COnm42W2.js';
import './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { statSync } from 'node:fs';
import { isMainThread, workerData } from 'node:worker_threads';
import 'node:os';
import './hot-validate-plan-verify-C9JqfCVv.js';
import './hot-validate-plan-audit-verify-DglurztO.js';
import 'node:path';
import 'node:util';
import 'node:crypto';
import 'node:fs/promises';
import 'node:child_process';
import 'node:url';

const require$1 = createRequire(import.meta.url);
var MIN_BYTES = 16 << 20;
function flag(args, name) {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === `--${name}`) return args[i + 1];
    if (args[i].startsWith(`--${name}=`)) return args[i].slice(name.length + 3);
  }
  return void 0;
}
function prestartScoring(args, minBytes = MIN_BYTES) {
  const data = flag(args, "data");
  if (args.length === 0 || !args[0].startsWith("--") || !data || !flag(args, "model")) return releasePrestarted;
  if (args.some((a) => a === "--shard" || a.startsWith("--shard=") || a === "--help" || a === "-h")) return releasePrestarted;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(data) || /\.dvc$|dvc\.lock/.test(data)) return releasePrestarted;
  let size = 0;
  try {
    const st = statSync(data);
    if (st.isFile()) size = st.size;
  } catch {
    return releasePrestarted;
  }
  const workers = defaultScoringWorkers();
  if (size < minBytes || workers === 0) return releasePrestarted;
  prestartWorkers("scoring", workers, () => startWorkerFrom(import.meta.url, { modelgateScoring: { deferred: true } }));
  return releasePrestarted;
}
if (!isMainThread && workerData?.modelgateScoring?.deferred) {
  void import('./pool-7MWVEMCW-DXzZbyAb.js');
}

export { prestartScoring };
