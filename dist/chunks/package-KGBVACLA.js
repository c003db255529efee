import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  runPackage
} from "./chunk-LYLTURN7.js";
import "./chunk-IJIK4RLU.js";
import "./chunk-BEVYNQTN.js";
import "./chunk-VYEXY6LZ.js";
import "./chunk-NJ3H4BEK.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-IXECCYAM.js";
import "./chunk-7SHYJVU3.js";
import "./chunk-ZGDBGMMU.js";
export {
  command,
  runPackage
};
