import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-E3IORM54.js";
import "./chunk-SXDA6NM5.js";
import "./chunk-52E25WWF.js";
import "./chunk-FKCR242C.js";
import "./chunk-2X3PTOKY.js";
import "./chunk-Y72I2OFL.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-UBMSCOQN.js";
import "./chunk-6U5YDDAR.js";
import "./chunk-2ZLDIS45.js";
import "./chunk-Y2ZOAMR2.js";
import "./chunk-YK35P24K.js";
import "./chunk-YBQKONT2.js";
import "./chunk-OZK2C7TC.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-MMEZHR7H.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-253ML7PM.js";
import "./chunk-Y5WD3MLX.js";
import "./chunk-NLWIVCTM.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-AVCTVMN2.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-VHRTALN7.js";
import "./chunk-74F563D4.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
