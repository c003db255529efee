import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  ledgerAppendFindings,
  runAudit
} from "./chunk-K4PXRKT3.js";
import "./chunk-ZDIT2OPZ.js";
import "./chunk-YN67MKMD.js";
import "./chunk-ARGH53ZS.js";
import "./chunk-4BLITTKA.js";
import "./chunk-PEFSGJFO.js";
import "./chunk-R6G3I7Z7.js";
import "./chunk-QACAELNA.js";
import "./chunk-2JVQ4VQM.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-U73FS3GH.js";
import "./chunk-CGGEW7VW.js";
import "./chunk-62NAQUBS.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-RWWTBGNL.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-XHJYYTBS.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-UTWODBN7.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  ledgerAppendFindings,
  runAudit
};
