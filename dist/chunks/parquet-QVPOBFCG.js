import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  parquetLayout,
  parquetUnitBatches,
  readParquet,
  readParquetColumns,
  readParquetUnits
} from "./chunk-PCJIGORA.js";
import "./chunk-ZZZMVQIV.js";
import "./chunk-EK66YOBA.js";
import "./chunk-MZSXLI75.js";
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
