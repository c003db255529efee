import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  formatReportResult,
  reportExitCode,
  reportJson
} from "./chunk-3DJAK3X6.js";
import "./chunk-NXTYIDXK.js";
import "./chunk-CE3SJY2Z.js";
import "./chunk-TSOESL3D.js";
import "./chunk-XWIHPMNA.js";
import "./chunk-YDR5J22N.js";
import "./chunk-5K4BRXXH.js";
import "./chunk-5UXJZQC3.js";
import "./chunk-VBJGGENE.js";
import "./chunk-UJGMECAW.js";
import "./chunk-G5UN36YH.js";
import "./chunk-OL25SVDW.js";
import "./chunk-62RWLHT6.js";
import "./chunk-4BLITTKA.js";
import "./chunk-NKXRGQC5.js";
import "./chunk-BJUODENM.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-U73FS3GH.js";
import "./chunk-FKCR242C.js";
import "./chunk-K6RESELE.js";
import "./chunk-LECF36D4.js";
import "./chunk-2EP4N2N2.js";
import "./chunk-GEALMPRS.js";
import "./chunk-UCU4ARW5.js";
import "./chunk-7DC5CDGY.js";
import "./chunk-2X3PTOKY.js";
import "./chunk-LH4MYGKA.js";
import "./chunk-Q6QXFFZK.js";
import "./chunk-3RH2EWC2.js";
import "./chunk-VHE5NBAD.js";
import "./chunk-JUPVGUIV.js";
import "./chunk-Y72I2OFL.js";
import "./chunk-SU4I4RP5.js";
import "./chunk-BQ3X32ZS.js";
import "./chunk-6UXFBPQ7.js";
import "./chunk-7ROONTVP.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-ZPBHCWGZ.js";
import "./chunk-C3IFWRVN.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-TS3P2JI7.js";
import "./chunk-UBMSCOQN.js";
import "./chunk-63H2A4PQ.js";
import "./chunk-2ZLDIS45.js";
import "./chunk-Y2ZOAMR2.js";
import "./chunk-YK35P24K.js";
import "./chunk-K5TDPPQX.js";
import "./chunk-OZK2C7TC.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-MMEZHR7H.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-EJ2BXGGS.js";
import "./chunk-WCPT35N3.js";
import "./chunk-PXO3VLY7.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-AVCTVMN2.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-VHRTALN7.js";
import "./chunk-VVJMRBLD.js";
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
