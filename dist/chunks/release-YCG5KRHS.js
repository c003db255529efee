import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-WQHK3WUT.js";
import "./chunk-OQ45MV4K.js";
import "./chunk-YZ4XJT24.js";
import "./chunk-IUP2DSUK.js";
import "./chunk-XB7FNQVU.js";
import "./chunk-FNRMQYK7.js";
import "./chunk-MNVFN7U6.js";
import "./chunk-WOF3IQCS.js";
import "./chunk-62RWLHT6.js";
import "./chunk-QR72UADD.js";
import "./chunk-YOBALZSW.js";
import "./chunk-R6G3I7Z7.js";
import "./chunk-YVLSR3UK.js";
import "./chunk-2JVQ4VQM.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-U73FS3GH.js";
import "./chunk-OZI6Z5D5.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-7Q6ZZL3W.js";
import "./chunk-HGWO5C6P.js";
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
import "./chunk-U2N6PYQM.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
