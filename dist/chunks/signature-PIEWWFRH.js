import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  readOnnxModel,
  readOnnxSignature
} from "./chunk-2ZLDIS45.js";
import {
  ELEM_CODE,
  graphFacts
} from "./chunk-OZK2C7TC.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  ELEM_CODE,
  graphFacts,
  readOnnxModel,
  readOnnxSignature
};
