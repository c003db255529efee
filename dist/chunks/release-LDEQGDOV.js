import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-SQQF7OLO.js";
import "./chunk-PYEIJU5U.js";
import "./chunk-IUP2DSUK.js";
import "./chunk-FK4WT4ZJ.js";
import "./chunk-G2XRSD3G.js";
import "./chunk-WJJMQE6X.js";
import "./chunk-DC6647BF.js";
import "./chunk-ZLMRCJD6.js";
import "./chunk-SYM4DFNS.js";
import "./chunk-BP4MVNND.js";
import "./chunk-QWMNQFYR.js";
import "./chunk-XHC4GILO.js";
import "./chunk-GMOKSZ4Z.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-U73FS3GH.js";
import "./chunk-JX4EOLQT.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-HDBNR63C.js";
import "./chunk-LQGYYSB2.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-WQ3D7RZK.js";
import "./chunk-2Z7WG6JL.js";
import "./chunk-7PVRHJJ6.js";
import "./chunk-24OQBVFA.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-YKVVJQTT.js";
import "./chunk-M65JNBWF.js";
import "./chunk-PH2DX2SW.js";
import "./chunk-QJVTDBHM.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-HKORXWJV.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
