import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/errors.ts
var EXIT_OK = 0;
var EXIT_FAILED = 1;
var EXIT_USAGE = 2;
var EXIT_INTERNAL = 70;
var EXIT_CODES_HELP = "Exit codes: 0 ok, 1 a check or gate failed, 2 usage or configuration error, 70 internal error (a bug in modelgate; please report it with the output).";
function formatPos(pos) {
  return pos.line ? `${pos.file}:${pos.line}:${pos.col ?? 1}` : pos.file;
}
var ModelgateError = class extends Error {
  constructor(message, exitCode, pos) {
    super(pos ? `${formatPos(pos)}: ${message}` : message);
    this.exitCode = exitCode;
    this.pos = pos;
    this.name = "ModelgateError";
  }
  exitCode;
  pos;
};
var UserError = class extends ModelgateError {
  constructor(message, pos) {
    super(message, EXIT_USAGE, pos);
    this.name = "UserError";
  }
};
var CheckFailed = class extends ModelgateError {
  constructor(message, pos) {
    super(message, EXIT_FAILED, pos);
    this.name = "CheckFailed";
  }
};
var ENVIRONMENT = {
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is exhausted",
  EROFS: "the file system is read-only",
  EIO: "the disk reported an input/output error",
  EMFILE: "too many open files in this process",
  ENFILE: "too many open files on this machine",
  EACCES: "permission denied",
  EPERM: "operation not permitted"
};
var STRERROR = [
  [/No space left on device|Out of diskspace/, "ENOSPC"],
  [/Disk quota exceeded/, "EDQUOT"],
  [/Read-only file system/, "EROFS"],
  [/Input\/output error/, "EIO"],
  [/Too many open files/, "EMFILE"]
];
function fromMessage(err) {
  const message = err instanceof Error ? err.message : void 0;
  if (!message) return void 0;
  for (const [re, code] of STRERROR) {
    const line = message.split("\n").find((l) => re.test(l));
    if (line) return Object.assign(new Error(message), { code, path: line.trim() });
  }
  return void 0;
}
function environmentFailure(err) {
  let e = err;
  if (!(e && typeof e.code === "string" && ENVIRONMENT[e.code])) e = fromMessage(err);
  const what = e && typeof e.code === "string" ? ENVIRONMENT[e.code] : void 0;
  if (!what) return void 0;
  const where = e?.path ? ` (${e.syscall ? `${e.syscall} ` : ""}${e.path}${e.dest ? ` \u2192 ${e.dest}` : ""})` : "";
  const fix = e?.code === "ENOSPC" || e?.code === "EDQUOT" ? "free space there (or point TMPDIR at a larger disk) and run the command again" : e?.code === "EACCES" || e?.code === "EPERM" ? "check the owner and mode of that file or folder" : "run the command again once the machine is fixed";
  return `${what}${where} [${e?.code}]; ${fix}`;
}
function describeError(err) {
  if (err instanceof ModelgateError) return { message: err.message, exitCode: err.exitCode, internal: false };
  const env = environmentFailure(err);
  if (env) return { message: env, exitCode: EXIT_FAILED, internal: false };
  const detail = err instanceof Error ? err.stack ?? `${err.name}: ${err.message}` : String(err);
  return {
    message: `internal error (a bug in modelgate; please report it with this output): ${detail}`,
    exitCode: EXIT_INTERNAL,
    internal: true
  };
}

export {
  EXIT_OK,
  EXIT_FAILED,
  EXIT_USAGE,
  EXIT_CODES_HELP,
  ModelgateError,
  UserError,
  CheckFailed,
  environmentFailure,
  describeError
};
