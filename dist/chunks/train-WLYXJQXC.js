import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-JVSB376Y.js";
import "./chunk-VEFDW2GJ.js";
import "./chunk-3ZPMFXZI.js";
import "./chunk-JKXZ7UUB.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-EZNW2EO3.js";
import "./chunk-6DLVQG5F.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-IFQWKWHI.js";
import "./chunk-E6R2VPCC.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-AWCHZ6SK.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-M65JNBWF.js";
import "./chunk-PPKR4CHL.js";
import "./chunk-CET7KO5S.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
