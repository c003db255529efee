import { createRequire } from 'node:module';
import { t as takePrestarted } from './chunk-AKCVZCJS-CNRjUNJo.js';
import { a as collect } from './chunk-OTHSGMS3-yPQ0aSNM.js';
import './chunk-2N2GYVU3-BuZWoH5t.js';
import './hot-validate-Cbhe7qur.js';
import { M as ModelRunner, o as ortVersion, l as loadOrt } from './chunk-RUQEVCOP-DcryHeG5.js';
import { s as startModuleWorker, n as reviveWorkerError, o as serializeWorkerError } from './hot-validate-verify-COnm42W2.js';
import './chunk-UBMSCOQN-DvpQ3ehE.js';
import './chunk-2ZLDIS45-ZCAU1cz0.js';
import './chunk-YK35P24K-BysRypHz.js';
import './hot-validate-plan-verify-C9JqfCVv.js';
import './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { parentPort, isMainThread, workerData } from 'node:worker_threads';
import 'node:fs';
import './hot-validate-plan-DjS3M9MR.js';
import './hot-validate-plan-audit-verify-DglurztO.js';
import 'node:path';
import 'node:util';
import 'node:crypto';
import 'node:fs/promises';
import 'node:child_process';
import 'node:timers/promises';
import 'node:v8';
import 'node:url';

const require$1 = createRequire(import.meta.url);
async function scoreReferences(jobs) {
  const scores = [];
  for (const job of jobs) {
    if (!job.spec) {
      const m = job.model;
      const r = await ModelRunner.open(m.bytes, m.source, m.task, m.io);
      await r.close();
      scores.push(void 0);
      continue;
    }
    const c = await collect({ ...job.spec, latency: false, workers: 0 });
    const model = c.models[0];
    scores.push({
      rows: c.rows,
      width: model.output.width,
      preds: model.preds,
      labelKeys: c.labelKeys,
      labelCodes: c.labelCodes,
      ...model.classLabels ? { classLabels: model.classLabels } : {}
    });
  }
  return { scores, onnxruntime: ortVersion(await loadOrt()) };
}
function scoreReferencesInWorker(job) {
  const inWorker = new Promise((resolve, reject) => {
    let worker;
    const prestarted = takePrestarted("monitor-reference", 1)?.[0];
    try {
      if (prestarted) {
        worker = prestarted;
        worker.postMessage({ modelgateReference: job });
      } else worker = startModuleWorker(import.meta.url, { modelgateReference: job });
    } catch {
      return resolve(void 0);
    }
    worker.once(
      "message",
      (m) => m.error ? reject(reviveWorkerError(m.error)) : resolve(m.scored)
    );
    worker.once("error", () => resolve(void 0));
    worker.once("exit", () => resolve(void 0));
  });
  const scored = inWorker.then((r) => r ?? scoreReferences(job));
  scored.catch(() => void 0);
  return scored;
}
function answer(jobs) {
  const port = parentPort;
  scoreReferences(jobs).then(
    (scored) => port.postMessage({ scored }),
    (err) => port.postMessage({ error: serializeWorkerError(err) })
  ).finally(() => port.close());
}
if (!isMainThread && workerData?.modelgateReference) answer(workerData.modelgateReference);
else if (!isMainThread && workerData?.modelgatePrestart === "reference") {
  loadOrt().then((ort) => ort.InferenceSession.create(new Uint8Array(0))).catch(() => void 0);
  parentPort.once("message", (m) => {
    if (m.modelgateReference) answer(m.modelgateReference);
    else parentPort.close();
  });
}

export { scoreReferences, scoreReferencesInWorker };
