import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  prestarted,
  release
} from "./chunk-52LTVNUP.js";
import {
  defaultScoringWorkers
} from "./chunk-MY2UWQIZ.js";
import {
  startWorkerFrom
} from "./chunk-BQ3X32ZS.js";
import "./chunk-CCN2QAD7.js";

// src/monitor/prestart.ts
import { statSync } from "node:fs";
import { extname, resolve } from "node:path";
import { isMainThread, workerData } from "node:worker_threads";
var MIN_BYTES = 16 * 1024 * 1024;
function logPaths(args) {
  const out = [];
  let inLogs = false;
  for (const a of args) {
    if (a.startsWith("-")) {
      inLogs = a === "--logs";
      if (a.startsWith("--logs=")) out.push(a.slice(7));
    } else if (inLogs) out.push(a);
  }
  return out;
}
function prestartMonitor(args, minBytes = MIN_BYTES) {
  if (args.length === 0 || args.some((a) => a === "--help" || a === "-h")) return release;
  start("reference", 1);
  if (args.includes("--retrain")) return release;
  const logs = logPaths(args);
  let size = 0;
  for (const f of logs) {
    if (extname(f).toLowerCase() !== ".csv") return release;
    try {
      const st = statSync(resolve(f));
      if (!st.isFile()) return release;
      size += st.size;
    } catch {
      return release;
    }
  }
  const workers = defaultScoringWorkers();
  if (logs.length > 0 && size >= minBytes && workers > 0) start("feed", workers);
  return release;
}
function start(kind, count) {
  for (let i = 0; i < count; i++) {
    let worker;
    try {
      worker = startWorkerFrom(import.meta.url, { modelgatePrestart: kind });
    } catch {
      return;
    }
    const p = { worker, failed: false };
    worker.once("error", () => p.failed = true);
    worker.once("exit", () => p.failed = true);
    prestarted[kind].push(p);
  }
}
if (!isMainThread) {
  const kind = workerData?.modelgatePrestart;
  if (kind === "feed") void import("./workers-JZPK26JN.js");
  else if (kind === "reference") void import("./reference-worker-EPF624ZO.js");
}
export {
  prestartMonitor
};
