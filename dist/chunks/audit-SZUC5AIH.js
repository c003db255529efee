import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-NBGGBYSI.js";
import "./chunk-3GBFNMDE.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-CDYHB34A.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
