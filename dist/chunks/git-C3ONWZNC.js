import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  Git,
  GitError,
  openGit
} from "./chunk-K2PEDVU3.js";
import "./chunk-ZGDBGMMU.js";
export {
  Git,
  GitError,
  openGit
};
