import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  approveExitCode,
  approveJson,
  command,
  formatApproveResult,
  parseModelList,
  runApprove2 as runApprove
} from "./chunk-GNK3W3NJ.js";
import {
  APPROVAL_CONTEXT
} from "./chunk-3UERP77F.js";
import "./chunk-SL354UMA.js";
import "./chunk-UJGMECAW.js";
import "./chunk-IUP2DSUK.js";
import "./chunk-62RWLHT6.js";
import "./chunk-QR72UADD.js";
import "./chunk-MQDDH7ZQ.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-NBJBXFWC.js";
import "./chunk-OX2YRDKY.js";
import "./chunk-WQFNYFTF.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-AVCTVMN2.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-VHRTALN7.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-VVJMRBLD.js";
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
