import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  parseTrustPolicy,
  parseTrustedRoot,
  readTrustPolicy,
  trustPolicySchema
} from "./chunk-KTZWTKVK.js";
import "./chunk-YOBALZSW.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  parseTrustPolicy,
  parseTrustedRoot,
  readTrustPolicy,
  trustPolicySchema
};
