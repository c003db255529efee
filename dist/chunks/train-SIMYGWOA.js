import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-L6UQ2JLS.js";
import "./chunk-J5PNHCVT.js";
import "./chunk-KBTFNOVJ.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-BEVYNQTN.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-VYEXY6LZ.js";
import "./chunk-NJ3H4BEK.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-IXECCYAM.js";
import "./chunk-7SHYJVU3.js";
import "./chunk-ZGDBGMMU.js";
export {
  command
};
