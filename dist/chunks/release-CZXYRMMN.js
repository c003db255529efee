import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-OZLQILFY.js";
import "./chunk-YNZB7N76.js";
import "./chunk-CXLO4YWQ.js";
import "./chunk-3PENKUMF.js";
import "./chunk-3ZDSQ6SL.js";
import "./chunk-FS3WT6BL.js";
import "./chunk-U73FS3GH.js";
import "./chunk-XTUHDE74.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-6PNAW763.js";
import "./chunk-UF345PCC.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-7Q46JTV7.js";
import "./chunk-S7XOYATL.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-4MS45GGA.js";
import "./chunk-H5EPG2ZH.js";
import "./chunk-ZGDBGMMU.js";
export {
  command
};
