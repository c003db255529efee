import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  evaluateCandidate,
  evaluateRepositoryModel,
  specFromManifests,
  summarize
} from "./chunk-NCI2OU7Q.js";
import "./chunk-GNBV6AFY.js";
import "./chunk-M7W3V3SM.js";
import "./chunk-3TQMYNH5.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-PHPGACM3.js";
import "./chunk-IJIK4RLU.js";
import "./chunk-C5XYVW47.js";
import "./chunk-WEB6YSE2.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-NBDRFBNU.js";
import "./chunk-QVLUCJ3W.js";
import "./chunk-ZGDBGMMU.js";
export {
  command,
  evaluateCandidate,
  evaluateRepositoryModel,
  specFromManifests,
  summarize
};
