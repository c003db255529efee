import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  defaultEnvironment,
  formatReleaseResult,
  releaseMarkdown,
  runRelease
} from "./chunk-OX7QV2IP.js";
import "./chunk-BWLPWRXU.js";
import "./chunk-ECKY5JUV.js";
import "./chunk-EKUXUDFH.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-U73FS3GH.js";
import "./chunk-BQKVR4UH.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-NJ3H4BEK.js";
import "./chunk-ZY5OX6SA.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-7Q46JTV7.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-WARMS5WM.js";
import "./chunk-4MS45GGA.js";
import "./chunk-7SHYJVU3.js";
import "./chunk-ZGDBGMMU.js";
export {
  command,
  defaultEnvironment,
  formatReleaseResult,
  releaseMarkdown,
  runRelease
};
