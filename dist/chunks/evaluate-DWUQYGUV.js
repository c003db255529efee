import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  resamplesArg
} from "./chunk-GKUM65A2.js";
import "./chunk-JV5OHIMY.js";
import "./chunk-XTRTRBQX.js";
import "./chunk-2BJAIYUF.js";
import "./chunk-Q46P5CQQ.js";
import "./chunk-Y72I2OFL.js";
import "./chunk-CCZROEOA.js";
import "./chunk-PWA2NHWD.js";
import "./chunk-Q7Q5OYL7.js";
import "./chunk-4BIIX56A.js";
import "./chunk-M24SKQPK.js";
import "./chunk-LXP7FMWT.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-CXLO4YWQ.js";
import "./chunk-KR4G622Y.js";
import "./chunk-ULMOSOEG.js";
import "./chunk-PH2DX2SW.js";
import "./chunk-QJVTDBHM.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-TB77MNSH.js";
import "./chunk-M65JNBWF.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-H5EPG2ZH.js";
import "./chunk-CCN2QAD7.js";
export {
  command,
  resamplesArg
};
