import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-7EFFQW2Q.js";
import "./chunk-OQ45MV4K.js";
import "./chunk-3NH3EEYD.js";
import "./chunk-IUP2DSUK.js";
import "./chunk-5VRMF4CS.js";
import "./chunk-KACRPUBI.js";
import "./chunk-MNVFN7U6.js";
import "./chunk-CET7KO5S.js";
import "./chunk-QI2VZTQM.js";
import "./chunk-62RWLHT6.js";
import "./chunk-QR72UADD.js";
import "./chunk-YOBALZSW.js";
import "./chunk-R6G3I7Z7.js";
import "./chunk-XAWYC7JQ.js";
import "./chunk-6E32F27Q.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-U73FS3GH.js";
import "./chunk-KKQJU2ZQ.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-ULLVEJ36.js";
import "./chunk-LT7S2PE7.js";
import "./chunk-WQ3D7RZK.js";
import "./chunk-SG456TKB.js";
import "./chunk-YK35P24K.js";
import "./chunk-2Z7WG6JL.js";
import "./chunk-MMEZHR7H.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-JU5LUOA3.js";
import "./chunk-MK2J4N2B.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-PNTPXAYO.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-OHXYSI3I.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-BW3OKQ3E.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-U2N6PYQM.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
