import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-RZN4L4VO.js";
import "./chunk-S5TEHWNA.js";
import "./chunk-IJIK4RLU.js";
import "./chunk-QUZ3DXU4.js";
import "./chunk-VL6H3Y6N.js";
import "./chunk-5WH7IXBD.js";
import "./chunk-542YCOB7.js";
import "./chunk-5MMVVRRW.js";
import "./chunk-WEB6YSE2.js";
import "./chunk-D2E5CVHB.js";
import "./chunk-LNRWPDQM.js";
import "./chunk-7BTQOYDW.js";
import "./chunk-3TQMYNH5.js";
import "./chunk-PHPGACM3.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-C5XYVW47.js";
import "./chunk-YBB4ID5S.js";
import "./chunk-L6XWNW7G.js";
import "./chunk-QVLUCJ3W.js";
import "./chunk-ZGDBGMMU.js";
export {
  command
};
