import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  formatReportResult,
  reportExitCode,
  reportJson
} from "./chunk-X3T2D3UJ.js";
import "./chunk-SO4MGXMB.js";
import "./chunk-IAAAA5OQ.js";
import "./chunk-R3TW6X6V.js";
import "./chunk-6ZPD2526.js";
import "./chunk-YOVF47IZ.js";
import "./chunk-GLGUTLI5.js";
import "./chunk-N3AID6DX.js";
import "./chunk-AUVY43KH.js";
import "./chunk-4XQEDHKK.js";
import "./chunk-KQ33QBFR.js";
import "./chunk-QT2EU3SI.js";
import "./chunk-OL25SVDW.js";
import "./chunk-62RWLHT6.js";
import "./chunk-4BLITTKA.js";
import "./chunk-NKXRGQC5.js";
import "./chunk-BJUODENM.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-U73FS3GH.js";
import "./chunk-FKCR242C.js";
import "./chunk-KDNZQSEI.js";
import "./chunk-OTHSGMS3.js";
import "./chunk-2EP4N2N2.js";
import "./chunk-2N2GYVU3.js";
import "./chunk-O7KZ7V2Q.js";
import "./chunk-7DC5CDGY.js";
import "./chunk-RUQEVCOP.js";
import "./chunk-LH4MYGKA.js";
import "./chunk-Q6QXFFZK.js";
import "./chunk-3RH2EWC2.js";
import "./chunk-7B77QO44.js";
import "./chunk-OOQO5JDE.js";
import "./chunk-Y72I2OFL.js";
import "./chunk-SKWY5OI3.js";
import "./chunk-6UXFBPQ7.js";
import "./chunk-X6OXJVG3.js";
import "./chunk-7QV4TYNM.js";
import "./chunk-64266JRY.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-VK5GUTCG.js";
import "./chunk-FESBZRCF.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-ZYONVBQU.js";
import "./chunk-UBMSCOQN.js";
import "./chunk-OYQDDGAU.js";
import "./chunk-2ZLDIS45.js";
import "./chunk-U6HQLEKJ.js";
import "./chunk-YK35P24K.js";
import "./chunk-4JQXYHBV.js";
import "./chunk-OZK2C7TC.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-FEFSD2JC.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-TNV3NBNK.js";
import "./chunk-DQHGHTZX.js";
import "./chunk-2E6TZQRV.js";
import "./chunk-LYRQXBMV.js";
import "./chunk-YR32LSL5.js";
import "./chunk-KMZ2SU7I.js";
import "./chunk-XPVOVGWT.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-AVCTVMN2.js";
import "./chunk-NI36P5E6.js";
import "./chunk-A6WGSW5D.js";
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
