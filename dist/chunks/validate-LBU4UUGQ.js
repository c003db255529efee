import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-2AFP5L6K.js";
import "./chunk-WN75DB4U.js";
import "./chunk-KS52LYXT.js";
import "./chunk-UJGMECAW.js";
import "./chunk-CXLO4YWQ.js";
import "./chunk-APDG3SIG.js";
import "./chunk-JOETGJTL.js";
import "./chunk-2BJAIYUF.js";
import "./chunk-LACVL6DC.js";
import "./chunk-Y72I2OFL.js";
import "./chunk-PWA2NHWD.js";
import "./chunk-AZ7PF7DE.js";
import "./chunk-7X65H3OX.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-E5SOOXKQ.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-4AOTTLI5.js";
import "./chunk-H5EPG2ZH.js";
import "./chunk-ZGDBGMMU.js";
export {
  command
};
