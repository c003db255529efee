import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-JYTA6BPM.js";
import "./chunk-RJJIC7NG.js";
import "./chunk-THE6IXP5.js";
import "./chunk-YYXK4NTP.js";
import "./chunk-NCK4QNEF.js";
import "./chunk-IK6UPDEG.js";
import "./chunk-IVKPBSHK.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-CIQUQQGG.js";
import "./chunk-YK35P24K.js";
import "./chunk-2Z7WG6JL.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-MMEZHR7H.js";
import "./chunk-FEOEROVT.js";
import "./chunk-OBU5BQ7B.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-EJOX3UUP.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-XHJYYTBS.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-CDYHB34A.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
