import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  previousVersion,
  proposeRollback
} from "./chunk-3ELOS5NW.js";
import "./chunk-YUGPIJMG.js";
import "./chunk-IUP2DSUK.js";
import "./chunk-DMPV4BSW.js";
import "./chunk-FC4TLN2L.js";
import "./chunk-I7OPH6LF.js";
import "./chunk-MNVFN7U6.js";
import "./chunk-UOTXH2B2.js";
import "./chunk-2FLB7VAB.js";
import "./chunk-CET7KO5S.js";
import "./chunk-N3AID6DX.js";
import "./chunk-AUVY43KH.js";
import "./chunk-YOBALZSW.js";
import "./chunk-57DYT45S.js";
import "./chunk-DL6T25Z3.js";
import "./chunk-QY6YSSUQ.js";
import "./chunk-3XFCJ3SQ.js";
import "./chunk-62RWLHT6.js";
import "./chunk-NKXRGQC5.js";
import "./chunk-BJUODENM.js";
import "./chunk-6LQ44VET.js";
import "./chunk-NP3OSGPT.js";
import "./chunk-ES2OW2N4.js";
import "./chunk-XKBXOX3L.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-U73FS3GH.js";
import "./chunk-FKCR242C.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-ULLVEJ36.js";
import "./chunk-5HUR5PQ4.js";
import "./chunk-UBMSCOQN.js";
import "./chunk-X3CP6TKE.js";
import "./chunk-2ZLDIS45.js";
import "./chunk-Y2ZOAMR2.js";
import "./chunk-YK35P24K.js";
import "./chunk-KD35Z77I.js";
import "./chunk-OZK2C7TC.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-MMEZHR7H.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-B2BTQZBU.js";
import "./chunk-ICA2TUKF.js";
import "./chunk-J7CSOYU2.js";
import "./chunk-7MFGN6CO.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-AVCTVMN2.js";
import "./chunk-DF6EL5VG.js";
import "./chunk-A6WGSW5D.js";
import "./chunk-U2N6PYQM.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  previousVersion,
  proposeRollback
};
