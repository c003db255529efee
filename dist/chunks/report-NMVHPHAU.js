import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  formatReportResult,
  reportExitCode,
  runReport
} from "./chunk-IV3IUSB7.js";
import "./chunk-V5QKJQVR.js";
import "./chunk-6PX2BHRJ.js";
import "./chunk-LNRWPDQM.js";
import "./chunk-7BTQOYDW.js";
import "./chunk-4E7AGGXW.js";
import "./chunk-542YCOB7.js";
import "./chunk-3TQMYNH5.js";
import "./chunk-PHPGACM3.js";
import "./chunk-UJGMECAW.js";
import "./chunk-IJIK4RLU.js";
import "./chunk-WEB6YSE2.js";
import "./chunk-GNBV6AFY.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-C5XYVW47.js";
import "./chunk-D2E5CVHB.js";
import "./chunk-YBB4ID5S.js";
import "./chunk-6VSVM3TB.js";
import "./chunk-4AOTTLI5.js";
import "./chunk-QVLUCJ3W.js";
import "./chunk-ZGDBGMMU.js";
export {
  command,
  formatReportResult,
  reportExitCode,
  runReport
};
