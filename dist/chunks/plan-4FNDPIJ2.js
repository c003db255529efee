import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  formatPlan,
  shown
} from "./chunk-67CCKKIY.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-CXLO4YWQ.js";
import "./chunk-A2AAEGHE.js";
import "./chunk-7X65H3OX.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-K2PEDVU3.js";
import "./chunk-E5SOOXKQ.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-H5EPG2ZH.js";
import "./chunk-ZGDBGMMU.js";
export {
  command,
  formatPlan,
  shown
};
