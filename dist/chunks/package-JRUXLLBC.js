import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  runPackage
} from "./chunk-K2AJR3YN.js";
import "./chunk-AJ5XNGRM.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-APYTJLRR.js";
import "./chunk-4C7CTABB.js";
import "./chunk-SNVQYJ2T.js";
import "./chunk-AJFWQFH3.js";
import "./chunk-NJ3H4BEK.js";
import "./chunk-ZY5OX6SA.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-7Q46JTV7.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-WARMS5WM.js";
import "./chunk-7SHYJVU3.js";
import "./chunk-ZGDBGMMU.js";
export {
  command,
  runPackage
};
