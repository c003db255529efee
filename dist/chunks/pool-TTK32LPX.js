import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  ScoringPool
} from "./chunk-JFTWRDJB.js";
import {
  defaultScoringWorkers
} from "./chunk-MY2UWQIZ.js";
import "./chunk-Y7A4R7MF.js";
import "./chunk-ZZZMVQIV.js";
import "./chunk-4PYCTCDN.js";
import "./chunk-AYMTKVFU.js";
import "./chunk-UCU4ARW5.js";
import "./chunk-7DC5CDGY.js";
import "./chunk-JUPVGUIV.js";
import "./chunk-C6CK2HNB.js";
import "./chunk-SU4I4RP5.js";
import "./chunk-BQ3X32ZS.js";
import "./chunk-6UXFBPQ7.js";
import "./chunk-WQ3D7RZK.js";
import "./chunk-2Z7WG6JL.js";
import "./chunk-MMEZHR7H.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  ScoringPool,
  defaultScoringWorkers
};
