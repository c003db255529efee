import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-Y4J3JB4L.js";
import "./chunk-MZPLLF7E.js";
import "./chunk-Y2O5Q3GX.js";
import "./chunk-ULV44QRI.js";
import "./chunk-4BLITTKA.js";
import "./chunk-VA3CC3ZY.js";
import "./chunk-7XOROS7R.js";
import "./chunk-ORQIFDE3.js";
import "./chunk-YOBALZSW.js";
import "./chunk-2JVQ4VQM.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-U73FS3GH.js";
import "./chunk-6JTE42PB.js";
import "./chunk-OZAWWDHX.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-TSLMIUOM.js";
import "./chunk-647GS7I4.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-G3PMTGIB.js";
import "./chunk-W4OLKDEP.js";
import "./chunk-PPKR4CHL.js";
import "./chunk-CET7KO5S.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
