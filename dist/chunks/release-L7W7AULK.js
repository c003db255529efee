import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-ZQ6AO2XC.js";
import "./chunk-OQ45MV4K.js";
import "./chunk-UQS37WEW.js";
import "./chunk-IUP2DSUK.js";
import "./chunk-US5R7QYF.js";
import "./chunk-HRKSXY2C.js";
import "./chunk-MNVFN7U6.js";
import "./chunk-CET7KO5S.js";
import "./chunk-CJ57OHVI.js";
import "./chunk-62RWLHT6.js";
import "./chunk-QR72UADD.js";
import "./chunk-YOBALZSW.js";
import "./chunk-R6G3I7Z7.js";
import "./chunk-QACAELNA.js";
import "./chunk-2JVQ4VQM.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-U73FS3GH.js";
import "./chunk-CGGEW7VW.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-ULLVEJ36.js";
import "./chunk-JEOHWBFY.js";
import "./chunk-WQ3D7RZK.js";
import "./chunk-HGXR76P3.js";
import "./chunk-YK35P24K.js";
import "./chunk-2Z7WG6JL.js";
import "./chunk-MMEZHR7H.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-6EG3VOMC.js";
import "./chunk-TFTFQJOP.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-RWWTBGNL.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-XHJYYTBS.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-UTWODBN7.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-U2N6PYQM.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
