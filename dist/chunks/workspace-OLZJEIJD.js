import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  openWorkspace
} from "./chunk-F2PSMUO6.js";
import "./chunk-B2BTQZBU.js";
import "./chunk-ICA2TUKF.js";
import "./chunk-J7CSOYU2.js";
import "./chunk-7MFGN6CO.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-AVCTVMN2.js";
import "./chunk-DF6EL5VG.js";
import "./chunk-A6WGSW5D.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  openWorkspace
};
