import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  defaultBranch,
  noDefaultBranch,
  planRepository,
  shardJobs
} from "./chunk-EG7X4UPV.js";
import "./chunk-XWIHPMNA.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-WCPT35N3.js";
import "./chunk-PXO3VLY7.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-VHRTALN7.js";
import "./chunk-VVJMRBLD.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  defaultBranch,
  noDefaultBranch,
  planRepository,
  shardJobs
};
