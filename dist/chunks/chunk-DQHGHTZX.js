import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  parseManifest
} from "./chunk-2E6TZQRV.js";
import {
  readRepository
} from "./chunk-KMZ2SU7I.js";

// src/manifest/repo.ts
function loadRepository(start) {
  return readRepository(start, parseManifest);
}

export {
  loadRepository
};
