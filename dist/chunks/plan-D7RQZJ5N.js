import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  formatPlan,
  shown
} from "./chunk-3XBZGLQD.js";
import "./chunk-J5R6MKES.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-IFQWKWHI.js";
import "./chunk-E6R2VPCC.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-AWCHZ6SK.js";
import "./chunk-M65JNBWF.js";
import "./chunk-PPKR4CHL.js";
import "./chunk-CET7KO5S.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command,
  formatPlan,
  shown
};
