import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/util/io.ts
function processIo() {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
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
