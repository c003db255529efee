import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  openWorkspace
} from "./chunk-MQJ4CDQI.js";
import "./chunk-7WYILPYU.js";
import "./chunk-UW5NMV2O.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-AVCTVMN2.js";
import "./chunk-VHRTALN7.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-OHXYSI3I.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  openWorkspace
};
