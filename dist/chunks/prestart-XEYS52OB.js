import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  defaultScoringWorkers,
  prestarted,
  release
} from "./chunk-MY2UWQIZ.js";
import {
  startWorkerFrom
} from "./chunk-BQ3X32ZS.js";
import "./chunk-CCN2QAD7.js";

// src/evaluate/prestart.ts
import { statSync } from "node:fs";
import { isMainThread, workerData } from "node:worker_threads";
var MIN_BYTES = 16 << 20;
function flag(args, name) {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === `--${name}`) return args[i + 1];
    if (args[i].startsWith(`--${name}=`)) return args[i].slice(name.length + 3);
  }
  return void 0;
}
function prestartScoring(args, minBytes = MIN_BYTES) {
  const data = flag(args, "data");
  if (args.length === 0 || !args[0].startsWith("--") || !data || !flag(args, "model")) return release;
  if (args.some((a) => a === "--shard" || a.startsWith("--shard=") || a === "--help" || a === "-h")) return release;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(data) || /\.dvc$|dvc\.lock/.test(data)) return release;
  let size = 0;
  try {
    const st = statSync(data);
    if (st.isFile()) size = st.size;
  } catch {
    return release;
  }
  const workers = defaultScoringWorkers();
  if (size < minBytes || workers === 0) return release;
  for (let i = 0; i < workers; i++) {
    let worker;
    try {
      worker = startWorker();
    } catch {
      break;
    }
    const p = { worker, failed: false };
    worker.once("error", () => p.failed = true);
    worker.once("exit", () => p.failed = true);
    prestarted.push(p);
  }
  return release;
}
function startWorker() {
  return startWorkerFrom(import.meta.url, { modelgateScoring: { deferred: true } });
}
if (!isMainThread && workerData?.modelgateScoring?.deferred) {
  void import("./pool-6NVN4W6M.js");
}
export {
  prestartScoring
};
