import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  formatPlan,
  shown
} from "./chunk-UNMIE7TY.js";
import "./chunk-ZDWSDRWZ.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-TSLMIUOM.js";
import "./chunk-647GS7I4.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-G3PMTGIB.js";
import "./chunk-W4OLKDEP.js";
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
