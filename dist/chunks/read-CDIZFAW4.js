import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  cellToNumber,
  cellToString,
  formatOf,
  readBatches,
  readColumns
} from "./chunk-I6F5CAWS.js";
import "./chunk-7SHYJVU3.js";
import "./chunk-ZGDBGMMU.js";
export {
  cellToNumber,
  cellToString,
  formatOf,
  readBatches,
  readColumns
};
