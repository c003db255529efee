import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  resamplesArg
} from "./chunk-WYUR34PD.js";
import "./chunk-TTQIZA2O.js";
import "./chunk-UJGMECAW.js";
import "./chunk-4IWWBXNW.js";
import "./chunk-YVRU74UU.js";
import "./chunk-VGD7GAIB.js";
import "./chunk-VIGCTOEW.js";
import "./chunk-VUY5C3E7.js";
import "./chunk-M57FEL6J.js";
import "./chunk-UAMELZZ6.js";
import "./chunk-IVKPBSHK.js";
import "./chunk-OZAWWDHX.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-PKLNJ4WK.js";
import "./chunk-4E3BOQIR.js";
import "./chunk-VX425NR6.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-XOGYKFLE.js";
import "./chunk-TSLMIUOM.js";
import "./chunk-647GS7I4.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-G3PMTGIB.js";
import "./chunk-W4OLKDEP.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-PPKR4CHL.js";
import "./chunk-CET7KO5S.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-4AOTTLI5.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command,
  resamplesArg
};
