import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  ledgerAppendFindings,
  runAudit
} from "./chunk-47TWCECI.js";
import "./chunk-3DNK2F5H.js";
import "./chunk-YN67MKMD.js";
import "./chunk-UHZORVQM.js";
import "./chunk-DNC5GW5B.js";
import "./chunk-4BLITTKA.js";
import "./chunk-SYDPJQ7B.js";
import "./chunk-R6G3I7Z7.js";
import "./chunk-XAWYC7JQ.js";
import "./chunk-6E32F27Q.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-U73FS3GH.js";
import "./chunk-KKQJU2ZQ.js";
import "./chunk-U6VEG54C.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-PNTPXAYO.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-OHXYSI3I.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-BW3OKQ3E.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  ledgerAppendFindings,
  runAudit
};
