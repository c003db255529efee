import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  approveExitCode,
  approveJson,
  command,
  formatApproveResult,
  parseModelList,
  runApprove2 as runApprove
} from "./chunk-PXVFDJVF.js";
import "./chunk-UJGMECAW.js";
import "./chunk-CXLO4YWQ.js";
import {
  APPROVAL_CONTEXT
} from "./chunk-OF26LCDN.js";
import "./chunk-K4PVPOOJ.js";
import "./chunk-BAGWTHH3.js";
import "./chunk-4U23BXER.js";
import "./chunk-YA4536HC.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-DC2W5W3N.js";
import "./chunk-AN5NL6IO.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-7Q46JTV7.js";
import "./chunk-ZI3NRAPJ.js";
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
