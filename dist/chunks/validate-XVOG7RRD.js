import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-4EG4FIZN.js";
import "./chunk-WN75DB4U.js";
import "./chunk-SC7MTNBV.js";
import "./chunk-E3LMBZ2G.js";
import "./chunk-7BTQOYDW.js";
import "./chunk-3TQMYNH5.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-PHPGACM3.js";
import "./chunk-UJGMECAW.js";
import "./chunk-C5XYVW47.js";
import "./chunk-WEB6YSE2.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-NBDRFBNU.js";
import "./chunk-4AOTTLI5.js";
import "./chunk-QVLUCJ3W.js";
import "./chunk-ZGDBGMMU.js";
export {
  command
};
