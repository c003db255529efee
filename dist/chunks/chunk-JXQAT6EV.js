import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  disableOrtTelemetry
} from "./chunk-Q4CUUOUB.js";

// src/util/source-worker.ts
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
var files = /* @__PURE__ */ new Map();
function startWorkerFrom(moduleUrl, data) {
  disableOrtTelemetry();
  if (!moduleUrl.endsWith(".ts")) return new Worker(fileURLToPath(moduleUrl), { workerData: data });
  let file = files.get(moduleUrl);
  if (file === void 0) {
    const { workerModuleFile } = createRequire(import.meta.url)("../../scripts/worker-script.cjs");
    file = workerModuleFile(fileURLToPath(moduleUrl));
    files.set(moduleUrl, file);
  }
  return new Worker(file, { workerData: data });
}

export {
  startWorkerFrom
};
