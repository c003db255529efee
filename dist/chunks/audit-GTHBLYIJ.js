import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-CAIIIKYO.js";
import "./chunk-O64VI5ZM.js";
import "./chunk-DC6647BF.js";
import "./chunk-R6W4MBTG.js";
import "./chunk-4BLITTKA.js";
import "./chunk-XHC4GILO.js";
import "./chunk-GMOKSZ4Z.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-U73FS3GH.js";
import "./chunk-JX4EOLQT.js";
import "./chunk-SJAFTIB5.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-7PVRHJJ6.js";
import "./chunk-24OQBVFA.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-YKVVJQTT.js";
import "./chunk-M65JNBWF.js";
import "./chunk-PH2DX2SW.js";
import "./chunk-QJVTDBHM.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
