import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-IH4TIWY4.js";
import "./chunk-WN75DB4U.js";
import "./chunk-MBUOXZPG.js";
import "./chunk-KSN4KZ4V.js";
import "./chunk-3E5XPQ57.js";
import "./chunk-UJGMECAW.js";
import "./chunk-6J54XZ2A.js";
import "./chunk-YYXK4NTP.js";
import "./chunk-GPSPFIWQ.js";
import "./chunk-KVULNKJF.js";
import "./chunk-BZHRDQJ4.js";
import "./chunk-MUODEOOA.js";
import "./chunk-HESXV63B.js";
import "./chunk-FR5A5X55.js";
import "./chunk-M57FEL6J.js";
import "./chunk-7P2SE45X.js";
import "./chunk-IVKPBSHK.js";
import "./chunk-TURDNLZ7.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-WQ3D7RZK.js";
import "./chunk-RQLSG6MQ.js";
import "./chunk-YK35P24K.js";
import "./chunk-2Z7WG6JL.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-MMEZHR7H.js";
import "./chunk-E7MCMZKP.js";
import "./chunk-OBU5BQ7B.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-EJOX3UUP.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-XHJYYTBS.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-MTDE2ICV.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-4AOTTLI5.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
