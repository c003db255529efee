import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-VIYRVK7O.js";
import "./chunk-JBITUKJB.js";
import "./chunk-CXLO4YWQ.js";
import "./chunk-FS3WT6BL.js";
import "./chunk-GBOQY7F6.js";
import "./chunk-72SK7Y2L.js";
import "./chunk-GLCMWV2T.js";
import "./chunk-U73FS3GH.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-7Q46JTV7.js";
import "./chunk-S7XOYATL.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-H5EPG2ZH.js";
import "./chunk-ZGDBGMMU.js";
export {
  command
};
