import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  endWorkers,
  isEndMessage,
  reviveWorkerError,
  serializeWorkerError,
  startModuleWorker,
  startReadyWorkers
} from "./chunk-SU4I4RP5.js";
import "./chunk-BQ3X32ZS.js";
import "./chunk-6UXFBPQ7.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  endWorkers,
  isEndMessage,
  reviveWorkerError,
  serializeWorkerError,
  startModuleWorker,
  startReadyWorkers
};
