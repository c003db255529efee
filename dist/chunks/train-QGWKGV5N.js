import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-6O7JYS4T.js";
import "./chunk-WBGQSW3P.js";
import "./chunk-CGGEW7VW.js";
import "./chunk-HESXV63B.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-2BWFZXJO.js";
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
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
