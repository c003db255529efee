import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  ScoringPool,
  defaultScoringWorkers
} from "./chunk-4QHV5LA7.js";
import "./chunk-RYSNJ77Z.js";
import "./chunk-ZZZMVQIV.js";
import "./chunk-6MM2LAE2.js";
import "./chunk-NCK4QNEF.js";
import "./chunk-HESXV63B.js";
import "./chunk-R532WJMX.js";
import "./chunk-M57FEL6J.js";
import "./chunk-IK6UPDEG.js";
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
