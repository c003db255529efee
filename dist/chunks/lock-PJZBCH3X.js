import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-OFXX7JB5.js";
import "./chunk-PFFEW2DK.js";
import "./chunk-R3TW6X6V.js";
import "./chunk-6ZPD2526.js";
import "./chunk-QT2EU3SI.js";
import "./chunk-OL25SVDW.js";
import "./chunk-7B77QO44.js";
import "./chunk-OOQO5JDE.js";
import "./chunk-SKWY5OI3.js";
import "./chunk-6UXFBPQ7.js";
import "./chunk-X6OXJVG3.js";
import "./chunk-2BWFZXJO.js";
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
import "./chunk-TNV3NBNK.js";
import "./chunk-DQHGHTZX.js";
import "./chunk-2E6TZQRV.js";
import "./chunk-LYRQXBMV.js";
import "./chunk-YR32LSL5.js";
import "./chunk-KMZ2SU7I.js";
import "./chunk-XPVOVGWT.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-AVCTVMN2.js";
import "./chunk-NI36P5E6.js";
import "./chunk-A6WGSW5D.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
