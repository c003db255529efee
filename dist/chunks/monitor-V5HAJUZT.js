import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  spreadLists
} from "./chunk-XOC3XR4T.js";
import "./chunk-ABTFMBAC.js";
import "./chunk-F7SEVO6K.js";
import "./chunk-RWGSR7U6.js";
import "./chunk-LDRBJBJX.js";
import "./chunk-6T4RK4JG.js";
import "./chunk-IUP2DSUK.js";
import "./chunk-PX6CYFYO.js";
import "./chunk-2AFXTJ2Q.js";
import "./chunk-MNVFN7U6.js";
import "./chunk-6SY4DMQ2.js";
import "./chunk-62RWLHT6.js";
import "./chunk-Y2O5Q3GX.js";
import "./chunk-ULV44QRI.js";
import "./chunk-4BLITTKA.js";
import "./chunk-VA3CC3ZY.js";
import "./chunk-QR72UADD.js";
import "./chunk-7XOROS7R.js";
import "./chunk-ORQIFDE3.js";
import "./chunk-YOBALZSW.js";
import "./chunk-2JVQ4VQM.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-U73FS3GH.js";
import "./chunk-6JTE42PB.js";
import "./chunk-5ZQ6TWHY.js";
import "./chunk-LNEMD7FW.js";
import "./chunk-AQ6NVH64.js";
import "./chunk-QENHBKCN.js";
import "./chunk-KV26U3IJ.js";
import "./chunk-M57FEL6J.js";
import "./chunk-UAMELZZ6.js";
import "./chunk-IVKPBSHK.js";
import "./chunk-OZAWWDHX.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-7Q6ZZL3W.js";
import "./chunk-OURFNVSV.js";
import "./chunk-PKLNJ4WK.js";
import "./chunk-ZUZHMLQV.js";
import "./chunk-GPOTO2DD.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-MMEZHR7H.js";
import "./chunk-TSLMIUOM.js";
import "./chunk-647GS7I4.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-G3PMTGIB.js";
import "./chunk-W4OLKDEP.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-PPKR4CHL.js";
import "./chunk-CET7KO5S.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-U2N6PYQM.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command,
  spreadLists
};
