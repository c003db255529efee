import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  resamplesArg
} from "./chunk-RSAV7EEC.js";
import "./chunk-VENDICTE.js";
import "./chunk-VSTT744I.js";
import "./chunk-CCZROEOA.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-CXLO4YWQ.js";
import "./chunk-2BJAIYUF.js";
import "./chunk-LACVL6DC.js";
import "./chunk-Y72I2OFL.js";
import "./chunk-PWA2NHWD.js";
import "./chunk-2GAGZ6MB.js";
import "./chunk-VRZ2CJVB.js";
import "./chunk-7CYA4NHE.js";
import "./chunk-AZ7PF7DE.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-A2AAEGHE.js";
import "./chunk-7X65H3OX.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-K2PEDVU3.js";
import "./chunk-E5SOOXKQ.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-H5EPG2ZH.js";
import "./chunk-ZGDBGMMU.js";
export {
  command,
  resamplesArg
};
