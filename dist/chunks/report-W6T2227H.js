import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  formatReportResult,
  reportExitCode,
  reportJson
} from "./chunk-6P2CIHQS.js";
import "./chunk-URS3W2K7.js";
import "./chunk-2TK2BY25.js";
import "./chunk-CCZROEOA.js";
import "./chunk-UJGMECAW.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-CXLO4YWQ.js";
import "./chunk-L557LFPG.js";
import "./chunk-N5DMCOSE.js";
import "./chunk-JOETGJTL.js";
import "./chunk-GBOQY7F6.js";
import "./chunk-72SK7Y2L.js";
import "./chunk-2BJAIYUF.js";
import "./chunk-LACVL6DC.js";
import "./chunk-Y72I2OFL.js";
import "./chunk-PWA2NHWD.js";
import "./chunk-GLCMWV2T.js";
import "./chunk-HQN3L6TP.js";
import "./chunk-E43IZG42.js";
import "./chunk-7CYA4NHE.js";
import "./chunk-AZ7PF7DE.js";
import "./chunk-U73FS3GH.js";
import "./chunk-XTUHDE74.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-6PNAW763.js";
import "./chunk-UF345PCC.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-7Q46JTV7.js";
import "./chunk-S7XOYATL.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-4MS45GGA.js";
import "./chunk-4AOTTLI5.js";
import "./chunk-H5EPG2ZH.js";
import "./chunk-ZGDBGMMU.js";
export {
  command,
  formatReportResult,
  reportExitCode,
  reportJson
};
