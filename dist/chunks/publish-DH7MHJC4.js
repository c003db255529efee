import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-3CTYU5EU.js";
import "./chunk-FI2QS5RE.js";
import "./chunk-6X5XMEQQ.js";
import "./chunk-SA2CONGJ.js";
import "./chunk-WQGR4XDE.js";
import "./chunk-E3LMBZ2G.js";
import "./chunk-7BTQOYDW.js";
import "./chunk-4YS22WEF.js";
import "./chunk-M7W3V3SM.js";
import "./chunk-3TQMYNH5.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-PHPGACM3.js";
import "./chunk-UJGMECAW.js";
import "./chunk-IJIK4RLU.js";
import "./chunk-C5XYVW47.js";
import "./chunk-U73FS3GH.js";
import "./chunk-4E7AGGXW.js";
import "./chunk-WEB6YSE2.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-NBDRFBNU.js";
import "./chunk-6VSVM3TB.js";
import "./chunk-4AOTTLI5.js";
import "./chunk-QVLUCJ3W.js";
import "./chunk-ZGDBGMMU.js";
export {
  command
};
