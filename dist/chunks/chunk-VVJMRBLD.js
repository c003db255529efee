import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/manifest/basics.ts
import { posix } from "node:path";
var API_VERSION = "modelgate.dev/v1alpha1";
function repoPath(p) {
  const n = posix.normalize(p.trim());
  return n.length > 1 ? n.replace(/\/+$/, "") : n;
}

export {
  API_VERSION,
  repoPath
};
