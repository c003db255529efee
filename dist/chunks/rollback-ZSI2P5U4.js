import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  previousVersion,
  proposeRollback
} from "./chunk-S3GAPWLW.js";
import "./chunk-XTTDOJEG.js";
import "./chunk-IUP2DSUK.js";
import "./chunk-SUJYJUOK.js";
import "./chunk-YPELLATJ.js";
import "./chunk-I7OPH6LF.js";
import "./chunk-PBKVHRC3.js";
import "./chunk-MNVFN7U6.js";
import "./chunk-DZUNL7B6.js";
import "./chunk-A7JWPJBF.js";
import "./chunk-CET7KO5S.js";
import "./chunk-N3AID6DX.js";
import "./chunk-AUVY43KH.js";
import "./chunk-YOBALZSW.js";
import "./chunk-UJBNVSBJ.js";
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
import "./chunk-FESBZRCF.js";
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
import "./chunk-DQHGHTZX.js";
import "./chunk-2E6TZQRV.js";
import "./chunk-LYRQXBMV.js";
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
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  previousVersion,
  proposeRollback
};
