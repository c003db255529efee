import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  resamplesArg
} from "./chunk-7ZJ7H4JA.js";
import "./chunk-LB4PISPZ.js";
import "./chunk-UJGMECAW.js";
import "./chunk-U2K6G4V2.js";
import "./chunk-PQ2D3WZ3.js";
import "./chunk-GWDUN75G.js";
import "./chunk-R7GPRABW.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-CCZROEOA.js";
import "./chunk-PWA2NHWD.js";
import "./chunk-SJAFTIB5.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-CXLO4YWQ.js";
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
import "./chunk-4AOTTLI5.js";
import "./chunk-H5EPG2ZH.js";
import "./chunk-CCN2QAD7.js";
export {
  command,
  resamplesArg
};
