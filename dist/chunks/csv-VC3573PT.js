import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  csvLayout,
  parseCsvBatch,
  readCsv,
  readCsvHeader,
  readHeader
} from "./chunk-ITYQG6NC.js";
import "./chunk-QLBLFMMI.js";
import "./chunk-LXOC5J5Z.js";
import "./chunk-7NLYG22G.js";
import "./chunk-RYALGRLQ.js";
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
