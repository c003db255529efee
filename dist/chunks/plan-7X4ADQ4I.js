import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  formatPlan,
  shown
} from "./chunk-VDJNKBWY.js";
import "./chunk-NCEKJWIR.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-CXLO4YWQ.js";
import "./chunk-AJCD5F2E.js";
import "./chunk-5VN3I37N.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-5MK4JN63.js";
import "./chunk-M65JNBWF.js";
import "./chunk-PH2DX2SW.js";
import "./chunk-QJVTDBHM.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-H5EPG2ZH.js";
import "./chunk-CCN2QAD7.js";
export {
  command,
  formatPlan,
  shown
};
