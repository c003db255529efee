import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  resamplesArg
} from "./chunk-M6ADQTTC.js";
import "./chunk-URS3W2K7.js";
import "./chunk-2TK2BY25.js";
import "./chunk-CCZROEOA.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-CXLO4YWQ.js";
import "./chunk-2BJAIYUF.js";
import "./chunk-LACVL6DC.js";
import "./chunk-Y72I2OFL.js";
import "./chunk-PWA2NHWD.js";
import "./chunk-GLCMWV2T.js";
import "./chunk-E43IZG42.js";
import "./chunk-7CYA4NHE.js";
import "./chunk-AZ7PF7DE.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-6PNAW763.js";
import "./chunk-UF345PCC.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-7Q46JTV7.js";
import "./chunk-S7XOYATL.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-H5EPG2ZH.js";
import "./chunk-ZGDBGMMU.js";
export {
  command,
  resamplesArg
};
