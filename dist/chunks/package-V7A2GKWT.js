import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  runPackage
} from "./chunk-NOOZ72QF.js";
import "./chunk-M3CBJJY3.js";
import "./chunk-7EEB7WO2.js";
import "./chunk-4C7CTABB.js";
import "./chunk-SNVQYJ2T.js";
import "./chunk-AJFWQFH3.js";
import "./chunk-NJ3H4BEK.js";
import "./chunk-OR3DVTRH.js";
import "./chunk-7D7LT2GK.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-WARMS5WM.js";
import "./chunk-7SHYJVU3.js";
import "./chunk-ZGDBGMMU.js";
export {
  command,
  runPackage
};
