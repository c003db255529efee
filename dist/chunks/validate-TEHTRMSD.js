import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-ZIPAKEDN.js";
import "./chunk-WN75DB4U.js";
import "./chunk-KS52LYXT.js";
import "./chunk-4LXO5ZR3.js";
import "./chunk-IUBWPBI5.js";
import "./chunk-2BJAIYUF.js";
import "./chunk-E3IMRBGU.js";
import "./chunk-GJCN4XM6.js";
import "./chunk-UJGMECAW.js";
import "./chunk-AJFWQFH3.js";
import "./chunk-NJ3H4BEK.js";
import "./chunk-ZY5OX6SA.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-WARMS5WM.js";
import "./chunk-4AOTTLI5.js";
import "./chunk-7SHYJVU3.js";
import "./chunk-ZGDBGMMU.js";
export {
  command
};
