import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  ScoringPool
} from "./chunk-6TLLRQX3.js";
import {
  defaultScoringWorkers
} from "./chunk-PYWNDI4J.js";
import "./chunk-ZEUYWIH2.js";
import "./chunk-ZZZMVQIV.js";
import "./chunk-4USZLPHI.js";
import "./chunk-JPD5CG23.js";
import "./chunk-CG5OMBRI.js";
import "./chunk-M57FEL6J.js";
import "./chunk-WQU6PLY4.js";
import "./chunk-HESXV63B.js";
import "./chunk-ILZOLU62.js";
import "./chunk-BQ3X32ZS.js";
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
