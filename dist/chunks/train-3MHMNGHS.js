import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-ZYTV7QTD.js";
import "./chunk-YLR3ELVS.js";
import "./chunk-V6WJELDO.js";
import "./chunk-LDAYPA3N.js";
import "./chunk-E3IMRBGU.js";
import "./chunk-SNVQYJ2T.js";
import "./chunk-AJFWQFH3.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-NJ3H4BEK.js";
import "./chunk-ZY5OX6SA.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-7Q46JTV7.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-WARMS5WM.js";
import "./chunk-7SHYJVU3.js";
import "./chunk-ZGDBGMMU.js";
export {
  command
};
