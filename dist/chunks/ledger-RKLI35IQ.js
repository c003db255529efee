import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  appendToLedger
} from "./chunk-RM434SFX.js";
import {
  attestationPathBeside,
  chainProblems,
  currentIn,
  evaluationCopyPath,
  parseLedger,
  promotionsPath
} from "./chunk-W5F2KQD4.js";
import "./chunk-6E32F27Q.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-74F563D4.js";
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
