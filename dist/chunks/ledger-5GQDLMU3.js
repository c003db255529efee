import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  appendToLedger
} from "./chunk-3XFCJ3SQ.js";
import {
  attestationPathBeside,
  chainProblems,
  currentIn,
  evaluationCopyPath,
  parseLedger,
  promotionsPath
} from "./chunk-ES2OW2N4.js";
import "./chunk-XKBXOX3L.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-A6WGSW5D.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  appendToLedger,
  attestationPathBeside,
  chainProblems,
  currentIn,
  evaluationCopyPath,
  parseLedger,
  promotionsPath
};
