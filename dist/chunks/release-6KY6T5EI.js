import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-DKY4WZZG.js";
import "./chunk-77PCI6GU.js";
import "./chunk-SYM4DFNS.js";
import "./chunk-BAGWTHH3.js";
import "./chunk-NDBR7QOQ.js";
import "./chunk-GSN2UXXH.js";
import "./chunk-OV7YD2G7.js";
import "./chunk-XSOIC3VP.js";
import "./chunk-64O37LZ4.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-U4NGG65P.js";
import "./chunk-ZS5MTSOT.js";
import "./chunk-3AFH25N2.js";
import "./chunk-M24SKQPK.js";
import "./chunk-LXP7FMWT.js";
import "./chunk-KJACW5GZ.js";
import "./chunk-U73FS3GH.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-CXLO4YWQ.js";
import "./chunk-KR4G622Y.js";
import "./chunk-ULMOSOEG.js";
import "./chunk-PH2DX2SW.js";
import "./chunk-QJVTDBHM.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-TB77MNSH.js";
import "./chunk-M65JNBWF.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-HKORXWJV.js";
import "./chunk-H5EPG2ZH.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
