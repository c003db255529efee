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
import { type Estimated, estimatedPerformance } from "./cbpe.ts";
import type { EstimateJob } from "./estimate-worker.ts";
import { takePrestarted } from "./prestarted.ts";

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

/** The reference's thread, once it has scored: it then waits for CBPE's estimate of the window, or its end. */
export interface ReferenceThread {
  /** The scores (rejects with the scoring's own error, revived: a UserError stays one). */
  scored: Promise<ScoredReferences>;
  /**
   * CBPE's estimate computed in the thread (./cbpe.ts `estimatedPerformance`, on the window's rows in shared memory);
   * undefined where the references were scored in this thread. Rejects when the thread fails.
   */
  estimate?: (job: EstimateJob) => Promise<Estimated | undefined>;
  /** Ends the thread (once; after an estimate it has ended already). */
  end(): void;
}

/**
 * The references scored in a worker thread, which then stays, idle, for the window's estimate: its start is paid once,
 * before the logs are read, instead of again at the end. Where the thread cannot start or dies without an answer,
 * they are scored in this thread instead.
 */
export function scoreReferencesInWorker(job: ReferenceJob[]): ReferenceThread {
  let worker: ReturnType<typeof startModuleWorker> | undefined;
  // the thread the CLI started before the command loaded (./prestart.ts) has loaded onnxruntime meanwhile
  const prestarted = takePrestarted("reference", 1)?.[0];
  try {
    if (prestarted) {
      worker = prestarted;
      worker.postMessage({ modelgateReference: job });
    } else worker = startModuleWorker(import.meta.url, { modelgateReference: job });
  } catch {
    worker = undefined;
  }
  const w = worker;
  let ended = false;
  const end = () => {
    if (ended || !w) return;
    ended = true;
    w.postMessage({ modelgateEnd: true });
  };
  // the thread's answers in order: the scores, then the estimate
  const answers: ((m: Answer | undefined) => void)[] = [];
  const next = () => new Promise<Answer | undefined>((resolve) => answers.push(resolve));
  const first = next();
  if (w) {
    w.on("message", (m: Answer) => answers.shift()?.(m));
    const gone = () => {
      ended = true;
      for (const a of answers.splice(0)) a(undefined);
    };
    w.once("error", gone);
    w.once("exit", gone);
  } else answers.shift()!(undefined);
  const scored = first.then((m) => {
    if (m?.error) throw reviveWorkerError(m.error);
    return m?.scored ?? scoreReferences(job);
  });
  scored.catch(() => undefined); // awaited by the caller, possibly after it has read the logs
  let threadScored = false;
  const usable = first.then((m) => (threadScored = m?.scored !== undefined));
  usable.catch(() => undefined);
  return {
    scored,
    get estimate() {
      if (!threadScored || ended || !w) return undefined;
      return async (e: EstimateJob) => {
        const answer = next();
        ended = true; // it ends after this answer
        w.postMessage({ modelgateEstimate: e });
        const m = await answer;
        if (!m || m.error) throw m?.error ? reviveWorkerError(m.error) : new Error("the reference's thread ended");
        return m.estimated;
      };
    },
    end,
  };
}

interface Answer {
  scored?: ScoredReferences;
  estimated?: Estimated;
  error?: WorkerError;
}

/** The thread's side: scores and answers; then computes the estimate it is sent, or ends (its port closed). */
function answer(jobs: ReferenceJob[]): void {
  const port = parentPort!;
  const close = () => port.close();
  scoreReferences(jobs).then(
    (scored) => {
      port.postMessage({ scored });
      port.once("message", (m: { modelgateEstimate?: EstimateJob }) => {
        if (m.modelgateEstimate) {
          const e = m.modelgateEstimate;
          try {
            port.postMessage({ estimated: estimatedPerformance(e.preds, e.versions, e.calibrators, e.threshold) });
          } catch (err) {
            port.postMessage({ error: serializeWorkerError(err) });
          }
        }
        close();
      });
    },
    (err) => {
      port.postMessage({ error: serializeWorkerError(err) });
      close();
    },
  );
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
