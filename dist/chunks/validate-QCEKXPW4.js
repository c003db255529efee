import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-5NZ5JQ3S.js";
import "./chunk-MLTBKGZZ.js";
import "./chunk-MBUOXZPG.js";
import "./chunk-IAAAA5OQ.js";
import "./chunk-R3TW6X6V.js";
import "./chunk-6ZPD2526.js";
import "./chunk-YOVF47IZ.js";
import "./chunk-KQ33QBFR.js";
import "./chunk-QT2EU3SI.js";
import "./chunk-OL25SVDW.js";
import "./chunk-LH4MYGKA.js";
import "./chunk-Q6QXFFZK.js";
import "./chunk-3RH2EWC2.js";
import "./chunk-7B77QO44.js";
import "./chunk-OOQO5JDE.js";
import "./chunk-Y72I2OFL.js";
import "./chunk-SKWY5OI3.js";
import "./chunk-6UXFBPQ7.js";
import "./chunk-X6OXJVG3.js";
import "./chunk-64266JRY.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-4JQXYHBV.js";
import "./chunk-OZK2C7TC.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-FEFSD2JC.js";
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
