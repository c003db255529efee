import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  approveExitCode,
  approveJson,
  command,
  formatApproveResult,
  parseModelList,
  runApprove2 as runApprove
} from "./chunk-22G2LFFX.js";
import {
  APPROVAL_CONTEXT
} from "./chunk-YUZ7KIEX.js";
import "./chunk-R24XLHKN.js";
import "./chunk-BAGWTHH3.js";
import "./chunk-Q7Q5OYL7.js";
import "./chunk-UJGMECAW.js";
import "./chunk-KJACW5GZ.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-CXLO4YWQ.js";
import "./chunk-KR4G622Y.js";
import "./chunk-ULMOSOEG.js";
import "./chunk-PH2DX2SW.js";
import "./chunk-QJVTDBHM.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-TB77MNSH.js";
import "./chunk-M65JNBWF.js";
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
