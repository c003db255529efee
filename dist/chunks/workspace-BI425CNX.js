import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  openWorkspace
} from "./chunk-JU5LUOA3.js";
import "./chunk-MK2J4N2B.js";
import "./chunk-PNTPXAYO.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-OHXYSI3I.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-BW3OKQ3E.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  openWorkspace
};
