import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  formatPlan,
  shown
} from "./chunk-ZJFZC2R6.js";
import "./chunk-7W43K7FQ.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-5X42ASO2.js";
import "./chunk-TFTFQJOP.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-RWWTBGNL.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-XHJYYTBS.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-BW3OKQ3E.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command,
  formatPlan,
  shown
};
