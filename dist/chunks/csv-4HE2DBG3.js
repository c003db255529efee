import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  csvLayout,
  parseCsvBatch,
  readCsv,
  readCsvHeader,
  readHeader
} from "./chunk-6G66RVJS.js";
import "./chunk-7DC5CDGY.js";
import "./chunk-JUPVGUIV.js";
import "./chunk-SU4I4RP5.js";
import "./chunk-BQ3X32ZS.js";
import "./chunk-6UXFBPQ7.js";
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
