import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  cachedCopy,
  currentFile,
  localFile,
  objectFor,
  remoteDigest,
  storageContext,
  workTreeDigest
} from "./chunk-63H2A4PQ.js";
import "./chunk-Y2ZOAMR2.js";
import "./chunk-YK35P24K.js";
import {
  isRemote,
  resolveSource
} from "./chunk-K5TDPPQX.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-MMEZHR7H.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-WCPT35N3.js";
import "./chunk-PXO3VLY7.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-VHRTALN7.js";
import "./chunk-VVJMRBLD.js";
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
