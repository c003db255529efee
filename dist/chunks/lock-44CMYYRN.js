import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-UIMX5JJV.js";
import "./chunk-F4C4G62K.js";
import "./chunk-Y2YE34LC.js";
import "./chunk-YYXK4NTP.js";
import "./chunk-MUODEOOA.js";
import "./chunk-7P2SE45X.js";
import "./chunk-IVKPBSHK.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-2ICSJCXP.js";
import "./chunk-YK35P24K.js";
import "./chunk-2Z7WG6JL.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-MMEZHR7H.js";
import "./chunk-NKVCR2XI.js";
import "./chunk-PWBTDJDD.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-DFUR2YEO.js";
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
  command
};
