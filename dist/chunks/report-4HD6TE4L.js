import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  formatReportResult,
  reportExitCode,
  reportJson
} from "./chunk-CIWFSQXP.js";
import "./chunk-KT7QR4R4.js";
import "./chunk-CCZD2K5O.js";
import "./chunk-7W43K7FQ.js";
import "./chunk-4WQNBY3X.js";
import "./chunk-QNBXZ4EG.js";
import "./chunk-UJGMECAW.js";
import "./chunk-PKTRJ25C.js";
import "./chunk-YYXK4NTP.js";
import "./chunk-CJ57OHVI.js";
import "./chunk-62RWLHT6.js";
import "./chunk-4BLITTKA.js";
import "./chunk-QR72UADD.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-U73FS3GH.js";
import "./chunk-CGGEW7VW.js";
import "./chunk-Z6NBWBEW.js";
import "./chunk-UMGTZLOG.js";
import "./chunk-QLLMQNVO.js";
import "./chunk-PVZR6ZBN.js";
import "./chunk-XBKZ6JDJ.js";
import "./chunk-FTBOFNZH.js";
import "./chunk-M57FEL6J.js";
import "./chunk-EK66YOBA.js";
import "./chunk-HESXV63B.js";
import "./chunk-MZSXLI75.js";
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
