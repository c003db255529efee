import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-SQOYKFSM.js";
import "./chunk-NFCRMY6E.js";
import "./chunk-GNBV6AFY.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-C5XYVW47.js";
import "./chunk-WEB6YSE2.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-NBDRFBNU.js";
import "./chunk-QVLUCJ3W.js";
import "./chunk-ZGDBGMMU.js";
export {
  command
};
