import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  Git,
  GitError,
  gitEnvironment,
  openGit
} from "./chunk-AVCTVMN2.js";
import "./chunk-CCN2QAD7.js";
export {
  Git,
  GitError,
  gitEnvironment,
  openGit
};
