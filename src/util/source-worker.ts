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
  // the worker may load onnxruntime-node, which reads this thread's environment (disableOrtTelemetry)
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

/**
 * onnxruntime-node's Linux build (1.30, the version modelgate installs) carries Microsoft's 1DS telemetry: when the
 * library loads outside a CI service (it keeps the client off where CI, GITHUB_ACTIONS or TF_BUILD is set, and its
 * binary names other CI services' variables too), it starts a client for
 * https://mobile.events.data.microsoft.com/OneCollector/1.0 and leaves an empty mat-debug-PID.log behind every process
 * in the temporary folder ($TMPDIR, else /tmp). modelgate scores models that may be private, on developers' machines
 * and self-hosted runners too: it turns that off (ORT_DISABLE_TELEMETRY=1, the switch the library reads), unless the
 * environment already sets the variable.
 *
 * The library reads the process's real environment, which only the main thread writes (a worker thread's process.env
 * is its own copy): this runs in the main thread before onnxruntime-node loads (evaluate/runner.ts loadOrt) and before
 * any worker thread starts (startWorkerFrom, above), as a worker may load onnxruntime-node first. Here, beside the one
 * start of every worker thread, so that no command loads a file more for it.
 */
export function disableOrtTelemetry(env: NodeJS.ProcessEnv = process.env): void {
  if (!env.ORT_DISABLE_TELEMETRY) env.ORT_DISABLE_TELEMETRY = "1";
}
