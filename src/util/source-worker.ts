import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

const files = new Map<string, string>();

/**
 * A worker thread running the module at `moduleUrl` (its `import.meta.url`): the bundled .js directly; a TypeScript
 * source (tests, benches) from that module bundled into one file by esbuild at its first start in this process
 * (scripts/worker-script.cjs `workerModuleFile`), so that each start loads one file instead of going through tsx.
 * Node builtins only, so that the prestart path (evaluate/prestart.ts) stays light.
 */
export function startWorkerFrom(moduleUrl: string, data: unknown): Worker {
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
