import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  formatPlan,
  shown
} from "./chunk-ALVXWEC5.js";
import "./chunk-LH3RWBRL.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-2MYDR3ZF.js";
import "./chunk-6VQLFMRB.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-KMWO5SHS.js";
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
