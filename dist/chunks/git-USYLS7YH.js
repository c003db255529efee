import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  Git,
  GitError,
  openGit
} from "./chunk-PH2DX2SW.js";
import "./chunk-QJVTDBHM.js";
import "./chunk-CCN2QAD7.js";
export {
  Git,
  GitError,
  openGit
};
