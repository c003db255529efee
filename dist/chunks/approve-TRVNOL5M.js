import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  approveExitCode,
  approveJson,
  command,
  formatApproveResult,
  parseModelList,
  runApprove2 as runApprove
} from "./chunk-TROPLLYB.js";
import {
  APPROVAL_CONTEXT
} from "./chunk-SMSQQQJJ.js";
import "./chunk-355O55VG.js";
import "./chunk-BAGWTHH3.js";
import "./chunk-UJGMECAW.js";
import "./chunk-E76IZHVR.js";
import "./chunk-SJAFTIB5.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-CXLO4YWQ.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-TZI6PADE.js";
import "./chunk-GJ4MOHBX.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-YKVVJQTT.js";
import "./chunk-M65JNBWF.js";
import "./chunk-PH2DX2SW.js";
import "./chunk-QJVTDBHM.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-HKORXWJV.js";
import "./chunk-4AOTTLI5.js";
import "./chunk-H5EPG2ZH.js";
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
