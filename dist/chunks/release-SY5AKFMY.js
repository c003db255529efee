import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-FLUEMMIM.js";
import "./chunk-6M3B5KEE.js";
import "./chunk-IUP2DSUK.js";
import "./chunk-K53TAP5S.js";
import "./chunk-BPQ5TPVN.js";
import "./chunk-RMKWO74F.js";
import "./chunk-MJDZF2F3.js";
import "./chunk-GP7PTS52.js";
import "./chunk-QVTZ3WRW.js";
import "./chunk-QWMNQFYR.js";
import "./chunk-KFQZAHPT.js";
import "./chunk-GMOKSZ4Z.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-U73FS3GH.js";
import "./chunk-3ZPMFXZI.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-62H4D3IN.js";
import "./chunk-REA6EMCE.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-EZNW2EO3.js";
import "./chunk-6DLVQG5F.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-IFQWKWHI.js";
import "./chunk-E6R2VPCC.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-AWCHZ6SK.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-M65JNBWF.js";
import "./chunk-PPKR4CHL.js";
import "./chunk-CET7KO5S.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-HKORXWJV.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
