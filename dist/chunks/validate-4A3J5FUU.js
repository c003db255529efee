import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-T67R5YUC.js";
import "./chunk-WN75DB4U.js";
import "./chunk-KS52LYXT.js";
import "./chunk-IYXHUPBQ.js";
import "./chunk-M4XMBAMT.js";
import "./chunk-2BJAIYUF.js";
import "./chunk-Q46P5CQQ.js";
import "./chunk-Y72I2OFL.js";
import "./chunk-PWA2NHWD.js";
import "./chunk-UJGMECAW.js";
import "./chunk-LXP7FMWT.js";
import "./chunk-CXLO4YWQ.js";
import "./chunk-ULMOSOEG.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-TB77MNSH.js";
import "./chunk-M65JNBWF.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-4AOTTLI5.js";
import "./chunk-H5EPG2ZH.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
