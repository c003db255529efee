import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  manifestAt
} from "./chunk-76FGR6L6.js";
import {
  readManifestAt,
  readManifestsAt
} from "./chunk-ZBPD3DRM.js";
import "./chunk-ICA2TUKF.js";
import "./chunk-7MFGN6CO.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-DF6EL5VG.js";
import "./chunk-A6WGSW5D.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  manifestAt,
  readManifestAt,
  readManifestsAt
};
