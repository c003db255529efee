import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  APPROVAL_CONTEXT,
  approveExitCode,
  command,
  decideFromFacts,
  formatApproveResult,
  parseModelList,
  runApprove
} from "./chunk-ROFZUN36.js";
import "./chunk-3C5VXAHT.js";
import "./chunk-WEB6YSE2.js";
import "./chunk-D2E5CVHB.js";
import "./chunk-2LSU2MF4.js";
import "./chunk-L6XWNW7G.js";
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
