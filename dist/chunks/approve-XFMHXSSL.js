import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  APPROVAL_CONTEXT,
  approveExitCode,
  command,
  decideFromFacts,
  formatApproveResult,
  parseModelList,
  runApprove
} from "./chunk-HHQQWPH4.js";
import "./chunk-ECKY5JUV.js";
import "./chunk-BQKVR4UH.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-NJ3H4BEK.js";
import "./chunk-ZY5OX6SA.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-WARMS5WM.js";
import "./chunk-4MS45GGA.js";
import "./chunk-7SHYJVU3.js";
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
