import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  APPROVAL_CONTEXT,
  approveExitCode,
  command,
  decideFromFacts,
  formatApproveResult,
  parseModelList,
  runApprove
} from "./chunk-4YS22WEF.js";
import "./chunk-4E7AGGXW.js";
import "./chunk-WEB6YSE2.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-NBDRFBNU.js";
import "./chunk-6VSVM3TB.js";
import "./chunk-QVLUCJ3W.js";
import "./chunk-ZGDBGMMU.js";
export {
  APPROVAL_CONTEXT,
  approveExitCode,
  command,
  decideFromFacts,
  formatApproveResult,
  parseModelList,
  runApprove
};
