/**
 * The scoring workers prestart.ts started before the evaluate command loaded, until pool.ts takes them (or the command
 * ends them): kept apart from prestart.ts, whose worker entry loads pool.ts, so that pool.ts imports no module that
 * imports it. Node built-ins only.
 */
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";

/** Worker threads to score with: one per available CPU (at most 8); none on a single CPU. */
export function defaultScoringWorkers(): number {
  const n = Math.min(availableParallelism(), 8);
  return n >= 2 ? n : 0;
}

export interface Prestarted {
  worker: Worker;
  /** It failed or exited before it was taken. */
  failed: boolean;
}

export const prestarted: Prestarted[] = [];

/** How many workers are prestarted and not yet taken. */
export function prestartedWorkers(): number {
  return prestarted.length;
}

/**
 * The prestarted workers, when there are exactly `count` of them and none has failed (they wait for the models:
 * pool.ts sends them), else none (any prestarted are ended).
 */
export function takePrestarted(count: number): Worker[] | undefined {
  const taken = prestarted.splice(0);
  if (taken.length === 0) return undefined;
  if (taken.length === count && taken.every((p) => !p.failed)) return taken.map((p) => p.worker);
  void endPrestarted(taken);
  return undefined;
}

/** Ends the prestarted workers not taken (each answers the end message once it has loaded). */
export async function release(): Promise<void> {
  const left = prestarted.splice(0);
  await endPrestarted(left);
}

async function endPrestarted(list: Prestarted[]): Promise<void> {
  if (list.length === 0) return;
  const { endWorkers } = await import("../util/worker.ts");
  await endWorkers(list.map((p) => p.worker));
}
