import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  approveExitCode,
  approveJson,
  command,
  formatApproveResult,
  parseModelList,
  runApprove2 as runApprove
} from "./chunk-OBGUYF6Z.js";
import {
  APPROVAL_CONTEXT
} from "./chunk-NC4NPHYY.js";
import "./chunk-LNBWE32K.js";
import "./chunk-UJGMECAW.js";
import "./chunk-IUP2DSUK.js";
import "./chunk-62RWLHT6.js";
import "./chunk-QR72UADD.js";
import "./chunk-OZAWWDHX.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-TSLMIUOM.js";
import "./chunk-647GS7I4.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-G3PMTGIB.js";
import "./chunk-W4OLKDEP.js";
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
