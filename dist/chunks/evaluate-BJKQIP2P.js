import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  resamplesArg
} from "./chunk-DN2AXXOE.js";
import "./chunk-K6HT46DH.js";
import "./chunk-UJGMECAW.js";
import "./chunk-JHTPJMYV.js";
import "./chunk-GPSPFIWQ.js";
import "./chunk-KVULNKJF.js";
import "./chunk-BZHRDQJ4.js";
import "./chunk-MUODEOOA.js";
import "./chunk-HESXV63B.js";
import "./chunk-FR5A5X55.js";
import "./chunk-M57FEL6J.js";
import "./chunk-7P2SE45X.js";
import "./chunk-IVKPBSHK.js";
import "./chunk-A5TF4TZO.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-S5LUUO47.js";
import "./chunk-WQ3D7RZK.js";
import "./chunk-2ICSJCXP.js";
import "./chunk-YK35P24K.js";
import "./chunk-2Z7WG6JL.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-MMEZHR7H.js";
import "./chunk-NKVCR2XI.js";
import "./chunk-PWBTDJDD.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-3OH66N6E.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-7B4MNCDY.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-7WINE2HQ.js";
import "./chunk-CET7KO5S.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-4AOTTLI5.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command,
  resamplesArg
};
