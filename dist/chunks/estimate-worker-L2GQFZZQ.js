import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  estimatedPerformance
} from "./chunk-TTEN63ZV.js";
import "./chunk-2EP4N2N2.js";
import {
  startModuleWorker
} from "./chunk-SKWY5OI3.js";
import "./chunk-6UXFBPQ7.js";
import "./chunk-X6OXJVG3.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";

// src/monitor/estimate-worker.ts
import { isMainThread, parentPort, workerData } from "node:worker_threads";
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
export {
  estimateInWorker
};
