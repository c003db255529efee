import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  parseManifest
} from "./chunk-ICA2TUKF.js";
import {
  readRepository
} from "./chunk-J7CSOYU2.js";

// src/manifest/repo.ts
function loadRepository(start) {
  return readRepository(start, parseManifest);
}

export {
  loadRepository
};
