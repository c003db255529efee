import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-FGJHKDBL.js";
import "./chunk-CXLO4YWQ.js";
import "./chunk-OHYDEDPT.js";
import "./chunk-VMRVLEM6.js";
import "./chunk-LX3NSSWF.js";
import "./chunk-WP2ZYKKD.js";
import "./chunk-JOETGJTL.js";
import "./chunk-OF26LCDN.js";
import "./chunk-K4PVPOOJ.js";
import "./chunk-BAGWTHH3.js";
import "./chunk-S4SG3GL6.js";
import "./chunk-GBOQY7F6.js";
import "./chunk-SKHWQEHY.js";
import "./chunk-2BJAIYUF.js";
import "./chunk-LACVL6DC.js";
import "./chunk-Y72I2OFL.js";
import "./chunk-PWA2NHWD.js";
import "./chunk-4U23BXER.js";
import "./chunk-LP5DE456.js";
import "./chunk-YCDLQBSB.js";
import "./chunk-COQOESPS.js";
import "./chunk-MF3R5HST.js";
import "./chunk-7CYA4NHE.js";
import "./chunk-AZ7PF7DE.js";
import "./chunk-U73FS3GH.js";
import "./chunk-YA4536HC.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-DC2W5W3N.js";
import "./chunk-AN5NL6IO.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-7Q46JTV7.js";
import "./chunk-ZI3NRAPJ.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-4MS45GGA.js";
import "./chunk-H5EPG2ZH.js";
import "./chunk-ZGDBGMMU.js";
export {
  command
};
