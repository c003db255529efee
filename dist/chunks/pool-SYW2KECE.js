import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  ScoringPool
} from "./chunk-ZN3C3ABV.js";
import {
  defaultScoringWorkers
} from "./chunk-5O5PAZ44.js";
import "./chunk-VINCSMRW.js";
import "./chunk-ZZZMVQIV.js";
import "./chunk-RFLJOORY.js";
import "./chunk-WY57J634.js";
import "./chunk-7W7GW2AC.js";
import "./chunk-M57FEL6J.js";
import "./chunk-XQ7KBMAI.js";
import "./chunk-HESXV63B.js";
import "./chunk-TP2SVM2Z.js";
import "./chunk-IVKPBSHK.js";
import "./chunk-WQ3D7RZK.js";
import "./chunk-2Z7WG6JL.js";
import "./chunk-MMEZHR7H.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  ScoringPool,
  defaultScoringWorkers
};
