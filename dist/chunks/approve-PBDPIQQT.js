import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  approveExitCode,
  approveJson,
  command,
  formatApproveResult,
  parseModelList,
  runApprove2 as runApprove
} from "./chunk-RBFGRMZQ.js";
import {
  APPROVAL_CONTEXT
} from "./chunk-RTH5LDWT.js";
import "./chunk-YDR5J22N.js";
import "./chunk-IUP2DSUK.js";
import "./chunk-UJGMECAW.js";
import "./chunk-62RWLHT6.js";
import "./chunk-NKXRGQC5.js";
import "./chunk-BJUODENM.js";
import "./chunk-7ROONTVP.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-EJ2BXGGS.js";
import "./chunk-WCPT35N3.js";
import "./chunk-PXO3VLY7.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-AVCTVMN2.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-VHRTALN7.js";
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
