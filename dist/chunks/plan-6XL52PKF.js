import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  formatPlan,
  shown
} from "./chunk-EYTSCWAY.js";
import "./chunk-SA2CONGJ.js";
import "./chunk-WEB6YSE2.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-NBDRFBNU.js";
import "./chunk-QVLUCJ3W.js";
import "./chunk-ZGDBGMMU.js";
export {
  command,
  formatPlan,
  shown
};
