import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/monitor/prestarted.ts
var prestarted = { feed: [], reference: [] };
function takePrestarted(kind, count) {
  const taken = prestarted[kind].splice(0);
  if (taken.length === 0) return void 0;
  if (taken.length === count && taken.every((p) => !p.failed)) return taken.map((p) => p.worker);
  void endPrestarted(taken);
  return void 0;
}
async function release() {
  await endPrestarted([...prestarted.feed.splice(0), ...prestarted.reference.splice(0)]);
}
async function endPrestarted(list) {
  if (list.length === 0) return;
  const { endWorkers } = await import("./worker-B6JH3JLX.js");
  await endWorkers(list.map((p) => p.worker));
}

export {
  prestarted,
  takePrestarted,
  release
};
