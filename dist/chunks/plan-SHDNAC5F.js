import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  formatPlan,
  shown
} from "./chunk-AXBCVJ7Y.js";
import "./chunk-ZD2YJMUF.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-FEOEROVT.js";
import "./chunk-OBU5BQ7B.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-EJOX3UUP.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-XHJYYTBS.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-CDYHB34A.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command,
  formatPlan,
  shown
};
