import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  formatPlan,
  shown
} from "./chunk-SXU2QURC.js";
import "./chunk-XDRG4FRO.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-NKVCR2XI.js";
import "./chunk-PWBTDJDD.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-3OH66N6E.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-7B4MNCDY.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-7WINE2HQ.js";
import "./chunk-CET7KO5S.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command,
  formatPlan,
  shown
};
