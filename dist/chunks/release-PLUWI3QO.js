import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-L6J4TYAA.js";
import "./chunk-WPTEMSUP.js";
import "./chunk-SYM4DFNS.js";
import "./chunk-BAGWTHH3.js";
import "./chunk-3C46Y3EC.js";
import "./chunk-BSMYAYAE.js";
import "./chunk-VMZ6MWWT.js";
import "./chunk-NXJQ2PSI.js";
import "./chunk-TNEBMEIB.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-HXFEO3LT.js";
import "./chunk-ZS5MTSOT.js";
import "./chunk-Q5N3XRPT.js";
import "./chunk-M24SKQPK.js";
import "./chunk-LXP7FMWT.js";
import "./chunk-LGCSZ776.js";
import "./chunk-U73FS3GH.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-CXLO4YWQ.js";
import "./chunk-AJCD5F2E.js";
import "./chunk-5VN3I37N.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-5MK4JN63.js";
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
