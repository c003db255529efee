/**
 * Worker threads a command's `early` hook started before the command loaded (src/evaluate/prestart.ts: evaluate's
 * scoring workers; src/monitor/prestart.ts: monitor's feed workers and the reference's thread), by kind, until the run
 * takes them (the pool's module sends them their work) or the command ends them. Kept apart from the prestart modules,
 * whose worker entries load the pools' modules, so that those import no module that imports them. Node built-ins only.
 */
import type { Worker } from "node:worker_threads";

interface Prestarted {
  worker: Worker;
  /** It failed or exited before it was taken. */
  failed: boolean;
}

const waiting = new Map<string, Prestarted[]>();

/** Starts `count` workers of `kind` with `start`; stops at the first that cannot start (the run starts its own). */
export function prestartWorkers(kind: string, count: number, start: () => Worker): void {
  const list = waiting.get(kind) ?? [];
  waiting.set(kind, list);
  for (let i = 0; i < count; i++) {
    let worker: Worker;
    try {
      worker = start();
    } catch {
      return; // no worker threads here: the run finds none prestarted and starts its own, or works without
    }
    const p: Prestarted = { worker, failed: false };
    worker.once("error", () => (p.failed = true));
    worker.once("exit", () => (p.failed = true));
    list.push(p);
  }
}

/** How many workers of `kind` are prestarted and not yet taken. */
export function prestartedCount(kind: string): number {
  return waiting.get(kind)?.length ?? 0;
}

/**
 * The prestarted workers of `kind`, when there are exactly `count` of them and none has failed (they wait for their
 * work's first message), else none (any prestarted are ended).
 */
export function takePrestarted(kind: string, count: number): Worker[] | undefined {
  const taken = waiting.get(kind)?.splice(0) ?? [];
  if (taken.length === 0) return undefined;
  if (taken.length === count && taken.every((p) => !p.failed)) return taken.map((p) => p.worker);
  void endPrestarted(taken);
  return undefined;
}

/** Ends the prestarted workers not taken (each answers the end message once it has loaded). */
export async function releasePrestarted(): Promise<void> {
  await endPrestarted([...waiting.values()].flatMap((list) => list.splice(0)));
}

async function endPrestarted(list: Prestarted[]): Promise<void> {
  if (list.length === 0) return;
  const { endWorkers } = await import("./worker.ts");
  await endWorkers(list.map((p) => p.worker));
}
