import { createRequire } from 'node:module';
import { p as parseManifest } from './chunk-2E6TZQRV-DPA5_5vV.js';
import { G as readRepository } from './hot-validate-BotGmJiZ.js';

const require$1 = createRequire(import.meta.url);

// src/manifest/repo.ts
function loadRepository(start) {
  return readRepository(start, parseManifest);
}

export { loadRepository as l };
