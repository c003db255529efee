import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  parquetLayout,
  parquetUnitBatches,
  readParquet,
  readParquetColumns,
  readParquetUnits
} from "./chunk-ZEUYWIH2.js";
import "./chunk-ZZZMVQIV.js";
import "./chunk-WQU6PLY4.js";
import "./chunk-ILZOLU62.js";
import "./chunk-BQ3X32ZS.js";
import "./chunk-IVKPBSHK.js";
import "./chunk-MMEZHR7H.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  parquetLayout,
  parquetUnitBatches,
  readParquet,
  readParquetColumns,
  readParquetUnits
};
