import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  csvLayout,
  parseCsvBatch,
  readCsv,
  readCsvHeader,
  readHeader
} from "./chunk-O7KZ7V2Q.js";
import "./chunk-7DC5CDGY.js";
import "./chunk-OOQO5JDE.js";
import "./chunk-SKWY5OI3.js";
import "./chunk-6UXFBPQ7.js";
import "./chunk-X6OXJVG3.js";
import "./chunk-FEFSD2JC.js";
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
