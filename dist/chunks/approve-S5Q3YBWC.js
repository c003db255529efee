import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  approveExitCode,
  approveJson,
  command,
  formatApproveResult,
  parseModelList,
  runApprove2 as runApprove
} from "./chunk-62AST3N7.js";
import {
  APPROVAL_CONTEXT
} from "./chunk-OYVZTX65.js";
import "./chunk-HX2GDDJL.js";
import "./chunk-UJGMECAW.js";
import "./chunk-IUP2DSUK.js";
import "./chunk-TVF3X2IB.js";
import "./chunk-G3WJWGWY.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-2MYDR3ZF.js";
import "./chunk-6VQLFMRB.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-KMWO5SHS.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-PPKR4CHL.js";
import "./chunk-CET7KO5S.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-U2N6PYQM.js";
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
