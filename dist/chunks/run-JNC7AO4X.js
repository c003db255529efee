import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  ledgerAppendFindings,
  runAudit
} from "./chunk-7QKISHHN.js";
import {
  parseTime
} from "./chunk-7FTSAGIK.js";
import "./chunk-YN67MKMD.js";
import "./chunk-ZQ4SM2OV.js";
import "./chunk-4BLITTKA.js";
import "./chunk-GY2XQEAC.js";
import "./chunk-R6G3I7Z7.js";
import "./chunk-YVLSR3UK.js";
import "./chunk-2JVQ4VQM.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-U73FS3GH.js";
import "./chunk-OZI6Z5D5.js";
import "./chunk-A5TF4TZO.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-3OH66N6E.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-7B4MNCDY.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-7WINE2HQ.js";
import "./chunk-CET7KO5S.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  ledgerAppendFindings,
  parseTime,
  runAudit
};
