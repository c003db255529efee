import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  resolveInside
} from "./chunk-KMZ2SU7I.js";
import {
  parseLocation
} from "./chunk-A6WGSW5D.js";

// src/storage/lfs.ts
import { openSync, readSync, closeSync, statSync } from "node:fs";
var MAX_POINTER_BYTES = 1024;
var VERSION = /^version https:\/\/(git-lfs\.github\.com|hawser\.github\.com)\/spec\/v1\n/;
function parseLfsPointer(text) {
  if (!VERSION.test(text)) return void 0;
  const oid = /^oid sha256:([0-9a-f]{64})$/m.exec(text);
  const size = /^size (\d+)$/m.exec(text);
  if (!oid || !size) return void 0;
  return { sha256: oid[1], size: Number(size[1]) };
}
function readLfsPointer(abs) {
  let fd;
  try {
    const st = statSync(abs);
    if (!st.isFile() || st.size >= MAX_POINTER_BYTES) return void 0;
    fd = openSync(abs, "r");
    const buf = Buffer.alloc(st.size);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return parseLfsPointer(buf.subarray(0, n).toString("utf8"));
  } catch {
    return void 0;
  } finally {
    if (fd !== void 0) closeSync(fd);
  }
}

// src/storage/resolve.ts
function resolveSource(root, dir, path) {
  const location = parseLocation(path);
  if (location.kind === "file") return { kind: "file", path, ...resolveInside(root, dir, path) };
  if (location.kind === "dvc") {
    const r = resolveInside(root, dir, location.file);
    if (r.error) return { kind: "file", path, abs: r.abs, error: r.error };
  }
  return { kind: "remote", path, location, dir, root };
}
function isRemote(path) {
  return parseLocation(path).kind !== "file";
}

export {
  readLfsPointer,
  resolveSource,
  isRemote
};
