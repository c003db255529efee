import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  cellToNumber,
  cellToString,
  formatOf,
  readBatches,
  readColumns
} from "./chunk-PHPGACM3.js";
import "./chunk-QVLUCJ3W.js";
import "./chunk-ZGDBGMMU.js";
export {
  cellToNumber,
  cellToString,
  formatOf,
  readBatches,
  readColumns
};
