import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/errors.ts
var EXIT_OK = 0;
var EXIT_FAILED = 1;
var EXIT_USAGE = 2;
function formatPos(pos) {
  return pos.line ? `${pos.file}:${pos.line}:${pos.col ?? 1}` : pos.file;
}
var UserError = class extends Error {
  constructor(message, pos) {
    super(pos ? `${formatPos(pos)}: ${message}` : message);
    this.pos = pos;
    this.name = "UserError";
  }
  pos;
  exitCode = EXIT_USAGE;
};
var CheckFailed = class extends Error {
  constructor(message, pos) {
    super(pos ? `${formatPos(pos)}: ${message}` : message);
    this.pos = pos;
    this.name = "CheckFailed";
  }
  pos;
  exitCode = EXIT_FAILED;
};
function exitCodeOf(err) {
  if (err instanceof UserError || err instanceof CheckFailed) return err.exitCode;
  return EXIT_FAILED;
}

export {
  EXIT_OK,
  EXIT_FAILED,
  EXIT_USAGE,
  UserError,
  CheckFailed,
  exitCodeOf
};
