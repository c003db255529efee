import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-MXCMZSFA.js";
import "./chunk-H7U66GKV.js";
import "./chunk-PKTRJ25C.js";
import "./chunk-YYXK4NTP.js";
import "./chunk-XBKZ6JDJ.js";
import "./chunk-EK66YOBA.js";
import "./chunk-MZSXLI75.js";
import "./chunk-IVKPBSHK.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-HGXR76P3.js";
import "./chunk-YK35P24K.js";
import "./chunk-2Z7WG6JL.js";
import "./chunk-MMEZHR7H.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-5X42ASO2.js";
import "./chunk-TFTFQJOP.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-RWWTBGNL.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-XHJYYTBS.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-BW3OKQ3E.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
