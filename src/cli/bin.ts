#!/usr/bin/env node
// The `modelgate` command (dist/cli.js, and lib/cli.js in the npm package): this file only runs main.
import { runCli } from "./main.ts";

runCli();
