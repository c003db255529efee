import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  alertSchema,
  driftColumnSchema,
  gateResultSchema,
  monitoringRecordPath,
  monitoringRecordSchema,
  sliceMetricsSchema,
  sourceSchema,
  watchedVersionSchema
} from "./chunk-UJBNVSBJ.js";
import "./chunk-LYRQXBMV.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-A6WGSW5D.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  alertSchema,
  driftColumnSchema,
  gateResultSchema,
  monitoringRecordPath,
  monitoringRecordSchema,
  sliceMetricsSchema,
  sourceSchema,
  watchedVersionSchema
};
