import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/ledger/canonical.ts
import * as crypto from "node:crypto";
import { createHash } from "node:crypto";
function canonicalJson(value) {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no representation for ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === void 0 ? null : v)).join(",")}]`;
  if (typeof value === "object") {
    const obj = value;
    const keys = Object.keys(obj).sort();
    let out = "";
    for (const k of keys) {
      const v = obj[k];
      if (v === void 0) continue;
      out += `${out ? "," : ""}${JSON.stringify(k)}:${canonicalJson(v)}`;
    }
    return `{${out}}`;
  }
  throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
}
function keysSorted(value) {
  if (value === null || typeof value !== "object") return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!keysSorted(value[i])) return false;
    return true;
  }
  const obj = value;
  const keys = Object.keys(obj);
  for (let i = 0; i < keys.length; i++) {
    if (i > 0 && !(keys[i - 1] < keys[i])) return false;
    if (!keysSorted(obj[keys[i]])) return false;
  }
  return true;
}
function canonicalOf(text, parsed) {
  return JSON.stringify(parsed) === text && keysSorted(parsed) ? text : canonicalJson(parsed);
}
var oneShot = crypto.hash;
function sha256Of(data) {
  return `sha256:${oneShot ? oneShot("sha256", data, "hex") : createHash("sha256").update(data).digest("hex")}`;
}
function recordDigest(value) {
  return sha256Of(canonicalJson(value));
}

export {
  canonicalJson,
  canonicalOf,
  sha256Of,
  recordDigest
};
