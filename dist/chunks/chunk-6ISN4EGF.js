import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/evaluate/prestarted.ts
import { availableParallelism } from "node:os";
function defaultScoringWorkers() {
  const n = Math.min(availableParallelism(), 8);
  return n >= 2 ? n : 0;
}

export {
  defaultScoringWorkers
};
