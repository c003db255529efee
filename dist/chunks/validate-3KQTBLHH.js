import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-PACKSE76.js";
import "./chunk-WN75DB4U.js";
import "./chunk-MBUOXZPG.js";
import "./chunk-SMTGOSIS.js";
import "./chunk-LH3RWBRL.js";
import "./chunk-UJGMECAW.js";
import "./chunk-NAVHUC6L.js";
import "./chunk-MJAFSI56.js";
import "./chunk-BPUDVWNX.js";
import "./chunk-KQNK6T7H.js";
import "./chunk-ITYQG6NC.js";
import "./chunk-QLBLFMMI.js";
import "./chunk-LXOC5J5Z.js";
import "./chunk-7NLYG22G.js";
import "./chunk-G3WJWGWY.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-SGVNIGME.js";
import "./chunk-44HAN3UA.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-RYALGRLQ.js";
import "./chunk-2MYDR3ZF.js";
import "./chunk-6VQLFMRB.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-KMWO5SHS.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-PPKR4CHL.js";
import "./chunk-CET7KO5S.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-4AOTTLI5.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
