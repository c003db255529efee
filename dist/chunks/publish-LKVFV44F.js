import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-HM7USC6A.js";
import "./chunk-SKCMQLAM.js";
import "./chunk-PFHPMWNQ.js";
import "./chunk-RCKIHZBF.js";
import "./chunk-L7FHKCN3.js";
import "./chunk-COBHBXTR.js";
import "./chunk-2FELDJGQ.js";
import "./chunk-3V25SWKZ.js";
import "./chunk-LXKM3IAE.js";
import "./chunk-2BJAIYUF.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-I6F5CAWS.js";
import "./chunk-UJGMECAW.js";
import "./chunk-6I5Z5ZK6.js";
import "./chunk-M3CBJJY3.js";
import "./chunk-IJIK4RLU.js";
import "./chunk-BEVYNQTN.js";
import "./chunk-U73FS3GH.js";
import "./chunk-X6B5SVEE.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-NJ3H4BEK.js";
import "./chunk-XBTSBKM5.js";
import "./chunk-7D7LT2GK.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-WARMS5WM.js";
import "./chunk-4MS45GGA.js";
import "./chunk-4AOTTLI5.js";
import "./chunk-7SHYJVU3.js";
import "./chunk-ZGDBGMMU.js";
export {
  command
};
