import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-5YG4YBRG.js";
import "./chunk-OFABAMGU.js";
import "./chunk-HXFEO3LT.js";
import "./chunk-R7GPRABW.js";
import "./chunk-M24SKQPK.js";
import "./chunk-LXP7FMWT.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-CXLO4YWQ.js";
import "./chunk-AJCD5F2E.js";
import "./chunk-5VN3I37N.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-5MK4JN63.js";
import "./chunk-M65JNBWF.js";
import "./chunk-PH2DX2SW.js";
import "./chunk-QJVTDBHM.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-H5EPG2ZH.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
