import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

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
function disableOrtTelemetry(env = process.env) {
  if (!env.ORT_DISABLE_TELEMETRY) env.ORT_DISABLE_TELEMETRY = "1";
}

export {
  startWorkerFrom,
  disableOrtTelemetry
};
