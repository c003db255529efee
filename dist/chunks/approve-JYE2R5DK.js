import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  approveExitCode,
  approveJson,
  command,
  formatApproveResult,
  parseModelList,
  runApprove2 as runApprove
} from "./chunk-B4V7BWLT.js";
import {
  APPROVAL_CONTEXT
} from "./chunk-LJKBXTH3.js";
import "./chunk-IYHQE532.js";
import "./chunk-IUP2DSUK.js";
import "./chunk-UJGMECAW.js";
import "./chunk-62RWLHT6.js";
import "./chunk-NKXRGQC5.js";
import "./chunk-BJUODENM.js";
import "./chunk-76FGR6L6.js";
import "./chunk-ZBPD3DRM.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-F2PSMUO6.js";
import "./chunk-B2BTQZBU.js";
import "./chunk-ICA2TUKF.js";
import "./chunk-J7CSOYU2.js";
import "./chunk-7MFGN6CO.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-AVCTVMN2.js";
import "./chunk-DF6EL5VG.js";
import "./chunk-A6WGSW5D.js";
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
