import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  cachedCopy,
  currentFile,
  localFile,
  objectFor,
  remoteDigest,
  storageContext,
  workTreeDigest
} from "./chunk-6U5YDDAR.js";
import "./chunk-Y2ZOAMR2.js";
import "./chunk-YK35P24K.js";
import {
  isRemote,
  resolveSource
} from "./chunk-YBQKONT2.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-MMEZHR7H.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-Y5WD3MLX.js";
import "./chunk-NLWIVCTM.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-VHRTALN7.js";
import "./chunk-74F563D4.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  cachedCopy,
  currentFile,
  isRemote,
  localFile,
  objectFor,
  remoteDigest,
  resolveSource,
  storageContext,
  workTreeDigest
};
