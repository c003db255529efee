import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  cachedCopy,
  currentFile,
  localFile,
  objectFor,
  remoteDigest,
  storageContext,
  workTreeDigest
} from "./chunk-X3CP6TKE.js";
import "./chunk-Y2ZOAMR2.js";
import "./chunk-YK35P24K.js";
import {
  isRemote,
  resolveSource
} from "./chunk-KD35Z77I.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-MMEZHR7H.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-J7CSOYU2.js";
import "./chunk-7MFGN6CO.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-DF6EL5VG.js";
import "./chunk-A6WGSW5D.js";
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
