import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  BlockFile,
  BlockMismatch,
  DEFAULT_BLOCK_BYTES,
  blockCount,
  blockDigests,
  blockPinProblem,
  blocksProblem
} from "./chunk-U6HQLEKJ.js";
import "./chunk-YK35P24K.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-FEFSD2JC.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  BlockFile,
  BlockMismatch,
  DEFAULT_BLOCK_BYTES,
  blockCount,
  blockDigests,
  blockPinProblem,
  blocksProblem
};
