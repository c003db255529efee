import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  approveExitCode,
  approveJson,
  command,
  formatApproveResult,
  parseModelList,
  runApprove2 as runApprove
} from "./chunk-77L6OETL.js";
import {
  APPROVAL_CONTEXT
} from "./chunk-RIE246NL.js";
import "./chunk-GLGUTLI5.js";
import "./chunk-IUP2DSUK.js";
import "./chunk-KQ33QBFR.js";
import "./chunk-62RWLHT6.js";
import "./chunk-NKXRGQC5.js";
import "./chunk-BJUODENM.js";
import "./chunk-7QV4TYNM.js";
import "./chunk-64266JRY.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-TNV3NBNK.js";
import "./chunk-DQHGHTZX.js";
import "./chunk-2E6TZQRV.js";
import "./chunk-LYRQXBMV.js";
import "./chunk-YR32LSL5.js";
import "./chunk-KMZ2SU7I.js";
import "./chunk-XPVOVGWT.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-AVCTVMN2.js";
import "./chunk-NI36P5E6.js";
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
