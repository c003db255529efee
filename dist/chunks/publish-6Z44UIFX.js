import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-O2PKYPCL.js";
import "./chunk-TQSKSXHZ.js";
import "./chunk-6SKF7OEI.js";
import "./chunk-SA2CONGJ.js";
import "./chunk-HFFZJ3VZ.js";
import "./chunk-WQWKNCBN.js";
import "./chunk-L7FHKCN3.js";
import "./chunk-FNGBB5EM.js";
import "./chunk-ME5WYKPQ.js";
import "./chunk-2BJAIYUF.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-I6F5CAWS.js";
import "./chunk-UJGMECAW.js";
import "./chunk-IJIK4RLU.js";
import "./chunk-BEVYNQTN.js";
import "./chunk-U73FS3GH.js";
import "./chunk-UH44C7GX.js";
import "./chunk-NJ3H4BEK.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-IXECCYAM.js";
import "./chunk-4MS45GGA.js";
import "./chunk-4AOTTLI5.js";
import "./chunk-7SHYJVU3.js";
import "./chunk-ZGDBGMMU.js";
export {
  command
};
