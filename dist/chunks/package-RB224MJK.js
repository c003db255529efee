import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  runPackage
} from "./chunk-EXYIMWJQ.js";
import "./chunk-IJIK4RLU.js";
import "./chunk-WEB6YSE2.js";
import "./chunk-C5XYVW47.js";
import "./chunk-D2E5CVHB.js";
import "./chunk-YBB4ID5S.js";
import "./chunk-QVLUCJ3W.js";
import "./chunk-ZGDBGMMU.js";
export {
  command,
  runPackage
};
