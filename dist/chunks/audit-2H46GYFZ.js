import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-KIGYTNOY.js";
import "./chunk-O2EOKGOG.js";
import "./chunk-CXLO4YWQ.js";
import "./chunk-S4SG3GL6.js";
import "./chunk-GBOQY7F6.js";
import "./chunk-SKHWQEHY.js";
import "./chunk-4U23BXER.js";
import "./chunk-U73FS3GH.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-7Q46JTV7.js";
import "./chunk-ZI3NRAPJ.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-H5EPG2ZH.js";
import "./chunk-ZGDBGMMU.js";
export {
  command
};
