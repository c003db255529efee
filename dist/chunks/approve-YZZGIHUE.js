import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  approveExitCode,
  approveJson,
  command,
  formatApproveResult,
  parseModelList,
  runApprove2 as runApprove
} from "./chunk-3F55XV74.js";
import {
  APPROVAL_CONTEXT
} from "./chunk-XMBX3RJ5.js";
import "./chunk-UTFYVWGE.js";
import "./chunk-BAGWTHH3.js";
import "./chunk-A3YLNQLK.js";
import "./chunk-UJGMECAW.js";
import "./chunk-LGCSZ776.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-CXLO4YWQ.js";
import "./chunk-AJCD5F2E.js";
import "./chunk-5VN3I37N.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-5MK4JN63.js";
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
