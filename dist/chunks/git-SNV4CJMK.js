import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  Git,
  GitError,
  openGit
} from "./chunk-7Q46JTV7.js";
import "./chunk-ZGDBGMMU.js";
export {
  Git,
  GitError,
  openGit
};
