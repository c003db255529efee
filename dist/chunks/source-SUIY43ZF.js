import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  cachedCopy,
  currentFile,
  localFile,
  objectFor,
  remoteDigest,
  storageContext,
  workTreeDigest
} from "./chunk-OYQDDGAU.js";
import "./chunk-U6HQLEKJ.js";
import "./chunk-YK35P24K.js";
import {
  isRemote,
  resolveSource
} from "./chunk-4JQXYHBV.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-FEFSD2JC.js";
import "./chunk-EJRXWDVW.js";
import "./chunk-KMZ2SU7I.js";
import "./chunk-XPVOVGWT.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-NI36P5E6.js";
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
