import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  ledgerAppendFindings,
  runAudit
} from "./chunk-66TRT6UF.js";
import "./chunk-HUL4MPMY.js";
import "./chunk-YN67MKMD.js";
import "./chunk-Z5SC7QS6.js";
import "./chunk-4BLITTKA.js";
import "./chunk-PEFSGJFO.js";
import "./chunk-R6G3I7Z7.js";
import "./chunk-CNXNFV7N.js";
import "./chunk-6E32F27Q.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-U73FS3GH.js";
import "./chunk-CGGEW7VW.js";
import "./chunk-62NAQUBS.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-RWWTBGNL.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-XHJYYTBS.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-BW3OKQ3E.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  ledgerAppendFindings,
  runAudit
};
