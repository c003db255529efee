import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  approveExitCode,
  approveJson,
  command,
  formatApproveResult,
  parseModelList,
  runApprove2 as runApprove
} from "./chunk-RHGXT2LQ.js";
import "./chunk-UJGMECAW.js";
import "./chunk-CXLO4YWQ.js";
import {
  APPROVAL_CONTEXT
} from "./chunk-FFIGZS3X.js";
import "./chunk-HCSGHCIG.js";
import "./chunk-BAGWTHH3.js";
import "./chunk-2GAGZ6MB.js";
import "./chunk-YA4536HC.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-A2AAEGHE.js";
import "./chunk-7X65H3OX.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-K2PEDVU3.js";
import "./chunk-E5SOOXKQ.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-4MS45GGA.js";
import "./chunk-4AOTTLI5.js";
import "./chunk-H5EPG2ZH.js";
import "./chunk-ZGDBGMMU.js";
export {
  APPROVAL_CONTEXT,
  approveExitCode,
  approveJson,
  command,
  formatApproveResult,
  parseModelList,
  runApprove
};
