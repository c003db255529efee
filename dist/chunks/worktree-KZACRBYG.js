import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  configValue,
  currentBranch,
  hasUncommittedChanges,
  isGitRepository,
  isInsideWorkTree,
  isShallowRepository,
  remoteHead,
  worktreePrefix
} from "./chunk-EJRXWDVW.js";
import "./chunk-CCN2QAD7.js";
export {
  configValue,
  currentBranch,
  hasUncommittedChanges,
  isGitRepository,
  isInsideWorkTree,
  isShallowRepository,
  remoteHead,
  worktreePrefix
};
