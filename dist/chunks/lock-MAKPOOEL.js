import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-ZEOO3QMA.js";
import "./chunk-XDY2QW3N.js";
import "./chunk-VNZ24X6O.js";
import "./chunk-GWDUN75G.js";
import "./chunk-PWA2NHWD.js";
import "./chunk-CXLO4YWQ.js";
import "./chunk-LXP7FMWT.js";
import "./chunk-TZI6PADE.js";
import "./chunk-GJ4MOHBX.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-YKVVJQTT.js";
import "./chunk-M65JNBWF.js";
import "./chunk-PH2DX2SW.js";
import "./chunk-QJVTDBHM.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-H5EPG2ZH.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
