import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-VSJBKZDR.js";
import "./chunk-WN75DB4U.js";
import "./chunk-SC7MTNBV.js";
import "./chunk-ZYWUXEHQ.js";
import "./chunk-XS2UZZOD.js";
import "./chunk-2BJAIYUF.js";
import "./chunk-E3IMRBGU.js";
import "./chunk-I6F5CAWS.js";
import "./chunk-UJGMECAW.js";
import "./chunk-AJFWQFH3.js";
import "./chunk-NJ3H4BEK.js";
import "./chunk-OR3DVTRH.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-WARMS5WM.js";
import "./chunk-4AOTTLI5.js";
import "./chunk-7SHYJVU3.js";
import "./chunk-ZGDBGMMU.js";
export {
  command
};
