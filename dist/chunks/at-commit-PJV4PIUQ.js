import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  manifestAt,
  readManifestAt,
  readManifestsAt
} from "./chunk-B3ZWHNLG.js";
import "./chunk-UW5NMV2O.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-VHRTALN7.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-OHXYSI3I.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-CCN2QAD7.js";
export {
  manifestAt,
  readManifestAt,
  readManifestsAt
};
