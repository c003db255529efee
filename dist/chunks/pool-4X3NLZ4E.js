import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  ScoringPool
} from "./chunk-27DQO6QK.js";
import {
  defaultScoringWorkers
} from "./chunk-U5CXDAZ3.js";
import "./chunk-PCJIGORA.js";
import "./chunk-ZZZMVQIV.js";
import "./chunk-PVZR6ZBN.js";
import "./chunk-XBKZ6JDJ.js";
import "./chunk-FTBOFNZH.js";
import "./chunk-M57FEL6J.js";
import "./chunk-EK66YOBA.js";
import "./chunk-HESXV63B.js";
import "./chunk-MZSXLI75.js";
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
