import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  manifestAt,
  readManifestAt,
  readManifestsAt
} from "./chunk-7ROONTVP.js";
import "./chunk-PXO3VLY7.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-VHRTALN7.js";
import "./chunk-VVJMRBLD.js";
import "./chunk-CCN2QAD7.js";
export {
  manifestAt,
  readManifestAt,
  readManifestsAt
};
