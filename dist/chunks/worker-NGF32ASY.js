import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  endWorkers,
  isEndMessage,
  reviveWorkerError,
  serializeWorkerError,
  startModuleWorker,
  startReadyWorkers
} from "./chunk-SKWY5OI3.js";
import "./chunk-6UXFBPQ7.js";
import "./chunk-X6OXJVG3.js";
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
