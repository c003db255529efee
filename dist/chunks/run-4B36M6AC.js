import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  ledgerAppendFindings,
  runAudit
} from "./chunk-FDJDL6UK.js";
import "./chunk-NBE4FVDL.js";
import "./chunk-VWVBXSYG.js";
import "./chunk-YN67MKMD.js";
import "./chunk-DNC5GW5B.js";
import "./chunk-4BLITTKA.js";
import "./chunk-6LQ44VET.js";
import "./chunk-NP3OSGPT.js";
import "./chunk-ES2OW2N4.js";
import "./chunk-XKBXOX3L.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-U73FS3GH.js";
import "./chunk-FKCR242C.js";
import "./chunk-AVCTVMN2.js";
import "./chunk-NI36P5E6.js";
import "./chunk-A6WGSW5D.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  ledgerAppendFindings,
  runAudit
};
