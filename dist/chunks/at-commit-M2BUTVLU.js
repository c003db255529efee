import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  manifestAt,
  readManifestAt,
  readManifestsAt
} from "./chunk-OC63Y2CO.js";
import "./chunk-NLWIVCTM.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-VHRTALN7.js";
import "./chunk-74F563D4.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  manifestAt,
  readManifestAt,
  readManifestsAt
};
