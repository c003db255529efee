import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  resamplesArg
} from "./chunk-3JNKKKEN.js";
import "./chunk-Z3F2YFOE.js";
import "./chunk-UJGMECAW.js";
import "./chunk-C6MIY2L3.js";
import "./chunk-5V6DZ3G6.js";
import "./chunk-KV3PDDTP.js";
import "./chunk-2EP4N2N2.js";
import "./chunk-4PYCTCDN.js";
import "./chunk-AYMTKVFU.js";
import "./chunk-UCU4ARW5.js";
import "./chunk-7DC5CDGY.js";
import "./chunk-JUPVGUIV.js";
import "./chunk-C6CK2HNB.js";
import "./chunk-SU4I4RP5.js";
import "./chunk-BQ3X32ZS.js";
import "./chunk-6UXFBPQ7.js";
import "./chunk-B3ZWHNLG.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-NPG6WC7C.js";
import "./chunk-WQ3D7RZK.js";
import "./chunk-LX622266.js";
import "./chunk-YK35P24K.js";
import "./chunk-2Z7WG6JL.js";
import "./chunk-MMEZHR7H.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-MQJ4CDQI.js";
import "./chunk-7WYILPYU.js";
import "./chunk-UW5NMV2O.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-AVCTVMN2.js";
import "./chunk-VHRTALN7.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-OHXYSI3I.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-4AOTTLI5.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command,
  resamplesArg
};
