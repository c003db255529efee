import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-PZZDBIKY.js";
import "./chunk-OQ45MV4K.js";
import "./chunk-SVYG4AGF.js";
import "./chunk-IUP2DSUK.js";
import "./chunk-ZKMPUHXQ.js";
import "./chunk-7R7HQWQJ.js";
import "./chunk-2OWILWUJ.js";
import "./chunk-TVF3X2IB.js";
import "./chunk-X65YSUAR.js";
import "./chunk-O27KKOZS.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-U73FS3GH.js";
import "./chunk-56DURYJZ.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-7Q6ZZL3W.js";
import "./chunk-N2OGNGPG.js";
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
import "./chunk-U2N6PYQM.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
