/**
 * How many scoring workers evaluate (and monitor's feed) use, kept apart from pool.ts so that the prestart modules,
 * which the CLI loads before the command, load no more than this. Node built-ins only.
 */
import { availableParallelism } from "node:os";

/** Worker threads to score with: one per available CPU (at most 8); none on a single CPU. */
export function defaultScoringWorkers(): number {
  const n = Math.min(availableParallelism(), 8);
  return n >= 2 ? n : 0;
}
