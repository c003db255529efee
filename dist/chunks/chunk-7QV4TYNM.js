import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  manifestWith
} from "./chunk-64266JRY.js";
import {
  parseManifest
} from "./chunk-2E6TZQRV.js";

// src/manifest/at-commit.ts
function manifestAt(commit, file, bytes, kind) {
  return manifestWith(parseManifest, commit, file, bytes, kind);
}

export {
  manifestAt
};
