import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  debug,
  getBooleanInput,
  getInput,
  setFailed
} from "./chunk-6VSVM3TB.js";
import {
  logWriter
} from "./chunk-4AOTTLI5.js";
import {
  CheckFailed,
  UserError
} from "./chunk-QVLUCJ3W.js";

// src/actions/_runtime.ts
async function runAction(name, fn) {
  try {
    const code = await fn();
    if (typeof code === "number" && code !== 0) {
      process.exitCode = code;
      if (code === 2) setFailed(`modelgate ${name}: configuration error (see the log above)`);
      else setFailed(`modelgate ${name}: failed (see the log above)`);
    }
  } catch (err) {
    if (err instanceof UserError || err instanceof CheckFailed) {
      setFailed(`modelgate ${name}: ${err.message}`);
      process.exitCode = err.exitCode;
      return;
    }
    debug(err?.stack ?? String(err));
    setFailed(`modelgate ${name}: ${err?.message ?? String(err)}`);
    process.exitCode = 1;
  }
}
function actionIo() {
  const log = logWriter((t) => process.stdout.write(t), process.env);
  return {
    out: log,
    err: log,
    command: (t) => process.stdout.write(t),
    cwd: process.env.GITHUB_WORKSPACE || process.cwd(),
    env: process.env,
    isTTY: false
  };
}
function boolInput(name, fallback) {
  return getInput(name) === "" ? fallback : getBooleanInput(name);
}
function listInput(name) {
  return getInput(name).split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
}

export {
  runAction,
  actionIo,
  boolInput,
  listInput
};
