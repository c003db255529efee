/**
 * onnxruntime-node's Linux build (1.30, the version modelgate installs) carries Microsoft's 1DS telemetry: when the
 * library loads outside a CI service (it keeps the client off where CI, GITHUB_ACTIONS or TF_BUILD is set, and its
 * binary names other CI services' variables too), it starts a client for https://mobile.events.data.microsoft.com/OneCollector/1.0 and leaves an empty
 * mat-debug-PID.log behind every process in the temporary folder ($TMPDIR, else /tmp). modelgate scores models that
 * may be private, on developers' machines and self-hosted runners too: it turns that off (ORT_DISABLE_TELEMETRY=1, the
 * switch the library reads), unless the environment already sets the variable.
 *
 * The library reads the process's real environment, which only the main thread writes (a worker thread's process.env
 * is its own copy): this runs in the main thread before onnxruntime-node loads (evaluate/runner.ts loadOrt) and before
 * any worker thread starts (./source-worker.ts), as a worker may load onnxruntime-node first.
 */
export function disableOrtTelemetry(env: NodeJS.ProcessEnv = process.env): void {
  if (!env.ORT_DISABLE_TELEMETRY) env.ORT_DISABLE_TELEMETRY = "1";
}
