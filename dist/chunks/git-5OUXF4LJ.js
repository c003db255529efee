import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  Git,
  GitError,
  openGit
} from "./chunk-MTDE2ICV.js";
import "./chunk-CCN2QAD7.js";
export {
  Git,
  GitError,
  openGit
};
