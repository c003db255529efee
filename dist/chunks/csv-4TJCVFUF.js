import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  csvLayout,
  parseCsvBatch,
  readCsv,
  readCsvHeader,
  readHeader
} from "./chunk-CG5OMBRI.js";
import "./chunk-M57FEL6J.js";
import "./chunk-WQU6PLY4.js";
import "./chunk-ILZOLU62.js";
import "./chunk-BQ3X32ZS.js";
import "./chunk-IVKPBSHK.js";
import "./chunk-MMEZHR7H.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  csvLayout,
  parseCsvBatch,
  readCsv,
  readCsvHeader,
  readHeader
};
