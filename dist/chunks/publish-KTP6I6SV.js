import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-SDC6WX57.js";
import "./chunk-PRAH6H43.js";
import "./chunk-EXYIMWJQ.js";
import "./chunk-IJIK4RLU.js";
import "./chunk-SKWFDNJ7.js";
import "./chunk-LNRWPDQM.js";
import "./chunk-7BTQOYDW.js";
import "./chunk-M3SYT2AN.js";
import "./chunk-5WH7IXBD.js";
import "./chunk-542YCOB7.js";
import "./chunk-3TQMYNH5.js";
import "./chunk-PHPGACM3.js";
import "./chunk-5MMVVRRW.js";
import "./chunk-WEB6YSE2.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-C5XYVW47.js";
import "./chunk-D2E5CVHB.js";
import "./chunk-YBB4ID5S.js";
import "./chunk-L6XWNW7G.js";
import "./chunk-QVLUCJ3W.js";
import "./chunk-ZGDBGMMU.js";
export {
  command
};
