import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-QNB6HMDE.js";
import "./chunk-42OEFBMW.js";
import "./chunk-CXLO4YWQ.js";
import "./chunk-2QDJK4LF.js";
import "./chunk-BAGWTHH3.js";
import "./chunk-BJFHTU3R.js";
import "./chunk-U73FS3GH.js";
import "./chunk-YA4536HC.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-A2AAEGHE.js";
import "./chunk-7X65H3OX.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-K2PEDVU3.js";
import "./chunk-E5SOOXKQ.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-4MS45GGA.js";
import "./chunk-H5EPG2ZH.js";
import "./chunk-ZGDBGMMU.js";
export {
  command
};
