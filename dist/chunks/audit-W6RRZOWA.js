import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-JGFWRM3E.js";
import "./chunk-LJV6BXNA.js";
import "./chunk-4BLITTKA.js";
import "./chunk-XSOIC3VP.js";
import "./chunk-64O37LZ4.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-U4NGG65P.js";
import "./chunk-Q7Q5OYL7.js";
import "./chunk-U73FS3GH.js";
import "./chunk-CXLO4YWQ.js";
import "./chunk-KR4G622Y.js";
import "./chunk-ULMOSOEG.js";
import "./chunk-PH2DX2SW.js";
import "./chunk-QJVTDBHM.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-TB77MNSH.js";
import "./chunk-M65JNBWF.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-H5EPG2ZH.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
