import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  UserError
} from "./chunk-VPZGVLTG.js";

// src/manifest/basics.ts
import { existsSync } from "node:fs";
import { dirname, join, posix, resolve } from "node:path";
var CONFIG_FILE = "modelgate.yaml";
function findRoot(start) {
  let dir = resolve(start);
  for (; ; ) {
    if (existsSync(join(dir, CONFIG_FILE))) return dir;
    const up = dirname(dir);
    if (up === dir) {
      throw new UserError(
        `no model repository found: no ${CONFIG_FILE} in ${resolve(start)} or any folder above it; run inside a model repository (see examples/fraud-detection) or create ${CONFIG_FILE}`
      );
    }
    dir = up;
  }
}
var API_VERSION = "modelgate.dev/v1alpha1";
function repoPath(p) {
  const n = posix.normalize(p.trim());
  return n.length > 1 ? n.replace(/\/+$/, "") : n;
}

export {
  CONFIG_FILE,
  findRoot,
  API_VERSION,
  repoPath
};
