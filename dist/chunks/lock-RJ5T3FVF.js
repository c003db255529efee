import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-DISJTRGT.js";
import "./chunk-JGKKO4WP.js";
import "./chunk-X7DJRZKH.js";
import "./chunk-INTR2S5R.js";
import "./chunk-UAMELZZ6.js";
import "./chunk-IVKPBSHK.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-ZBQMXVWO.js";
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
