import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  openWorkspace
} from "./chunk-FEOEROVT.js";
import "./chunk-OBU5BQ7B.js";
import "./chunk-EJOX3UUP.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-XHJYYTBS.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-CDYHB34A.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  openWorkspace
};
