import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  ScoringPool
} from "./chunk-TSQY55J3.js";
import {
  defaultScoringWorkers
} from "./chunk-6ISN4EGF.js";
import "./chunk-SHIWSB4T.js";
import "./chunk-JMKTJURE.js";
import "./chunk-GEALMPRS.js";
import "./chunk-UCU4ARW5.js";
import "./chunk-7DC5CDGY.js";
import "./chunk-2X3PTOKY.js";
import "./chunk-3RH2EWC2.js";
import "./chunk-NWM6ZMC5.js";
import "./chunk-JUPVGUIV.js";
import "./chunk-Y72I2OFL.js";
import "./chunk-SU4I4RP5.js";
import "./chunk-BQ3X32ZS.js";
import "./chunk-6UXFBPQ7.js";
import "./chunk-UBMSCOQN.js";
import "./chunk-2ZLDIS45.js";
import "./chunk-OZK2C7TC.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-MMEZHR7H.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  ScoringPool,
  defaultScoringWorkers
};
