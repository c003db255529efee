import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-7ZPTFMLA.js";
import "./chunk-DA5BLSNT.js";
import "./chunk-MJDZF2F3.js";
import "./chunk-W25P7FJR.js";
import "./chunk-4BLITTKA.js";
import "./chunk-KFQZAHPT.js";
import "./chunk-GMOKSZ4Z.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-U73FS3GH.js";
import "./chunk-3ZPMFXZI.js";
import "./chunk-C2SNXGYQ.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-IFQWKWHI.js";
import "./chunk-E6R2VPCC.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-AWCHZ6SK.js";
import "./chunk-M65JNBWF.js";
import "./chunk-PPKR4CHL.js";
import "./chunk-CET7KO5S.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
