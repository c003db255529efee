import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  runPackage
} from "./chunk-6I5Z5ZK6.js";
import "./chunk-M3CBJJY3.js";
import "./chunk-IJIK4RLU.js";
import "./chunk-BEVYNQTN.js";
import "./chunk-NJ3H4BEK.js";
import "./chunk-XBTSBKM5.js";
import "./chunk-7D7LT2GK.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-WARMS5WM.js";
import "./chunk-7SHYJVU3.js";
import "./chunk-ZGDBGMMU.js";
export {
  command,
  runPackage
};
