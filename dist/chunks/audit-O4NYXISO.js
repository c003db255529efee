import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-UL4BAUJM.js";
import "./chunk-2HRTLXXP.js";
import "./chunk-I2V4NKJJ.js";
import "./chunk-BW755JEV.js";
import "./chunk-4BLITTKA.js";
import "./chunk-LQAMW4BB.js";
import "./chunk-GMOKSZ4Z.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-U73FS3GH.js";
import "./chunk-JX4EOLQT.js";
import "./chunk-SJAFTIB5.js";
import "./chunk-CXLO4YWQ.js";
import "./chunk-TZI6PADE.js";
import "./chunk-GJ4MOHBX.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-YKVVJQTT.js";
import "./chunk-M65JNBWF.js";
import "./chunk-PH2DX2SW.js";
import "./chunk-QJVTDBHM.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-H5EPG2ZH.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
