import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  csvLayout,
  parseCsvBatch,
  readCsv,
  readCsvHeader,
  readHeader
} from "./chunk-T2NYS3LU.js";
import "./chunk-7DC5CDGY.js";
import "./chunk-DHJIDNRN.js";
import "./chunk-DJ3H2V2R.js";
import "./chunk-JXQAT6EV.js";
import "./chunk-6UXFBPQ7.js";
import "./chunk-Q4CUUOUB.js";
import "./chunk-MMEZHR7H.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  csvLayout,
  parseCsvBatch,
  readCsv,
  readCsvHeader,
  readHeader
};
