import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  formatReportResult,
  reportExitCode,
  reportJson
} from "./chunk-CKGP62Q3.js";
import "./chunk-YLTLNSGC.js";
import "./chunk-4QEHS2HM.js";
import "./chunk-7W43K7FQ.js";
import "./chunk-4WQNBY3X.js";
import "./chunk-BY7PLULB.js";
import "./chunk-UJGMECAW.js";
import "./chunk-5OU7NSQ3.js";
import "./chunk-YYXK4NTP.js";
import "./chunk-CJ57OHVI.js";
import "./chunk-62RWLHT6.js";
import "./chunk-4BLITTKA.js";
import "./chunk-QR72UADD.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-U73FS3GH.js";
import "./chunk-CGGEW7VW.js";
import "./chunk-PXWIKZ4A.js";
import "./chunk-WS3YTI55.js";
import "./chunk-BEQ3SOMZ.js";
import "./chunk-RFLJOORY.js";
import "./chunk-WY57J634.js";
import "./chunk-7W7GW2AC.js";
import "./chunk-M57FEL6J.js";
import "./chunk-XQ7KBMAI.js";
import "./chunk-HESXV63B.js";
import "./chunk-TP2SVM2Z.js";
import "./chunk-IVKPBSHK.js";
import "./chunk-62NAQUBS.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-IL2KXDOB.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-JEOHWBFY.js";
import "./chunk-LUO2V2UB.js";
import "./chunk-WQ3D7RZK.js";
import "./chunk-HGXR76P3.js";
import "./chunk-YK35P24K.js";
import "./chunk-2Z7WG6JL.js";
import "./chunk-MMEZHR7H.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-5X42ASO2.js";
import "./chunk-TFTFQJOP.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-RWWTBGNL.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-XHJYYTBS.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-BW3OKQ3E.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-U2N6PYQM.js";
import "./chunk-4AOTTLI5.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command,
  formatReportResult,
  reportExitCode,
  reportJson
};
