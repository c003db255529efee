/**
 * The versions' references scored in a thread of their own (./versions.ts `scoreReference`: each version's model over
 * its evaluation data), started as soon as the versions are loaded: onnxruntime, the sessions and the scoring then run
 * beside the main thread, which goes on to read the logs, instead of before it. The main thread takes what the window
 * needs of each (./run.ts: the calibration of CBPE, the positive class, the prediction's reference) once the logs are
 * read. The same function on the same rows: the same scores as scoring them in the main thread. A model without
 * reference data is still opened here, so that a model onnxruntime cannot load fails the run as it did in the main
 * thread. The thread ends once it has answered.
 */
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { collect, type EvaluationSpec } from "../evaluate/collect.ts";
import { loadOrt, type ModelIo, ModelRunner, ortVersion } from "../evaluate/runner.ts";
import { reviveWorkerError, serializeWorkerError, startModuleWorker, type WorkerError } from "../util/worker.ts";
import { takePrestarted } from "../util/prestarted.ts";

/** What the window needs of a version's model over its evaluation data (the first model's output, the labels). */
export interface ReferenceScores {
  rows: number;
  /** Values per row in `preds`. */
  width: number;
  preds: Float32Array | Float64Array;
  labelKeys: string[];
  labelCodes: Int32Array;
  classLabels?: string[];
}

export interface ScoredReferences {
  /** Per version (undefined: no reference data to score). */
  scores: (ReferenceScores | undefined)[];
  /** onnxruntime-node's version. */
  onnxruntime: string;
}

/**
 * A version's model over its evaluation data, as evaluate collects it (no slices, no resamples, no latency, this
 * thread): the settings (./run.ts `referenceJob`, from the version's manifest and Dataset), or, without reference
 * data, the model alone. Plain data: it crosses to the thread.
 */
export type ReferenceJob =
  | { spec: Omit<EvaluationSpec, "workers" | "latency">; model?: undefined }
  | { spec?: undefined; model: { bytes: Uint8Array; source: string; task: EvaluationSpec["task"]; io: ModelIo } };

/** Scores every version's reference, here (the thread's work, and the fallback when no thread starts). */
export async function scoreReferences(jobs: ReferenceJob[]): Promise<ScoredReferences> {
  const scores: (ReferenceScores | undefined)[] = [];
  for (const job of jobs) {
    if (!job.spec) {
      // no data to score: the session is still opened, as the main thread opened every version's
      const m = job.model;
      const r = await ModelRunner.open(m.bytes, m.source, m.task, m.io);
      await r.close();
      scores.push(undefined);
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
      ...(model.classLabels ? { classLabels: model.classLabels } : {}),
    });
  }
  return { scores, onnxruntime: ortVersion(await loadOrt()) };
}

/**
 * The references scored in a new worker thread; rejects with the scoring's own error (revived: a UserError stays
 * one). Where the thread cannot start or dies without an answer, they are scored in this thread instead.
 */
export function scoreReferencesInWorker(job: ReferenceJob[]): Promise<ScoredReferences> {
  const inWorker = new Promise<ScoredReferences | undefined>((resolve, reject) => {
    let worker: ReturnType<typeof startModuleWorker>;
    // the thread the CLI started before the command loaded (./prestart.ts) has loaded onnxruntime meanwhile
    const prestarted = takePrestarted("monitor-reference", 1)?.[0];
    try {
      if (prestarted) {
        worker = prestarted;
        worker.postMessage({ modelgateReference: job });
      } else worker = startModuleWorker(import.meta.url, { modelgateReference: job });
    } catch {
      return resolve(undefined);
    }
    worker.once("message", (m: { scored?: ScoredReferences; error?: WorkerError }) =>
      m.error ? reject(reviveWorkerError(m.error)) : resolve(m.scored),
    );
    worker.once("error", () => resolve(undefined));
    worker.once("exit", () => resolve(undefined)); // settled already when it answered
  });
  const scored = inWorker.then((r) => r ?? scoreReferences(job));
  scored.catch(() => undefined); // awaited by the caller, possibly after it has read the logs
  return scored;
}

/** The thread's side: scores, answers, and ends (its port closed). */
function answer(jobs: ReferenceJob[]): void {
  const port = parentPort!;
  scoreReferences(jobs)
    .then(
      (scored) => port.postMessage({ scored }),
      (err) => port.postMessage({ error: serializeWorkerError(err) }),
    )
    .finally(() => port.close());
}

if (!isMainThread && workerData?.modelgateReference) answer(workerData.modelgateReference as ReferenceJob[]);
else if (!isMainThread && workerData?.modelgatePrestart === "reference") {
  // prestarted (./prestart.ts): onnxruntime loads now, and sets up its environment (what a process's first session
  // costs before its model, as evaluate's prestarted workers do: a session of no bytes, refused) while the command
  // loads; the versions come in the first message, or the end
  loadOrt()
    .then((ort) => ort.InferenceSession.create(new Uint8Array(0)))
    .catch(() => undefined);
  parentPort!.once("message", (m: { modelgateReference?: ReferenceJob[] }) => {
    if (m.modelgateReference) answer(m.modelgateReference);
    else parentPort!.close();
  });
}
