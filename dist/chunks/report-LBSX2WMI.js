import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  formatReportResult,
  reportExitCode,
  reportJson
} from "./chunk-DHBXFQIE.js";
import "./chunk-FJ4AWI2K.js";
import "./chunk-D3REON37.js";
import "./chunk-5O3INNTB.js";
import "./chunk-UTFYVWGE.js";
import "./chunk-VMZ6MWWT.js";
import "./chunk-4BLITTKA.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-HXFEO3LT.js";
import "./chunk-CM5ZVORJ.js";
import "./chunk-SRLFQKET.js";
import "./chunk-Q46P5CQQ.js";
import "./chunk-R7GPRABW.js";
import "./chunk-CCZROEOA.js";
import "./chunk-PWA2NHWD.js";
import "./chunk-A3YLNQLK.js";
import "./chunk-UJGMECAW.js";
import "./chunk-SSVBD3BD.js";
import "./chunk-Q5N3XRPT.js";
import "./chunk-FMAUBIMX.js";
import "./chunk-IJIK4RLU.js";
import "./chunk-M24SKQPK.js";
import "./chunk-LXP7FMWT.js";
import "./chunk-NCEKJWIR.js";
import "./chunk-LGCSZ776.js";
import "./chunk-U73FS3GH.js";
import "./chunk-EJRXWDVW.js";
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
import "./chunk-4AOTTLI5.js";
import "./chunk-H5EPG2ZH.js";
import "./chunk-CCN2QAD7.js";
export {
  command,
  formatReportResult,
  reportExitCode,
  reportJson
};
