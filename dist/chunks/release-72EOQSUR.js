import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-MIX3T2LZ.js";
import "./chunk-DL3ZRKWD.js";
import "./chunk-BAGWTHH3.js";
import "./chunk-KC6OKVQL.js";
import "./chunk-RR6CQ4J6.js";
import "./chunk-UZEYWJGC.js";
import "./chunk-I2V4NKJJ.js";
import "./chunk-IWFEBSCR.js";
import "./chunk-SYM4DFNS.js";
import "./chunk-53PO5GUV.js";
import "./chunk-E76IZHVR.js";
import "./chunk-LQAMW4BB.js";
import "./chunk-GMOKSZ4Z.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-U73FS3GH.js";
import "./chunk-JX4EOLQT.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-ZS5MTSOT.js";
import "./chunk-ANF6VAT7.js";
import "./chunk-CXLO4YWQ.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-M24SKQPK.js";
import "./chunk-LXP7FMWT.js";
import "./chunk-TZI6PADE.js";
import "./chunk-GJ4MOHBX.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-YKVVJQTT.js";
import "./chunk-M65JNBWF.js";
import "./chunk-PH2DX2SW.js";
import "./chunk-QJVTDBHM.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-HKORXWJV.js";
import "./chunk-H5EPG2ZH.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
