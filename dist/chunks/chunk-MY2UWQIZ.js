import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/evaluate/prestarted.ts
import { availableParallelism } from "node:os";
function defaultScoringWorkers() {
  const n = Math.min(availableParallelism(), 8);
  return n >= 2 ? n : 0;
}
var prestarted = [];
function takePrestarted(count) {
  const taken = prestarted.splice(0);
  if (taken.length === 0) return void 0;
  if (taken.length === count && taken.every((p) => !p.failed)) return taken.map((p) => p.worker);
  void endPrestarted(taken);
  return void 0;
}
async function release() {
  const left = prestarted.splice(0);
  await endPrestarted(left);
}
async function endPrestarted(list) {
  if (list.length === 0) return;
  const { endWorkers } = await import("./worker-B6JH3JLX.js");
  await endWorkers(list.map((p) => p.worker));
}

export {
  defaultScoringWorkers,
  prestarted,
  takePrestarted,
  release
};
