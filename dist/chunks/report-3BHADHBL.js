import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  formatReportResult,
  reportExitCode,
  reportJson
} from "./chunk-VBKUYSG3.js";
import "./chunk-YOK3M2XU.js";
import "./chunk-UOXD4GCA.js";
import "./chunk-PDX7HLAK.js";
import "./chunk-355O55VG.js";
import "./chunk-UZEYWJGC.js";
import "./chunk-LB4PISPZ.js";
import "./chunk-UJGMECAW.js";
import "./chunk-VNZ24X6O.js";
import "./chunk-4BLITTKA.js";
import "./chunk-E76IZHVR.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-U73FS3GH.js";
import "./chunk-JX4EOLQT.js";
import "./chunk-U2K6G4V2.js";
import "./chunk-PQ2D3WZ3.js";
import "./chunk-GWDUN75G.js";
import "./chunk-R7GPRABW.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-CCZROEOA.js";
import "./chunk-PWA2NHWD.js";
import "./chunk-SJAFTIB5.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-E72PUV5U.js";
import "./chunk-ANF6VAT7.js";
import "./chunk-CXLO4YWQ.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-TPAAJY4C.js";
import "./chunk-IJIK4RLU.js";
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
import "./chunk-4AOTTLI5.js";
import "./chunk-H5EPG2ZH.js";
import "./chunk-CCN2QAD7.js";
export {
  command,
  formatReportResult,
  reportExitCode,
  reportJson
};
