import { createRequire } from 'node:module';
import { m as manifestWith } from './hot-validate-verify-COnm42W2.js';
import { b as parseManifest } from './hot-plan-YWGJn6IT.js';

const require$1 = createRequire(import.meta.url);

// src/manifest/at-commit.ts
function manifestAt(commit, file, bytes, kind) {
  return manifestWith(parseManifest, commit, file, bytes, kind);
}

export { manifestAt as m };
