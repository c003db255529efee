import { createRequire } from 'node:module';
import { e as estimatedPerformance } from './chunk-TTEN63ZV-SY8ycxCd.js';
import './chunk-2EP4N2N2-TUQsqfkI.js';
import { s as startModuleWorker } from './hot-validate-verify-COnm42W2.js';
import './hot-validate-plan-verify-C9JqfCVv.js';
import './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { isMainThread, workerData, parentPort } from 'node:worker_threads';
import 'node:url';
import './hot-validate-plan-audit-verify-DglurztO.js';
import 'node:fs';
import 'node:path';
import 'node:util';
import 'node:crypto';
import 'node:fs/promises';
import 'node:child_process';

const require$1 = createRequire(import.meta.url);
function estimateInWorker(job) {
  return new Promise((resolve, reject) => {
    const worker = startModuleWorker(import.meta.url, { modelgateEstimate: job });
    worker.once(
      "message",
      (m) => m.error === void 0 ? resolve(m.estimated) : reject(new Error(m.error))
    );
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the estimating worker exited (code ${code})`)));
  });
}
if (!isMainThread && workerData?.modelgateEstimate) {
  const job = workerData.modelgateEstimate;
  try {
    const estimated = estimatedPerformance(job.preds, job.versions, job.calibrators, job.threshold);
    parentPort.postMessage({ estimated });
  } catch (err) {
    parentPort.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
}

export { estimateInWorker };
