import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  Git,
  GitError,
  gitEnvironment,
  openGit
} from "./chunk-BW3OKQ3E.js";
import "./chunk-CCN2QAD7.js";
export {
  Git,
  GitError,
  gitEnvironment,
  openGit
};
