import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-YPEINB3F.js";
import "./chunk-OQ45MV4K.js";
import "./chunk-I6WWZ43L.js";
import "./chunk-IUP2DSUK.js";
import "./chunk-GDI6RP6P.js";
import "./chunk-LZAAZF7X.js";
import "./chunk-MNVFN7U6.js";
import "./chunk-CET7KO5S.js";
import "./chunk-CJ57OHVI.js";
import "./chunk-62RWLHT6.js";
import "./chunk-QR72UADD.js";
import "./chunk-YOBALZSW.js";
import "./chunk-R6G3I7Z7.js";
import "./chunk-CNXNFV7N.js";
import "./chunk-6E32F27Q.js";
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
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
