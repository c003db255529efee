#!/usr/bin/env node
import { createRequire } from 'node:module';
import { r as runCli } from './chunks/hot-help-validate-plan-audit-verify-CiDATK95.js';
import 'node:crypto';
import 'node:worker_threads';

const require$1 = createRequire(import.meta.url);

// src/cli/bin.ts
runCli();
