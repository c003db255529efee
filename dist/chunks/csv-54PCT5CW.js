import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  csvLayout,
  parseCsvBatch,
  readCsv,
  readCsvHeader,
  readHeader
} from "./chunk-7W7GW2AC.js";
import "./chunk-M57FEL6J.js";
import "./chunk-XQ7KBMAI.js";
import "./chunk-TP2SVM2Z.js";
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
