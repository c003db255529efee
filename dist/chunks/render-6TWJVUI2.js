import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  MANAGED_BY,
  TRITON_IMAGE,
  deployPaths,
  readOverlayPin,
  renderBase,
  renderOverlay,
  storageUri
} from "./chunk-PBKVHRC3.js";
import {
  RECORD_ANNOTATION,
  VERSION_ANNOTATION
} from "./chunk-DZUNL7B6.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-NI36P5E6.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  MANAGED_BY,
  RECORD_ANNOTATION,
  TRITON_IMAGE,
  VERSION_ANNOTATION,
  deployPaths,
  readOverlayPin,
  renderBase,
  renderOverlay,
  storageUri
};
