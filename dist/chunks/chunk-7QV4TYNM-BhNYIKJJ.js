import { createRequire } from 'node:module';
import { o as manifestWith } from './hot-validate-verify-C8t4jxm2.js';
import { p as parseManifest } from './chunk-2E6TZQRV-DPA5_5vV.js';

const require$1 = createRequire(import.meta.url);

// src/manifest/at-commit.ts
function manifestAt(commit, file, bytes, kind) {
  return manifestWith(parseManifest, commit, file, bytes, kind);
}

export { manifestAt as m };
