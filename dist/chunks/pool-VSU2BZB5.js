import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  ScoringPool,
  defaultScoringWorkers
} from "./chunk-KP2VFAIB.js";
import "./chunk-KWDSHGKU.js";
import "./chunk-ZZZMVQIV.js";
import "./chunk-BZHRDQJ4.js";
import "./chunk-MUODEOOA.js";
import "./chunk-HESXV63B.js";
import "./chunk-FR5A5X55.js";
import "./chunk-M57FEL6J.js";
import "./chunk-7P2SE45X.js";
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
