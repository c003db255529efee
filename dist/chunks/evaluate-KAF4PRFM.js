import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  resamplesArg
} from "./chunk-MF4NWMM7.js";
import "./chunk-LGOPMF3P.js";
import "./chunk-UJGMECAW.js";
import "./chunk-GJQMWFI5.js";
import "./chunk-YI3RFVVZ.js";
import "./chunk-AFJTW5JC.js";
import "./chunk-4USZLPHI.js";
import "./chunk-JPD5CG23.js";
import "./chunk-CG5OMBRI.js";
import "./chunk-M57FEL6J.js";
import "./chunk-WQU6PLY4.js";
import "./chunk-HESXV63B.js";
import "./chunk-ILZOLU62.js";
import "./chunk-BQ3X32ZS.js";
import "./chunk-IVKPBSHK.js";
import "./chunk-62NAQUBS.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-LUO2V2UB.js";
import "./chunk-WQ3D7RZK.js";
import "./chunk-HGXR76P3.js";
import "./chunk-YK35P24K.js";
import "./chunk-2Z7WG6JL.js";
import "./chunk-MMEZHR7H.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-5X42ASO2.js";
import "./chunk-TFTFQJOP.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-RWWTBGNL.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-XHJYYTBS.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-BW3OKQ3E.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-4AOTTLI5.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command,
  resamplesArg
};
