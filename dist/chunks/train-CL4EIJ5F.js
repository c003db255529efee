import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-RZL62IVL.js";
import "./chunk-CR3XD4CX.js";
import "./chunk-56DURYJZ.js";
import "./chunk-KQNK6T7H.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-SGVNIGME.js";
import "./chunk-44HAN3UA.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-RYALGRLQ.js";
import "./chunk-2MYDR3ZF.js";
import "./chunk-6VQLFMRB.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-KMWO5SHS.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-PPKR4CHL.js";
import "./chunk-CET7KO5S.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
