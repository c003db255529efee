import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  spreadLists
} from "./chunk-ESEYM6CR.js";
import "./chunk-2Q2WBQN2.js";
import "./chunk-XDY2QW3N.js";
import "./chunk-IWFEBSCR.js";
import "./chunk-SYM4DFNS.js";
import "./chunk-VNZ24X6O.js";
import "./chunk-53PO5GUV.js";
import "./chunk-BW755JEV.js";
import "./chunk-4BLITTKA.js";
import "./chunk-E76IZHVR.js";
import "./chunk-LQAMW4BB.js";
import "./chunk-GMOKSZ4Z.js";
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
import "./chunk-H5EPG2ZH.js";
import "./chunk-CCN2QAD7.js";
export {
  command,
  spreadLists
};
