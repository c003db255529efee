import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  openWorkspace
} from "./chunk-NBJBXFWC.js";
import "./chunk-OX2YRDKY.js";
import "./chunk-WQFNYFTF.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-AVCTVMN2.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-VHRTALN7.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-VVJMRBLD.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  openWorkspace
};
