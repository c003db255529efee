import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  parquetLayout,
  parquetRowCount,
  parquetUnitBatches,
  parquetUnitState,
  readParquet,
  readParquetColumns,
  readParquetUnits
} from "./chunk-57NNSMOW.js";
import "./chunk-6ZPD2526.js";
import "./chunk-OOQO5JDE.js";
import "./chunk-SKWY5OI3.js";
import "./chunk-6UXFBPQ7.js";
import "./chunk-X6OXJVG3.js";
import "./chunk-FEFSD2JC.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  parquetLayout,
  parquetRowCount,
  parquetUnitBatches,
  parquetUnitState,
  readParquet,
  readParquetColumns,
  readParquetUnits
};
