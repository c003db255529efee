import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  runPackage
} from "./chunk-6X5XMEQQ.js";
import "./chunk-IJIK4RLU.js";
import "./chunk-C5XYVW47.js";
import "./chunk-WEB6YSE2.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-NBDRFBNU.js";
import "./chunk-QVLUCJ3W.js";
import "./chunk-ZGDBGMMU.js";
export {
  command,
  runPackage
};
