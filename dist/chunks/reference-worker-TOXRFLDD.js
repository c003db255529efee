import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  takePrestarted
} from "./chunk-AKCVZCJS.js";
import {
  collect
} from "./chunk-OTHSGMS3.js";
import "./chunk-2N2GYVU3.js";
import "./chunk-O7KZ7V2Q.js";
import "./chunk-7DC5CDGY.js";
import {
  ModelRunner,
  loadOrt,
  ortVersion
} from "./chunk-RUQEVCOP.js";
import "./chunk-3RH2EWC2.js";
import "./chunk-7B77QO44.js";
import "./chunk-OOQO5JDE.js";
import "./chunk-Y72I2OFL.js";
import {
  reviveWorkerError,
  serializeWorkerError,
  startModuleWorker
} from "./chunk-SKWY5OI3.js";
import "./chunk-6UXFBPQ7.js";
import "./chunk-X6OXJVG3.js";
import "./chunk-UBMSCOQN.js";
import "./chunk-2ZLDIS45.js";
import "./chunk-YK35P24K.js";
import "./chunk-OZK2C7TC.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-FEFSD2JC.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";

// src/monitor/reference-worker.ts
import { isMainThread, parentPort, workerData } from "node:worker_threads";
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
export {
  scoreReferences,
  scoreReferencesInWorker
};
