import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  approveExitCode,
  approveJson,
  command,
  formatApproveResult,
  parseModelList,
  runApprove2 as runApprove
} from "./chunk-DTUXOLU3.js";
import {
  APPROVAL_CONTEXT
} from "./chunk-67UMYW3F.js";
import "./chunk-62A6M6IN.js";
import "./chunk-IUP2DSUK.js";
import "./chunk-UJGMECAW.js";
import "./chunk-QWMNQFYR.js";
import "./chunk-SJAFTIB5.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-7PVRHJJ6.js";
import "./chunk-24OQBVFA.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-YKVVJQTT.js";
import "./chunk-M65JNBWF.js";
import "./chunk-PH2DX2SW.js";
import "./chunk-QJVTDBHM.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-HKORXWJV.js";
import "./chunk-4AOTTLI5.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  APPROVAL_CONTEXT,
  approveExitCode,
  approveJson,
  command,
  formatApproveResult,
  parseModelList,
  runApprove
};
