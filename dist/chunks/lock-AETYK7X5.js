import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-O6QMIN3Y.js";
import "./chunk-COMPLQJI.js";
import "./chunk-CXLO4YWQ.js";
import "./chunk-JOETGJTL.js";
import "./chunk-LACVL6DC.js";
import "./chunk-PWA2NHWD.js";
import "./chunk-AZ7PF7DE.js";
import "./chunk-DC2W5W3N.js";
import "./chunk-AN5NL6IO.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-7Q46JTV7.js";
import "./chunk-ZI3NRAPJ.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-H5EPG2ZH.js";
import "./chunk-ZGDBGMMU.js";
export {
  command
};
