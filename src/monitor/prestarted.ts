/**
 * The worker threads prestart.ts started before the monitor command loaded, until the run takes them (./workers.ts
 * the feed workers, ./reference-worker.ts the reference's) or the command ends them: kept apart from prestart.ts, whose
 * worker entry loads those modules, so that they import no module that imports it. Node built-ins only.
 */
import type { Worker } from "node:worker_threads";

export interface Prestarted {
  worker: Worker;
  /** It failed or exited before it was taken. */
  failed: boolean;
}

export const prestarted: { feed: Prestarted[]; reference: Prestarted[] } = { feed: [], reference: [] };

/**
 * The prestarted workers of a kind, when there are exactly `count` of them and none has failed (they wait for their
 * work's first message), else none (any prestarted are ended).
 */
export function takePrestarted(kind: keyof typeof prestarted, count: number): Worker[] | undefined {
  const taken = prestarted[kind].splice(0);
  if (taken.length === 0) return undefined;
  if (taken.length === count && taken.every((p) => !p.failed)) return taken.map((p) => p.worker);
  void endPrestarted(taken);
  return undefined;
}

/** Ends the prestarted workers not taken (each answers the end message once it has loaded). */
export async function release(): Promise<void> {
  await endPrestarted([...prestarted.feed.splice(0), ...prestarted.reference.splice(0)]);
}

async function endPrestarted(list: Prestarted[]): Promise<void> {
  if (list.length === 0) return;
  const { endWorkers } = await import("../util/worker.ts");
  await endWorkers(list.map((p) => p.worker));
}
