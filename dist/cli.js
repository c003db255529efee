#!/usr/bin/env node
import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  runCli
} from "./chunks/chunk-7AY3B6SM.js";
import "./chunks/chunk-KQ33QBFR.js";
import "./chunks/chunk-3BUM2VMV.js";
import "./chunks/chunk-4AOTTLI5.js";
import "./chunks/chunk-VPZGVLTG.js";
import "./chunks/chunk-CCN2QAD7.js";

// src/cli/bin.ts
runCli();
