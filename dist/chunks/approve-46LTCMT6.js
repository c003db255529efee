import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  approveExitCode,
  approveJson,
  command,
  formatApproveResult,
  parseModelList,
  runApprove2 as runApprove
} from "./chunk-N3DVYPQE.js";
import {
  APPROVAL_CONTEXT
} from "./chunk-ZL6AFQ57.js";
import "./chunk-UW6YERHM.js";
import "./chunk-IUP2DSUK.js";
import "./chunk-UJGMECAW.js";
import "./chunk-QWMNQFYR.js";
import "./chunk-C2SNXGYQ.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-2BWFZXJO.js";
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
