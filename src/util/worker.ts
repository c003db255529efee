import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

/**
 * A worker thread running the module at `moduleUrl` (pass `import.meta.url`; the module starts its worker side when
 * it sees its `workerData`): the bundled .js directly, the TypeScript source (tests, bench) through tsx.
 */
export function startModuleWorker(moduleUrl: string, data: unknown): Worker {
  if (!moduleUrl.endsWith(".ts")) return new Worker(fileURLToPath(moduleUrl), { workerData: data });
  const tsx = import.meta.resolve("tsx/esm/api");
  const code = `import(${JSON.stringify(tsx)}).then((m) => m.register()).then(() => import(${JSON.stringify(moduleUrl)}))`;
  return new Worker(code, { eval: true, workerData: data });
}
