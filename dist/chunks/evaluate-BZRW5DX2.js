import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  resamplesArg
} from "./chunk-6UACPAOK.js";
import "./chunk-2HIXPX73.js";
import "./chunk-UJGMECAW.js";
import "./chunk-K7TVBAHZ.js";
import "./chunk-DXFGPPPR.js";
import "./chunk-2EP4N2N2.js";
import "./chunk-GEALMPRS.js";
import "./chunk-UCU4ARW5.js";
import "./chunk-7DC5CDGY.js";
import "./chunk-2X3PTOKY.js";
import "./chunk-LH4MYGKA.js";
import "./chunk-Q6QXFFZK.js";
import "./chunk-3RH2EWC2.js";
import "./chunk-NWM6ZMC5.js";
import "./chunk-JUPVGUIV.js";
import "./chunk-Y72I2OFL.js";
import "./chunk-SU4I4RP5.js";
import "./chunk-BQ3X32ZS.js";
import "./chunk-6UXFBPQ7.js";
import "./chunk-76FGR6L6.js";
import "./chunk-ZBPD3DRM.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-ZYONVBQU.js";
import "./chunk-UBMSCOQN.js";
import "./chunk-X3CP6TKE.js";
import "./chunk-2ZLDIS45.js";
import "./chunk-Y2ZOAMR2.js";
import "./chunk-YK35P24K.js";
import "./chunk-KD35Z77I.js";
import "./chunk-OZK2C7TC.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-MMEZHR7H.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-F2PSMUO6.js";
import "./chunk-B2BTQZBU.js";
import "./chunk-ICA2TUKF.js";
import "./chunk-J7CSOYU2.js";
import "./chunk-7MFGN6CO.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-AVCTVMN2.js";
import "./chunk-DF6EL5VG.js";
import "./chunk-A6WGSW5D.js";
import "./chunk-4AOTTLI5.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command,
  resamplesArg
};
