import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-K5A553WI.js";
import "./chunk-H7PEPKFI.js";
import "./chunk-BWLPWRXU.js";
import "./chunk-4LUOGSUL.js";
import "./chunk-4LXO5ZR3.js";
import "./chunk-IUBWPBI5.js";
import "./chunk-HHQQWPH4.js";
import "./chunk-ECKY5JUV.js";
import "./chunk-EKUXUDFH.js";
import "./chunk-XIVYAOOT.js";
import "./chunk-2BJAIYUF.js";
import "./chunk-E3IMRBGU.js";
import "./chunk-GJCN4XM6.js";
import "./chunk-UJGMECAW.js";
import "./chunk-K2AJR3YN.js";
import "./chunk-AJ5XNGRM.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-APYTJLRR.js";
import "./chunk-4C7CTABB.js";
import "./chunk-SNVQYJ2T.js";
import "./chunk-AJFWQFH3.js";
import "./chunk-U73FS3GH.js";
import "./chunk-BQKVR4UH.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-NJ3H4BEK.js";
import "./chunk-ZY5OX6SA.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-7Q46JTV7.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-WARMS5WM.js";
import "./chunk-4MS45GGA.js";
import "./chunk-4AOTTLI5.js";
import "./chunk-7SHYJVU3.js";
import "./chunk-ZGDBGMMU.js";
export {
  command
};
