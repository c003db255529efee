import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  evaluateCandidate,
  evaluateRepositoryModel,
  resamplesArg,
  specFromManifests,
  summarize
} from "./chunk-GYEFXECU.js";
import "./chunk-KBTFNOVJ.js";
import "./chunk-LXKM3IAE.js";
import "./chunk-2BJAIYUF.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-I6F5CAWS.js";
import "./chunk-IJIK4RLU.js";
import "./chunk-BEVYNQTN.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-NJ3H4BEK.js";
import "./chunk-XBTSBKM5.js";
import "./chunk-7D7LT2GK.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-WARMS5WM.js";
import "./chunk-7SHYJVU3.js";
import "./chunk-ZGDBGMMU.js";
export {
  command,
  evaluateCandidate,
  evaluateRepositoryModel,
  resamplesArg,
  specFromManifests,
  summarize
};
