import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-RUS7JQSX.js";
import "./chunk-H3UMWPSB.js";
import "./chunk-CXLO4YWQ.js";
import "./chunk-VMRVLEM6.js";
import "./chunk-BAGWTHH3.js";
import "./chunk-S4SG3GL6.js";
import "./chunk-U73FS3GH.js";
import "./chunk-YA4536HC.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-DC2W5W3N.js";
import "./chunk-AN5NL6IO.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-7Q46JTV7.js";
import "./chunk-ZI3NRAPJ.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-4MS45GGA.js";
import "./chunk-H5EPG2ZH.js";
import "./chunk-ZGDBGMMU.js";
export {
  command
};
