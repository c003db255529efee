import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/util/worker.ts
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
function startModuleWorker(moduleUrl, data) {
  if (!moduleUrl.endsWith(".ts")) return new Worker(fileURLToPath(moduleUrl), { workerData: data });
  const tsx = import.meta.resolve("tsx/esm/api");
  const code = `import(${JSON.stringify(tsx)}).then((m) => m.register()).then(() => import(${JSON.stringify(moduleUrl)}))`;
  return new Worker(code, { eval: true, workerData: data });
}

export {
  startModuleWorker
};
