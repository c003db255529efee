import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  formatReportResult,
  reportExitCode,
  runReport
} from "./chunk-SHP7FTBJ.js";
import "./chunk-MQ5DZ55I.js";
import "./chunk-KBTFNOVJ.js";
import "./chunk-QIFN7FU2.js";
import "./chunk-WQWKNCBN.js";
import "./chunk-L7FHKCN3.js";
import "./chunk-2XU7WMBY.js";
import "./chunk-2BJAIYUF.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-I6F5CAWS.js";
import "./chunk-UJGMECAW.js";
import "./chunk-IJIK4RLU.js";
import "./chunk-BEVYNQTN.js";
import "./chunk-U73FS3GH.js";
import "./chunk-X6B5SVEE.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-VYEXY6LZ.js";
import "./chunk-NJ3H4BEK.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-IXECCYAM.js";
import "./chunk-4MS45GGA.js";
import "./chunk-4AOTTLI5.js";
import "./chunk-7SHYJVU3.js";
import "./chunk-ZGDBGMMU.js";
export {
  command,
  formatReportResult,
  reportExitCode,
  runReport
};
