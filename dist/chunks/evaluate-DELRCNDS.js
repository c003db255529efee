import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  resamplesArg
} from "./chunk-C2YACNZY.js";
import "./chunk-KYOX7G72.js";
import "./chunk-UJGMECAW.js";
import "./chunk-OKMH24VP.js";
import "./chunk-3RS4PQZW.js";
import "./chunk-GYCGVA65.js";
import "./chunk-6MM2LAE2.js";
import "./chunk-NCK4QNEF.js";
import "./chunk-HESXV63B.js";
import "./chunk-R532WJMX.js";
import "./chunk-M57FEL6J.js";
import "./chunk-IK6UPDEG.js";
import "./chunk-IVKPBSHK.js";
import "./chunk-TURDNLZ7.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-LUO2V2UB.js";
import "./chunk-WQ3D7RZK.js";
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
import "./chunk-4AOTTLI5.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command,
  resamplesArg
};
