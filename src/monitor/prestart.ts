/**
 * Worker threads started before the monitor command has loaded, as evaluate's quick look does
 * (src/evaluate/prestart.ts): a worker's own start (its code; for the reference's, onnxruntime and its environment)
 * then runs while this thread loads the command and reads the GitOps history (git fetch, `audit --at`, the versions),
 * instead of after. The thread that scores the references (./reference-worker.ts) is started for every run; the
 * threads that feed the logs (./workers.ts) only where the pool is certain to be used: every `--logs` path a CSV file,
 * together larger than the 4 batches under which no pool starts, and no `--retrain` (whose rows are read in the main
 * thread). Workers not taken are ended when the command ends. Node built-ins only: the CLI loads this module before
 * the command, and each worker loads it as its entry.
 */
import { statSync } from "node:fs";
import { extname, resolve } from "node:path";
import { isMainThread, workerData } from "node:worker_threads";
import { defaultScoringWorkers } from "../evaluate/prestarted.ts";
import { startWorkerFrom } from "../util/source-worker.ts";
import { prestartWorkers, releasePrestarted as release } from "../util/prestarted.ts";

/** CSV logs at least this large hold more than the 4 batches under which no pool is started (run.ts). */
const MIN_BYTES = 16 * 1024 * 1024;

/** The `--logs` paths of the arguments: `--logs a b c` (paths until the next flag) or `--logs=a`. */
function logPaths(args: string[]): string[] {
  const out: string[] = [];
  let inLogs = false;
  for (const a of args) {
    if (a.startsWith("-")) {
      inLogs = a === "--logs";
      if (a.startsWith("--logs=")) out.push(a.slice(7));
    } else if (inLogs) out.push(a);
  }
  return out;
}

/** Starts the workers of `modelgate monitor ARGS` (see above); returns what ends those not taken by then. */
export function prestartMonitor(args: string[], minBytes = MIN_BYTES): () => Promise<void> {
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
      return release; // the command says what is wrong with it
    }
  }
  const workers = defaultScoringWorkers();
  if (logs.length > 0 && size >= minBytes && workers > 0) start("feed", workers);
  return release;
}

function start(kind: "feed" | "reference", count: number): void {
  prestartWorkers(`monitor-${kind}`, count, () => startWorkerFrom(import.meta.url, { modelgatePrestart: kind }));
}

// a prestarted worker: the module of its work, which waits for its first message
if (!isMainThread) {
  const kind = (workerData as { modelgatePrestart?: string } | undefined)?.modelgatePrestart;
  if (kind === "feed") void import("./workers.ts");
  else if (kind === "reference") void import("./reference-worker.ts");
}
