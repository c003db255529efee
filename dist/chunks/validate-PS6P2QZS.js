import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-IS3PQBHA.js";
import "./chunk-WN75DB4U.js";
import "./chunk-JLILNZ32.js";
import "./chunk-XPVMSGGA.js";
import "./chunk-J5R6MKES.js";
import "./chunk-UJGMECAW.js";
import "./chunk-2BJPAHIH.js";
import "./chunk-7XCPHYBP.js";
import "./chunk-IVEDCC66.js";
import "./chunk-JKXZ7UUB.js";
import "./chunk-CCZROEOA.js";
import "./chunk-7NLYG22G.js";
import "./chunk-C2SNXGYQ.js";
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
import "./chunk-4AOTTLI5.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
