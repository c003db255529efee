import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-DNAPTHGR.js";
import "./chunk-AIWF42K2.js";
import "./chunk-CXLO4YWQ.js";
import "./chunk-BJFHTU3R.js";
import "./chunk-GBOQY7F6.js";
import "./chunk-REJUCCMN.js";
import "./chunk-2GAGZ6MB.js";
import "./chunk-U73FS3GH.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-K2PEDVU3.js";
import "./chunk-E5SOOXKQ.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-H5EPG2ZH.js";
import "./chunk-ZGDBGMMU.js";
export {
  command
};
