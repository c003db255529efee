import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { disableOrtTelemetry } from "./ort-telemetry.ts";

const files = new Map<string, string>();

/**
 * A worker thread running the module at `moduleUrl` (its `import.meta.url`): the bundled .js directly; a TypeScript
 * source (tests, benches) from that module bundled into one file by esbuild at its first start in this process
 * (scripts/worker-script.cjs `workerModuleFile`), so that each start loads one file instead of going through tsx.
 * Node builtins only (and ./ort-telemetry.ts, which imports nothing), so that the prestart path (evaluate/prestart.ts)
 * stays light.
 */
export function startWorkerFrom(moduleUrl: string, data: unknown): Worker {
  // the worker may load onnxruntime-node, which reads this thread's environment (./ort-telemetry.ts)
  disableOrtTelemetry();
  if (!moduleUrl.endsWith(".ts")) return new Worker(fileURLToPath(moduleUrl), { workerData: data });
  let file = files.get(moduleUrl);
  if (file === undefined) {
    const { workerModuleFile } = createRequire(import.meta.url)("../../scripts/worker-script.cjs") as {
      workerModuleFile: (entry: string) => string;
    };
    file = workerModuleFile(fileURLToPath(moduleUrl));
    files.set(moduleUrl, file);
  }
  return new Worker(file, { workerData: data });
}
