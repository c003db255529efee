import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-O63OITS6.js";
import "./chunk-WUODPHCD.js";
import "./chunk-VSTT744I.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-CXLO4YWQ.js";
import "./chunk-SKHWQEHY.js";
import "./chunk-Y72I2OFL.js";
import "./chunk-7CYA4NHE.js";
import "./chunk-AZ7PF7DE.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-DC2W5W3N.js";
import "./chunk-AN5NL6IO.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-7Q46JTV7.js";
import "./chunk-ZI3NRAPJ.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-H5EPG2ZH.js";
import "./chunk-ZGDBGMMU.js";
export {
  command
};
