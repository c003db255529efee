import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  previousVersion,
  proposeRollback
} from "./chunk-MQ2K6CDH.js";
import "./chunk-KFUDAUFS.js";
import "./chunk-IUP2DSUK.js";
import "./chunk-6LZ3N457.js";
import "./chunk-KYR35H4Y.js";
import "./chunk-MNVFN7U6.js";
import "./chunk-CET7KO5S.js";
import "./chunk-W6FIF6M4.js";
import "./chunk-52E25WWF.js";
import "./chunk-YOBALZSW.js";
import "./chunk-6CH4NYUE.js";
import "./chunk-3RALQEEP.js";
import "./chunk-CVJ6LTB3.js";
import "./chunk-UOTXH2B2.js";
import "./chunk-HBWOCXOI.js";
import "./chunk-RM434SFX.js";
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
import "./chunk-T35DPYDG.js";
import "./chunk-UBMSCOQN.js";
import "./chunk-6U5YDDAR.js";
import "./chunk-2ZLDIS45.js";
import "./chunk-Y2ZOAMR2.js";
import "./chunk-YK35P24K.js";
import "./chunk-YBQKONT2.js";
import "./chunk-OZK2C7TC.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-MMEZHR7H.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-Y5WD3MLX.js";
import "./chunk-NLWIVCTM.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-AVCTVMN2.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-VHRTALN7.js";
import "./chunk-74F563D4.js";
import "./chunk-U2N6PYQM.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  previousVersion,
  proposeRollback
};
