import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-EMCVL4WO.js";
import "./chunk-ENW2WATW.js";
import "./chunk-L5JIZFBV.js";
import "./chunk-6D5BMMXS.js";
import "./chunk-UAMELZZ6.js";
import "./chunk-IVKPBSHK.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-5HONE7YH.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-MMEZHR7H.js";
import "./chunk-TSLMIUOM.js";
import "./chunk-647GS7I4.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-G3PMTGIB.js";
import "./chunk-W4OLKDEP.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-PPKR4CHL.js";
import "./chunk-CET7KO5S.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
