import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  APPROVAL_CONTEXT,
  approveExitCode,
  command,
  decideFromFacts,
  formatApproveResult,
  parseModelList,
  runApprove
} from "./chunk-F5B2R5RP.js";
import "./chunk-J3QNFTXK.js";
import "./chunk-NJ3H4BEK.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-IXECCYAM.js";
import "./chunk-XS7K4YVL.js";
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
