/**
 * Loaded before each end-to-end test file (scripts/test-bundle.mjs): the git processes of the file are started by small
 * helper processes, not forked from the test process, whose fork costs more the more memory it holds (git-bridge.ts
 * says how much). modelgate's own git calls (src/git/process.ts) go through its helper (src/git/spawner.ts, as in the
 * demo); the tests' synchronous `execFileSync("git", …)`/`spawnSync("git", …)` through git-bridge.ts. Each helper
 * starts with the file's first git process and is ended, and waited for, after the file's last test.
 */
import { after } from "node:test";
import { startGitSpawner, stopGitSpawner } from "../../src/git/spawner.ts";
import { bridgeGit, endGitBridge } from "./git-bridge.ts";

startGitSpawner({ whenFirstNeeded: true });
bridgeGit();
after(() => Promise.all([stopGitSpawner(), endGitBridge()]));
