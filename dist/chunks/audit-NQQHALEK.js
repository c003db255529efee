import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-53Q4D2XS.js";
import "./chunk-L2IMBNYN.js";
import "./chunk-V6WJELDO.js";
import "./chunk-EKUXUDFH.js";
import "./chunk-XIVYAOOT.js";
import "./chunk-U73FS3GH.js";
import "./chunk-NJ3H4BEK.js";
import "./chunk-7Q46JTV7.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-WARMS5WM.js";
import "./chunk-7SHYJVU3.js";
import "./chunk-ZGDBGMMU.js";
export {
  command
};
