import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-XNUQSVNO.js";
import "./chunk-2NHGLGIB.js";
import "./chunk-M4XMBAMT.js";
import "./chunk-Q46P5CQQ.js";
import "./chunk-PWA2NHWD.js";
import "./chunk-LXP7FMWT.js";
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
  command
};
