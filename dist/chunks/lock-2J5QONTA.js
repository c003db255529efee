import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  command
} from "./chunk-IO5KB73Y.js";
import "./chunk-4VZDARWH.js";
import "./chunk-FMOUYUH7.js";
import "./chunk-IVEDCC66.js";
import "./chunk-7NLYG22G.js";
import "./chunk-2BWFZXJO.js";
import "./chunk-2Z7WG6JL.js";
import "./chunk-7PVRHJJ6.js";
import "./chunk-24OQBVFA.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-YKVVJQTT.js";
import "./chunk-M65JNBWF.js";
import "./chunk-PH2DX2SW.js";
import "./chunk-QJVTDBHM.js";
import "./chunk-QOWBSAJO.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";
export {
  command
};
