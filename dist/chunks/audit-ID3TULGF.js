import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-DRGTIRII.js";
import "./chunk-J7U5BFIX.js";
import "./chunk-2HXN46L7.js";
import "./chunk-4BLITTKA.js";
import "./chunk-FTB6E32E.js";
import "./chunk-X65YSUAR.js";
import "./chunk-O27KKOZS.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-U73FS3GH.js";
import "./chunk-56DURYJZ.js";
import "./chunk-G3WJWGWY.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-2MYDR3ZF.js";
import "./chunk-6VQLFMRB.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-KMWO5SHS.js";
import "./chunk-PPKR4CHL.js";
import "./chunk-CET7KO5S.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
