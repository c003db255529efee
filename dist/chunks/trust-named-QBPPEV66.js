import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  CONFIG_PATH
} from "./chunk-IJM2OMJV.js";
import {
  fastYamlValue
} from "./chunk-VHRTALN7.js";
import "./chunk-CCN2QAD7.js";

// src/audit/trust-named.ts
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
function mayNameTrustPolicy(cwd) {
  let dir = resolve(cwd);
  for (; ; ) {
    const file = join(dir, CONFIG_PATH);
    if (existsSync(file)) {
      let text;
      try {
        text = readFileSync(file, "utf8");
      } catch {
        return true;
      }
      const value = fastYamlValue(text);
      if (value === void 0) return true;
      const spec = isObject(value) && Object.hasOwn(value, "spec") ? value.spec : void 0;
      return isObject(spec) && Object.hasOwn(spec, "trustPolicy") && typeof spec.trustPolicy === "string";
    }
    const up = dirname(dir);
    if (up === dir) return false;
    dir = up;
  }
}
var isObject = (x) => typeof x === "object" && x !== null && !Array.isArray(x);
export {
  mayNameTrustPolicy
};
