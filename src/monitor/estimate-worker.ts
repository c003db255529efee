/**
 * CBPE's estimate (./cbpe.ts `estimatedPerformance`) in a thread of its own, on a window's rows in shared memory
 * (./window.ts `summary({ shared: true })`: read, not copied), while the main thread computes the realized metrics:
 * the two sorts of the scores run on two cores instead of one after the other. The thread starts once the feed
 * workers have ended (their heaps given back first), computes, answers and ends. The same function on the same rows:
 * the same estimate as computing it in the main thread.
 */
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { startModuleWorker } from "../util/worker.ts";
import { type Calibrator, type Estimated, estimatedPerformance } from "./cbpe.ts";

export interface EstimateJob {
  preds: Float64Array;
  versions: Int32Array;
  calibrators: (Calibrator | undefined)[];
  threshold: number;
}

/** The estimate, computed in a new worker thread; rejects when the thread fails (the caller computes it itself). */
export function estimateInWorker(job: EstimateJob): Promise<Estimated | undefined> {
  return new Promise((resolve, reject) => {
    const worker = startModuleWorker(import.meta.url, { modelgateEstimate: job });
    worker.once("message", (m: { estimated?: Estimated; error?: string }) =>
      m.error === undefined ? resolve(m.estimated) : reject(new Error(m.error)),
    );
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the estimating worker exited (code ${code})`)));
  });
}

if (!isMainThread && workerData?.modelgateEstimate) {
  const job = workerData.modelgateEstimate as EstimateJob;
  try {
    const estimated = estimatedPerformance(job.preds, job.versions, job.calibrators, job.threshold);
    parentPort!.postMessage({ estimated });
  } catch (err) {
    parentPort!.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
}
