#!/usr/bin/env node
import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  helpText,
  main,
  reportError
} from "./chunks/chunk-CB4BTCIO.js";
import "./chunks/chunk-UJGMECAW.js";
import "./chunks/chunk-4AOTTLI5.js";
import "./chunks/chunk-7SHYJVU3.js";
import "./chunks/chunk-ZGDBGMMU.js";
export {
  helpText,
  main,
  reportError
};
