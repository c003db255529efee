import type { Worker } from "node:worker_threads";
import { DataError } from "../data/batch.ts";
import { CheckFailed, UserError } from "../errors.ts";
import { startWorkerFrom } from "./source-worker.ts";

/**
 * A worker thread running the module at `moduleUrl` (pass `import.meta.url`; the module starts its worker side when
 * it sees its `workerData`): the bundled .js directly, the TypeScript source (tests, bench) bundled at first use
 * (`startWorkerFrom`).
 */
export function startModuleWorker(moduleUrl: string, data: unknown): Worker {
  return startWorkerFrom(moduleUrl, data);
}

/** The message a worker started here answers by closing its port, so that its thread ends on its own. */
const END = "modelgateEnd";

/** Whether a message to a worker asks it to end (`endWorkers`): the worker then closes its port and returns. */
export function isEndMessage(m: unknown): boolean {
  return typeof m === "object" && m !== null && (m as Record<string, unknown>)[END] === true;
}

/**
 * Ends worker threads by asking each to close its port and waiting for it to exit; only one still running after
 * `graceMs` is terminated. Terminating a worker while V8 compiles its code on a helper thread can abort the whole
 * process in Node 20 (`NodePlatform::ForIsolate` "Assertion failed: (data.first) != nullptr", seen here under load
 * in the reader threads' test), and a worker left to return from its own event loop does not meet that.
 */
export async function endWorkers(workers: Worker[], graceMs = 2000): Promise<void> {
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve) => {
          if (w.threadId < 0) return resolve(); // exited already
          const timer = setTimeout(
            () =>
              w.terminate().then(
                () => resolve(),
                () => resolve(),
              ),
            graceMs,
          );
          w.once("exit", () => {
            clearTimeout(timer);
            resolve();
          });
          w.postMessage({ [END]: true });
        }),
    ),
  );
}

/**
 * Starts `count` worker threads (`start(i)` makes the i-th) and waits until each has said `{ready: true}` in its first
 * message; when one cannot start, answers `{error}` instead, or fails before it is ready, every one started is ended
 * and the error says why (the caller then works without them).
 */
export async function startReadyWorkers(
  count: number,
  start: (i: number) => Worker,
): Promise<{ workers: Worker[]; error?: undefined } | { workers?: undefined; error: string }> {
  const workers: Worker[] = [];
  const ready: Promise<void>[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const worker = start(i);
      workers.push(worker);
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
    await endWorkers(workers);
    return { error: err instanceof Error ? err.message : String(err) };
  }
  return { workers };
}

/** An error as it crosses from a worker thread: its kind, message and, for a DataError, its parts. */
export interface WorkerError {
  name: string;
  message: string;
  /** A DataError's parts. */
  data?: { file: string; line?: number; row?: number; detail: string };
}

/** An error thrown in a worker, as it is posted to the main thread. */
export function serializeWorkerError(err: unknown): WorkerError {
  return {
    name: (err as Error)?.name ?? "Error",
    message: (err as Error)?.message ?? String(err),
    ...(err instanceof DataError ? { data: { file: err.file, line: err.line, row: err.row, detail: err.detail } } : {}),
  };
}

/** A worker's error in the main thread, of its kind again (exit 2 for a UserError, 1 for a failed check). */
export function reviveWorkerError(e: WorkerError): Error {
  if (e.data) return new DataError(e.data.file, { line: e.data.line, row: e.data.row }, e.data.detail);
  if (e.name === "UserError") return new UserError(e.message);
  if (e.name === "CheckFailed") return new CheckFailed(e.message);
  return new Error(e.message);
}
