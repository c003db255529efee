import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-A3IJJ2NI.js";
import "./chunk-PIK7MEYK.js";
import "./chunk-4BLITTKA.js";
import "./chunk-NXJQ2PSI.js";
import "./chunk-TNEBMEIB.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-HXFEO3LT.js";
import "./chunk-A3YLNQLK.js";
import "./chunk-U73FS3GH.js";
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
