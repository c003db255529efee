import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-DDOW6CG2.js";
import "./chunk-E67AKPAE.js";
import "./chunk-V6WJELDO.js";
import "./chunk-KBTFNOVJ.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-BEVYNQTN.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-NJ3H4BEK.js";
import "./chunk-XBTSBKM5.js";
import "./chunk-7D7LT2GK.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-WARMS5WM.js";
import "./chunk-7SHYJVU3.js";
import "./chunk-ZGDBGMMU.js";
export {
  command
};
