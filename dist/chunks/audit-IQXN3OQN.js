import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-A6XREUNC.js";
import "./chunk-ZDIT2OPZ.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-UTWODBN7.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
