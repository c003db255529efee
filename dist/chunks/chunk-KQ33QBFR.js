import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  logWriter
} from "./chunk-4AOTTLI5.js";

// src/util/io.ts
function processIo() {
  const stdout = outputOf(process.stdout);
  const stderr = outputOf(process.stderr);
  return {
    out: logWriter(stdout, process.env),
    err: logWriter(stderr, process.env),
    command: stdout,
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY)
  };
}
var watched = /* @__PURE__ */ new WeakSet();
var readerGone = /* @__PURE__ */ new WeakSet();
function outputOf(stream) {
  if (!watched.has(stream)) {
    watched.add(stream);
    stream.on("error", (err) => {
      if (err.code !== "EPIPE") throw err;
      readerGone.add(stream);
    });
  }
  return (text) => {
    if (!readerGone.has(stream)) stream.write(text);
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
