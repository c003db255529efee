import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  formatReportResult,
  reportExitCode,
  reportJson
} from "./chunk-FW2X73KG.js";
import "./chunk-5SMLPFF2.js";
import "./chunk-IYXHUPBQ.js";
import "./chunk-M4XMBAMT.js";
import "./chunk-R24XLHKN.js";
import "./chunk-OV7YD2G7.js";
import "./chunk-4BLITTKA.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-U4NGG65P.js";
import "./chunk-JV5OHIMY.js";
import "./chunk-XTRTRBQX.js";
import "./chunk-2BJAIYUF.js";
import "./chunk-Q46P5CQQ.js";
import "./chunk-Y72I2OFL.js";
import "./chunk-CCZROEOA.js";
import "./chunk-PWA2NHWD.js";
import "./chunk-Q7Q5OYL7.js";
import "./chunk-UJGMECAW.js";
import "./chunk-WLEACPRX.js";
import "./chunk-3AFH25N2.js";
import "./chunk-4BIIX56A.js";
import "./chunk-M24SKQPK.js";
import "./chunk-LXP7FMWT.js";
import "./chunk-KJACW5GZ.js";
import "./chunk-U73FS3GH.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-CXLO4YWQ.js";
import "./chunk-KR4G622Y.js";
import "./chunk-ULMOSOEG.js";
import "./chunk-PH2DX2SW.js";
import "./chunk-QJVTDBHM.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-TB77MNSH.js";
import "./chunk-M65JNBWF.js";
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
