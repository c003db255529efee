import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  formatReportResult,
  reportExitCode,
  reportJson
} from "./chunk-YNE2EHLE.js";
import "./chunk-R4PE7EEP.js";
import "./chunk-DRYOQIUE.js";
import "./chunk-5M3UW3DG.js";
import "./chunk-62A6M6IN.js";
import "./chunk-WJJMQE6X.js";
import "./chunk-BJUVT3FL.js";
import "./chunk-UJGMECAW.js";
import "./chunk-FMOUYUH7.js";
import "./chunk-4BLITTKA.js";
import "./chunk-QWMNQFYR.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-U73FS3GH.js";
import "./chunk-JX4EOLQT.js";
import "./chunk-BIO6X2EY.js";
import "./chunk-EY3FCMZG.js";
import "./chunk-IVEDCC66.js";
import "./chunk-T2GPW5PN.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-CCZROEOA.js";
import "./chunk-7NLYG22G.js";
import "./chunk-SJAFTIB5.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-F6VP7AG5.js";
import "./chunk-LQGYYSB2.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-TPAAJY4C.js";
import "./chunk-YK35P24K.js";
import "./chunk-WQ3D7RZK.js";
import "./chunk-2Z7WG6JL.js";
import "./chunk-7PVRHJJ6.js";
import "./chunk-24OQBVFA.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-YKVVJQTT.js";
import "./chunk-M65JNBWF.js";
import "./chunk-PH2DX2SW.js";
import "./chunk-QJVTDBHM.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-HKORXWJV.js";
import "./chunk-4AOTTLI5.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command,
  formatReportResult,
  reportExitCode,
  reportJson
};
