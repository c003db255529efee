import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';

const require$1 = createRequire(import.meta.url);
function defaultScoringWorkers() {
  const n = Math.min(availableParallelism(), 8);
  return n >= 2 ? n : 0;
}

export { defaultScoringWorkers as d };
