import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  DataError
} from "./chunk-6UXFBPQ7.js";
import {
  startWorkerFrom
} from "./chunk-X6OXJVG3.js";
import {
  CheckFailed,
  UserError
} from "./chunk-VPZGVLTG.js";

// src/util/worker.ts
function startModuleWorker(moduleUrl, data) {
  return startWorkerFrom(moduleUrl, data);
}
var END = "modelgateEnd";
function isEndMessage(m) {
  return typeof m === "object" && m !== null && m[END] === true;
}
async function endWorkers(workers, graceMs = 2e3) {
  await Promise.all(
    workers.map(
      (w) => new Promise((resolve) => {
        if (w.threadId < 0) return resolve();
        const timer = setTimeout(
          () => w.terminate().then(
            () => resolve(),
            () => resolve()
          ),
          graceMs
        );
        w.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
        w.postMessage({ [END]: true });
      })
    )
  );
}
async function startReadyWorkers(count, start) {
  const workers = [];
  const ready = [];
  try {
    for (let i = 0; i < count; i++) {
      const worker = start(i);
      workers.push(worker);
      ready.push(
        new Promise((resolve, reject) => {
          worker.once(
            "message",
            (m) => m.ready ? resolve() : reject(new Error(m.error))
          );
          worker.once("error", reject);
        })
      );
    }
    await Promise.all(ready);
  } catch (err) {
    await endWorkers(workers);
    return { error: err instanceof Error ? err.message : String(err) };
  }
  return { workers };
}
function serializeWorkerError(err) {
  return {
    name: err?.name ?? "Error",
    message: err?.message ?? String(err),
    ...err instanceof DataError ? { data: { file: err.file, line: err.line, row: err.row, detail: err.detail } } : {}
  };
}
function reviveWorkerError(e) {
  if (e.data) return new DataError(e.data.file, { line: e.data.line, row: e.data.row }, e.data.detail);
  if (e.name === "UserError") return new UserError(e.message);
  if (e.name === "CheckFailed") return new CheckFailed(e.message);
  return new Error(e.message);
}

export {
  startModuleWorker,
  isEndMessage,
  endWorkers,
  startReadyWorkers,
  serializeWorkerError,
  reviveWorkerError
};
