import { createRequire } from 'node:module';
import { m as manifestWith } from './hot-validate-verify-Df-Yd_Rd.js';
import { b as parseManifest } from './hot-plan-B74EilRD.js';

const require$1 = createRequire(import.meta.url);

// src/manifest/at-commit.ts
function manifestAt(commit, file, bytes, kind) {
  return manifestWith(parseManifest, commit, file, bytes, kind);
}

export { manifestAt as m };
