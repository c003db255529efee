#!/usr/bin/env node
import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  main
} from "./chunks/chunk-N5AH75W5.js";
import "./chunks/chunk-5MMVVRRW.js";
import "./chunks/chunk-QVLUCJ3W.js";
import "./chunks/chunk-ZGDBGMMU.js";
export {
  main
};
