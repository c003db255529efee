/**
 * Scoring worker threads started before the evaluate command has loaded: a worker's own start (its code and
 * onnxruntime, about 120 ms) then runs while this thread loads the command, reads the model and the data file's
 * header, instead of after. Only for a quick look (`--model FILE --data FILE`, no shard) on a local data file large
 * enough that the pool is certain to be used (pool.ts takes the workers, sends them the models and goes on as if it
 * had started them); otherwise nothing starts. Workers not taken are ended when the command ends. This module is kept
 * small (node built-ins only): the CLI loads it before the command, and each worker loads it as its entry.
 */
import { statSync } from "node:fs";
import { isMainThread, workerData } from "node:worker_threads";
import { startWorkerFrom } from "../util/source-worker.ts";
import { prestartWorkers, releasePrestarted as release } from "../util/prestarted.ts";
import { defaultScoringWorkers } from "./prestarted.ts";

/** A data file at least this large holds more than the 4 batches under which no pool is started. */
const MIN_BYTES = 16 << 20;

/** The value of `--name V` or `--name=V` in command-line arguments. */
function flag(args: string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === `--${name}`) return args[i + 1];
    if (args[i].startsWith(`--${name}=`)) return args[i].slice(name.length + 3);
  }
  return undefined;
}

/**
 * Starts the scoring workers of `modelgate evaluate ARGS` when it is a quick look that will use them (see above);
 * returns what ends those not taken by then (call it once the command is done).
 */
export function prestartScoring(args: string[], minBytes = MIN_BYTES): () => Promise<void> {
  const data = flag(args, "data");
  if (args.length === 0 || !args[0].startsWith("--") || !data || !flag(args, "model")) return release;
  if (args.some((a) => a === "--shard" || a.startsWith("--shard=") || a === "--help" || a === "-h")) return release;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(data) || /\.dvc$|dvc\.lock/.test(data)) return release;
  let size = 0;
  try {
    const st = statSync(data);
    if (st.isFile()) size = st.size;
  } catch {
    return release; // the command says what is wrong with it
  }
  const workers = defaultScoringWorkers();
  if (size < minBytes || workers === 0) return release;
  // a worker that cannot start: the pool finds none prestarted and says why
  prestartWorkers("scoring", workers, () => startWorkerFrom(import.meta.url, { modelgateScoring: { deferred: true } }));
  return release;
}

// a prestarted worker: the pool's module, which waits for the models (pool.ts)
if (!isMainThread && (workerData as { modelgateScoring?: { deferred?: boolean } })?.modelgateScoring?.deferred) {
  void import("./pool.ts");
}
