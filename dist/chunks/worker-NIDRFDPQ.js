import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  endWorkers,
  isEndMessage,
  reviveWorkerError,
  serializeWorkerError,
  startModuleWorker,
  startReadyWorkers
} from "./chunk-DJ3H2V2R.js";
import "./chunk-JXQAT6EV.js";
import "./chunk-6UXFBPQ7.js";
import "./chunk-Q4CUUOUB.js";
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
