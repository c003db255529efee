import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-M7U3CA2Z.js";
import "./chunk-KA7DDUKP.js";
import "./chunk-BWLPWRXU.js";
import "./chunk-TMXFCWDO.js";
import "./chunk-ZYWUXEHQ.js";
import "./chunk-XS2UZZOD.js";
import "./chunk-JRFAF5WU.js";
import "./chunk-ESMAFA3V.js";
import "./chunk-XIVYAOOT.js";
import "./chunk-2BJAIYUF.js";
import "./chunk-E3IMRBGU.js";
import "./chunk-I6F5CAWS.js";
import "./chunk-UJGMECAW.js";
import "./chunk-UBXFQEES.js";
import "./chunk-AJ5XNGRM.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-7EEB7WO2.js";
import "./chunk-4C7CTABB.js";
import "./chunk-SNVQYJ2T.js";
import "./chunk-AJFWQFH3.js";
import "./chunk-U73FS3GH.js";
import "./chunk-BQKVR4UH.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-NJ3H4BEK.js";
import "./chunk-OR3DVTRH.js";
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
