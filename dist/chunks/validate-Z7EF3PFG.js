import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-UNXXEA52.js";
import "./chunk-WN75DB4U.js";
import "./chunk-MBUOXZPG.js";
import "./chunk-CE3SJY2Z.js";
import "./chunk-TSOESL3D.js";
import "./chunk-XWIHPMNA.js";
import "./chunk-UJGMECAW.js";
import "./chunk-G5UN36YH.js";
import "./chunk-OL25SVDW.js";
import "./chunk-LH4MYGKA.js";
import "./chunk-Q6QXFFZK.js";
import "./chunk-3RH2EWC2.js";
import "./chunk-VHE5NBAD.js";
import "./chunk-JUPVGUIV.js";
import "./chunk-Y72I2OFL.js";
import "./chunk-SU4I4RP5.js";
import "./chunk-BQ3X32ZS.js";
import "./chunk-6UXFBPQ7.js";
import "./chunk-7ROONTVP.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-K5TDPPQX.js";
import "./chunk-OZK2C7TC.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-MMEZHR7H.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-EJ2BXGGS.js";
import "./chunk-WCPT35N3.js";
import "./chunk-PXO3VLY7.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-AVCTVMN2.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-VHRTALN7.js";
import "./chunk-VVJMRBLD.js";
import "./chunk-4AOTTLI5.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
