import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-6ZCOE4IC.js";
import "./chunk-UBUTOO4Q.js";
import "./chunk-OZI6Z5D5.js";
import "./chunk-HESXV63B.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-WQ3D7RZK.js";
import "./chunk-2ICSJCXP.js";
import "./chunk-YK35P24K.js";
import "./chunk-2Z7WG6JL.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-MMEZHR7H.js";
import "./chunk-NKVCR2XI.js";
import "./chunk-PWBTDJDD.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-3OH66N6E.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-7B4MNCDY.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-7WINE2HQ.js";
import "./chunk-CET7KO5S.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
