import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  CSV_COLUMNS,
  describe,
  prose,
  renderAt,
  renderCsv,
  renderTimeline,
  renderVerification,
  v
} from "./chunk-YN67MKMD.js";
import "./chunk-U73FS3GH.js";
import "./chunk-CCN2QAD7.js";
export {
  CSV_COLUMNS,
  describe,
  prose,
  renderAt,
  renderCsv,
  renderTimeline,
  renderVerification,
  v
};
