import { createRequire } from 'node:module';

const require$1 = createRequire(import.meta.url);

// src/util/prestarted.ts
var waiting = /* @__PURE__ */ new Map();
function prestartWorkers(kind, count, start) {
  const list = waiting.get(kind) ?? [];
  waiting.set(kind, list);
  for (let i = 0; i < count; i++) {
    let worker;
    try {
      worker = start();
    } catch {
      return;
    }
    const p = { worker, failed: false };
    worker.once("error", () => p.failed = true);
    worker.once("exit", () => p.failed = true);
    list.push(p);
  }
}
function takePrestarted(kind, count) {
  const taken = waiting.get(kind)?.splice(0) ?? [];
  if (taken.length === 0) return void 0;
  if (taken.length === count && taken.every((p) => !p.failed)) return taken.map((p) => p.worker);
  void endPrestarted(taken);
  return void 0;
}
async function releasePrestarted() {
  await endPrestarted([...waiting.values()].flatMap((list) => list.splice(0)));
}
async function endPrestarted(list) {
  if (list.length === 0) return;
  const { endWorkers } = await import('./worker-NGF32ASY-PtyCiXn5.js');
  await endWorkers(list.map((p) => p.worker));
}

export { prestartWorkers as p, releasePrestarted as r, takePrestarted as t };
