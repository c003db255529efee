import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  fastYamlValue
} from "./chunk-NI36P5E6.js";
import {
  CONFIG_FILE,
  findRoot
} from "./chunk-A6WGSW5D.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";

// src/audit/trust-named.ts
import { readFileSync } from "node:fs";
import { join } from "node:path";
function mayNameTrustPolicy(cwd) {
  let root;
  try {
    root = findRoot(cwd);
  } catch {
    return false;
  }
  let text;
  try {
    text = readFileSync(join(root, CONFIG_FILE), "utf8");
  } catch {
    return true;
  }
  const value = fastYamlValue(text);
  if (value === void 0) return true;
  const spec = isObject(value) && Object.hasOwn(value, "spec") ? value.spec : void 0;
  return isObject(spec) && Object.hasOwn(spec, "trustPolicy") && typeof spec.trustPolicy === "string";
}
var isObject = (x) => typeof x === "object" && x !== null && !Array.isArray(x);
export {
  mayNameTrustPolicy
};
