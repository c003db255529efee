import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  resamplesArg
} from "./chunk-D2LXY3XG.js";
import "./chunk-FSAQUG6M.js";
import "./chunk-VSTT744I.js";
import "./chunk-CCZROEOA.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-CXLO4YWQ.js";
import "./chunk-2BJAIYUF.js";
import "./chunk-LACVL6DC.js";
import "./chunk-Y72I2OFL.js";
import "./chunk-PWA2NHWD.js";
import "./chunk-4U23BXER.js";
import "./chunk-MF3R5HST.js";
import "./chunk-7CYA4NHE.js";
import "./chunk-AZ7PF7DE.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-DC2W5W3N.js";
import "./chunk-AN5NL6IO.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-7Q46JTV7.js";
import "./chunk-ZI3NRAPJ.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-H5EPG2ZH.js";
import "./chunk-ZGDBGMMU.js";
export {
  command,
  resamplesArg
};
