import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  evaluateCandidate,
  evaluateRepositoryModel,
  specFromManifests,
  summarize
} from "./chunk-V5QKJQVR.js";
import "./chunk-542YCOB7.js";
import "./chunk-3TQMYNH5.js";
import "./chunk-PHPGACM3.js";
import "./chunk-IJIK4RLU.js";
import "./chunk-WEB6YSE2.js";
import "./chunk-GNBV6AFY.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-C5XYVW47.js";
import "./chunk-D2E5CVHB.js";
import "./chunk-YBB4ID5S.js";
import "./chunk-QVLUCJ3W.js";
import "./chunk-ZGDBGMMU.js";
export {
  command,
  evaluateCandidate,
  evaluateRepositoryModel,
  specFromManifests,
  summarize
};
