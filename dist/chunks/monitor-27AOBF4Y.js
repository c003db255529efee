import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command,
  spreadLists
} from "./chunk-FKXDD2FC.js";
import "./chunk-PGC3QEOP.js";
import "./chunk-24QGWIVJ.js";
import "./chunk-GP7PTS52.js";
import "./chunk-2BJPAHIH.js";
import "./chunk-QVTZ3WRW.js";
import "./chunk-W25P7FJR.js";
import "./chunk-4BLITTKA.js";
import "./chunk-QWMNQFYR.js";
import "./chunk-KFQZAHPT.js";
import "./chunk-GMOKSZ4Z.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-U73FS3GH.js";
import "./chunk-3ZPMFXZI.js";
import "./chunk-H5HDO6CS.js";
import "./chunk-7XCPHYBP.js";
import "./chunk-IVEDCC66.js";
import "./chunk-JKXZ7UUB.js";
import "./chunk-CCZROEOA.js";
import "./chunk-7NLYG22G.js";
import "./chunk-C2SNXGYQ.js";
import "./chunk-3BUM2VMV.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-6NYQBZND.js";
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
import "./chunk-HKORXWJV.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command,
  spreadLists
};
