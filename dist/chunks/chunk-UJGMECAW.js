import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  logWriter
} from "./chunk-4AOTTLI5.js";

// src/util/io.ts
function processIo() {
  return {
    out: logWriter((t) => process.stdout.write(t), process.env),
    err: logWriter((t) => process.stderr.write(t), process.env),
    command: (t) => process.stdout.write(t),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY)
  };
}
function bufferIo(cwd, env = {}) {
  const io = {
    stdout: "",
    stderr: "",
    out(t) {
      io.stdout += t;
    },
    err(t) {
      io.stderr += t;
    },
    command(t) {
      io.stdout += t;
    },
    cwd,
    env,
    isTTY: false
  };
  return io;
}
function inGitHubActions(env) {
  return env.GITHUB_ACTIONS === "true";
}

export {
  processIo,
  bufferIo,
  inGitHubActions
};
