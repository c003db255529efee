#!/usr/bin/env node
import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  main
} from "./chunks/chunk-AUJE7HD6.js";
import "./chunks/chunk-UJGMECAW.js";
import "./chunks/chunk-4AOTTLI5.js";
import "./chunks/chunk-QVLUCJ3W.js";
import "./chunks/chunk-ZGDBGMMU.js";
export {
  main
};
