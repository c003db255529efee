/**
 * Scoring spread over batches instead of over one batch's operators. Every session scores with one intra-op thread
 * (SCORING_THREADS), so a batch's predictions do not depend on the CPU count (a TreeEnsemble sums its trees in a
 * thread-count-dependent order otherwise); the speed comes back from scoring several batches at once, each in a
 * worker thread with its own sessions. Which worker scores a batch changes nothing: batches are the same on every
 * machine and every session scores the same way, so the predictions are the same bytes.
 */
import { availableParallelism } from "node:os";
import { isMainThread, parentPort, type Worker, workerData } from "node:worker_threads";
import { CheckFailed, UserError } from "../errors.ts";
import { startModuleWorker } from "../util/worker.ts";
import type { Task } from "./metrics.ts";
import type { ModelIo } from "./model-io.ts";
import { type Feed, ModelRunner, SCORING_THREADS } from "./runner.ts";

/** One model a worker opens: the bytes `ModelRunner.open` takes. */
export interface PoolModel {
  bytes: Uint8Array;
  file: string;
  io: ModelIo;
}

type Prediction = Float32Array | Float64Array;

interface Job {
  resolve: (r: { outs: Prediction[]; ms: number[] }) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: number;
  jobs: Map<number, Job>;
}

/** Worker threads to score with: one per available CPU (at most 8); none on a single CPU. */
export function defaultScoringWorkers(): number {
  const n = Math.min(availableParallelism(), 8);
  return n >= 2 ? n : 0;
}

/** Worker threads, each holding a session per model, scoring whole batches. */
export class ScoringPool {
  private next = 0;
  private constructor(private readonly slots: Slot[]) {}

  get size(): number {
    return this.slots.length;
  }

  /**
   * Starts `workers` threads and opens every model in each. When workers cannot start (an environment without
   * worker_threads, or a model a worker cannot open) there is no pool and `error` says why: the caller then scores in
   * its own thread, and says so.
   */
  static async start(
    models: PoolModel[],
    task: Task,
    workers: number,
  ): Promise<{ pool?: ScoringPool; error?: string }> {
    const slots: Slot[] = [];
    const ready: Promise<void>[] = [];
    try {
      for (let i = 0; i < workers; i++) {
        const worker = startModuleWorker(import.meta.url, { modelgateScoring: { models, task } });
        const slot: Slot = { worker, busy: 0, jobs: new Map() };
        slots.push(slot);
        ready.push(
          new Promise<void>((resolve, reject) => {
            worker.once("message", (m: { ready?: boolean; error?: string }) =>
              m.ready ? resolve() : reject(new Error(m.error)),
            );
            worker.once("error", reject);
          }),
        );
      }
      await Promise.all(ready);
    } catch (err) {
      await Promise.all(slots.map((s) => s.worker.terminate()));
      return { error: err instanceof Error ? err.message : String(err) };
    }
    for (const slot of slots) {
      const fail = (err: Error) => {
        for (const job of slot.jobs.values()) job.reject(err);
        slot.jobs.clear();
      };
      slot.worker.on("message", (m: { id: number; outs?: Prediction[]; ms?: number[]; error?: SerializedError }) => {
        const job = slot.jobs.get(m.id);
        if (!job) return;
        slot.jobs.delete(m.id);
        slot.busy--;
        if (m.error) job.reject(revive(m.error));
        else job.resolve({ outs: m.outs!, ms: m.ms! });
      });
      slot.worker.on("error", fail);
      slot.worker.on("exit", (code) => {
        if (slot.jobs.size > 0) fail(new Error(`a scoring worker exited (code ${code})`));
      });
    }
    return { pool: new ScoringPool(slots) };
  }

  /**
   * Scores one batch (each model's feeds, built by its `ModelRunner.feeds` in this thread, whose buffers are moved,
   * not copied, to the worker) in the least busy worker; returns the predictions and how long each model's run took.
   */
  run(feeds: Record<string, Feed>[], rows: number): Promise<{ outs: Prediction[]; ms: number[] }> {
    let slot = this.slots[0];
    for (const s of this.slots) if (s.busy < slot.busy) slot = s;
    const id = this.next++;
    slot.busy++;
    const buffers = new Set<ArrayBuffer>();
    for (const f of feeds)
      for (const t of Object.values(f)) if (!Array.isArray(t.data)) buffers.add(t.data.buffer as ArrayBuffer);
    return new Promise((resolve, reject) => {
      slot.jobs.set(id, { resolve, reject });
      slot.worker.postMessage({ id, feeds, rows }, [...buffers]);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

interface SerializedError {
  name: string;
  message: string;
}

function revive(e: SerializedError): Error {
  if (e.name === "UserError") return new UserError(e.message);
  if (e.name === "CheckFailed") return new CheckFailed(e.message);
  return new Error(e.message);
}

if (!isMainThread && workerData?.modelgateScoring) {
  const { models, task } = workerData.modelgateScoring as { models: PoolModel[]; task: Task };
  const port = parentPort!;
  const serialize = (err: unknown): SerializedError => ({
    name: (err as Error)?.name ?? "Error",
    message: (err as Error)?.message ?? String(err),
  });
  Promise.all(models.map((m) => ModelRunner.open(m.bytes, m.file, task, m.io, SCORING_THREADS))).then(
    (runners) => {
      port.on("message", async ({ id, feeds, rows }: { id: number; feeds: Record<string, Feed>[]; rows: number }) => {
        try {
          const outs: Prediction[] = [];
          const ms: number[] = [];
          for (const [i, r] of runners.entries()) {
            const before = r.inferMs;
            outs.push(await r.runFeeds(feeds[i], rows));
            ms.push(r.inferMs - before);
          }
          port.postMessage(
            { id, outs, ms },
            outs.map((o) => o.buffer as ArrayBuffer),
          );
        } catch (err) {
          port.postMessage({ id, error: serialize(err) });
        }
      });
      port.postMessage({ ready: true });
    },
    (err) => port.postMessage({ error: serialize(err).message }),
  );
}
