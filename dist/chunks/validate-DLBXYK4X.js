import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-7IOZ7R5Y.js";
import "./chunk-MLTBKGZZ.js";
import "./chunk-MBUOXZPG.js";
import "./chunk-MSTXXDGZ.js";
import "./chunk-A57DEUVV.js";
import "./chunk-2GLJPOID.js";
import "./chunk-KQ33QBFR.js";
import "./chunk-QT2EU3SI.js";
import "./chunk-OL25SVDW.js";
import "./chunk-LH4MYGKA.js";
import "./chunk-Q6QXFFZK.js";
import "./chunk-3RH2EWC2.js";
import "./chunk-6XE3SYTD.js";
import "./chunk-DHJIDNRN.js";
import "./chunk-Y72I2OFL.js";
import "./chunk-DJ3H2V2R.js";
import "./chunk-JXQAT6EV.js";
import "./chunk-6UXFBPQ7.js";
import "./chunk-Q4CUUOUB.js";
import "./chunk-64266JRY.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-4JQXYHBV.js";
import "./chunk-OZK2C7TC.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-MMEZHR7H.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-YR32LSL5.js";
import "./chunk-KMZ2SU7I.js";
import "./chunk-XPVOVGWT.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-AVCTVMN2.js";
import "./chunk-NI36P5E6.js";
import "./chunk-A6WGSW5D.js";
import "./chunk-4AOTTLI5.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
