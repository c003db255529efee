import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-I5B7TQAA.js";
import "./chunk-GMEYUJAR.js";
import "./chunk-IUBWPBI5.js";
import "./chunk-GJCN4XM6.js";
import "./chunk-AJFWQFH3.js";
import "./chunk-NJ3H4BEK.js";
import "./chunk-ZY5OX6SA.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-WARMS5WM.js";
import "./chunk-7SHYJVU3.js";
import "./chunk-ZGDBGMMU.js";
export {
  command
};
