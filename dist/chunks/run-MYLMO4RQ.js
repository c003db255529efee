import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  defaultBranch,
  noDefaultBranch,
  planRepository,
  shardJobs
} from "./chunk-LB35PC75.js";
import "./chunk-XWIHPMNA.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-Y5WD3MLX.js";
import "./chunk-NLWIVCTM.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-VHRTALN7.js";
import "./chunk-74F563D4.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  defaultBranch,
  noDefaultBranch,
  planRepository,
  shardJobs
};
