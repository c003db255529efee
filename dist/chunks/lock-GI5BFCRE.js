import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-RKPADBXC.js";
import "./chunk-TBFG4J7M.js";
import "./chunk-L7FHKCN3.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-I6F5CAWS.js";
import "./chunk-BEVYNQTN.js";
import "./chunk-NJ3H4BEK.js";
import "./chunk-XBTSBKM5.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-WARMS5WM.js";
import "./chunk-7SHYJVU3.js";
import "./chunk-ZGDBGMMU.js";
export {
  command
};
