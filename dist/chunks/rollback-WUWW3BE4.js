import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  previousVersion,
  proposeRollback
} from "./chunk-FFHEHSYG.js";
import "./chunk-P6L6AW7P.js";
import "./chunk-IUP2DSUK.js";
import "./chunk-WHR45ON4.js";
import "./chunk-WMMA42EF.js";
import "./chunk-MNVFN7U6.js";
import "./chunk-CET7KO5S.js";
import "./chunk-5K4BRXXH.js";
import "./chunk-5UXJZQC3.js";
import "./chunk-YOBALZSW.js";
import "./chunk-CYFSSEM4.js";
import "./chunk-4BO3YG5T.js";
import "./chunk-CVJ6LTB3.js";
import "./chunk-UOTXH2B2.js";
import "./chunk-HBWOCXOI.js";
import "./chunk-FZTJY6PF.js";
import "./chunk-62RWLHT6.js";
import "./chunk-NKXRGQC5.js";
import "./chunk-BJUODENM.js";
import "./chunk-6LQ44VET.js";
import "./chunk-NP3OSGPT.js";
import "./chunk-W5F2KQD4.js";
import "./chunk-6E32F27Q.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-U73FS3GH.js";
import "./chunk-FKCR242C.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-ULLVEJ36.js";
import "./chunk-C3IFWRVN.js";
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
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  previousVersion,
  proposeRollback
};
