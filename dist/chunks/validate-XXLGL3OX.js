import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-TOUKGVL2.js";
import "./chunk-WN75DB4U.js";
import "./chunk-MBUOXZPG.js";
import "./chunk-RQFNMNI4.js";
import "./chunk-DDYU2AZK.js";
import "./chunk-XWIHPMNA.js";
import "./chunk-UJGMECAW.js";
import "./chunk-QT2EU3SI.js";
import "./chunk-OL25SVDW.js";
import "./chunk-LH4MYGKA.js";
import "./chunk-Q6QXFFZK.js";
import "./chunk-3RH2EWC2.js";
import "./chunk-NWM6ZMC5.js";
import "./chunk-JUPVGUIV.js";
import "./chunk-Y72I2OFL.js";
import "./chunk-SU4I4RP5.js";
import "./chunk-BQ3X32ZS.js";
import "./chunk-6UXFBPQ7.js";
import "./chunk-ZBPD3DRM.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-KD35Z77I.js";
import "./chunk-OZK2C7TC.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-MMEZHR7H.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-J7CSOYU2.js";
import "./chunk-7MFGN6CO.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-AVCTVMN2.js";
import "./chunk-DF6EL5VG.js";
import "./chunk-A6WGSW5D.js";
import "./chunk-4AOTTLI5.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
