import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-OZA5NHV2.js";
import "./chunk-UHRHNSOX.js";
import "./chunk-LNRWPDQM.js";
import "./chunk-7BTQOYDW.js";
import "./chunk-3TQMYNH5.js";
import "./chunk-PHPGACM3.js";
import "./chunk-UJGMECAW.js";
import "./chunk-WEB6YSE2.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-C5XYVW47.js";
import "./chunk-D2E5CVHB.js";
import "./chunk-YBB4ID5S.js";
import "./chunk-4AOTTLI5.js";
import "./chunk-QVLUCJ3W.js";
import "./chunk-ZGDBGMMU.js";
export {
  command
};
