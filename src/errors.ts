/**
 * Exit codes every command shares: 0 ok, 1 a gate or check failed, 2 usage or configuration error, 70 internal
 * error (a bug in modelgate: EX_SOFTWARE of sysexits.h, so that a crash is never read as "a gate failed").
 */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 70;

/** The sentence `modelgate --help`, every command's help and the README give. */
export const EXIT_CODES_HELP =
  "Exit codes: 0 ok, 1 a check or gate failed, 2 usage or configuration error, 70 internal error (a bug in modelgate; please report it with the output).";

/** Where in a file something is: 1-based line and column. */
export interface SourcePos {
  file: string;
  line?: number;
  col?: number;
}

export function formatPos(pos: SourcePos): string {
  return pos.line ? `${pos.file}:${pos.line}:${pos.col ?? 1}` : pos.file;
}

/**
 * An error whose message is meant for the person: shown without a stack trace, ending the command with its own
 * exit code. Anything else that reaches the entry points is a bug in modelgate (exit 70, with the stack).
 */
export class ModelgateError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly pos?: SourcePos,
  ) {
    super(pos ? `${formatPos(pos)}: ${message}` : message);
    this.name = "ModelgateError";
  }
}

/**
 * A mistake the user can fix (bad flag, bad configuration, missing file). Shown without a stack trace; exit 2.
 * The message says what was wrong, where, and what to do.
 */
export class UserError extends ModelgateError {
  constructor(message: string, pos?: SourcePos) {
    super(message, EXIT_USAGE, pos);
    this.name = "UserError";
  }
}

/** A check or gate that ran and failed (bad data, failing metric, training failure): exit 1. */
export class CheckFailed extends ModelgateError {
  constructor(message: string, pos?: SourcePos) {
    super(message, EXIT_FAILED, pos);
    this.name = "CheckFailed";
  }
}

/**
 * Failures of the machine, not of modelgate or of the input: a full disk, a read-only or broken file system, too
 * many open files, no permission on a file. They end the command as a failed step (exit 1) with what and where,
 * never as "a bug in modelgate" (70).
 */
const ENVIRONMENT: Record<string, string> = {
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is exhausted",
  EROFS: "the file system is read-only",
  EIO: "the disk reported an input/output error",
  EMFILE: "too many open files in this process",
  ENFILE: "too many open files on this machine",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
};

/**
 * The same failures as another program (git) reports them: the C library's strerror text in its message (or git's
 * own "Out of diskspace"). Only texts that cannot mean anything else; the line that says it is kept as the "where".
 */
const STRERROR: [RegExp, string][] = [
  [/No space left on device|Out of diskspace/, "ENOSPC"],
  [/Disk quota exceeded/, "EDQUOT"],
  [/Read-only file system/, "EROFS"],
  [/Input\/output error/, "EIO"],
  [/Too many open files/, "EMFILE"],
];

function fromMessage(err: unknown): (NodeJS.ErrnoException & { dest?: string }) | undefined {
  const message = err instanceof Error ? err.message : undefined;
  if (!message) return undefined;
  for (const [re, code] of STRERROR) {
    const line = message.split("\n").find((l) => re.test(l));
    if (line) return Object.assign(new Error(message), { code, path: line.trim() });
  }
  return undefined;
}

/** A Node system error of the environment (see ENVIRONMENT): its message for the person, or undefined. */
export function environmentFailure(err: unknown): string | undefined {
  let e = err as (NodeJS.ErrnoException & { dest?: string }) | undefined;
  if (!(e && typeof e.code === "string" && ENVIRONMENT[e.code])) e = fromMessage(err);
  const what = e && typeof e.code === "string" ? ENVIRONMENT[e.code] : undefined;
  if (!what) return undefined;
  const where = e?.path ? ` (${e.syscall ? `${e.syscall} ` : ""}${e.path}${e.dest ? ` → ${e.dest}` : ""})` : "";
  const fix =
    e?.code === "ENOSPC" || e?.code === "EDQUOT"
      ? "free space there (or point TMPDIR at a larger disk) and run the command again"
      : e?.code === "EACCES" || e?.code === "EPERM"
        ? "check the owner and mode of that file or folder"
        : "run the command again once the machine is fixed";
  return `${what}${where} [${e?.code}]; ${fix}`;
}

/** The exit code an error ends a command with: its own when it is a ModelgateError, 1 for the machine's, else 70. */
export function exitCodeOf(err: unknown): number {
  if (err instanceof ModelgateError) return err.exitCode;
  return environmentFailure(err) ? EXIT_FAILED : EXIT_INTERNAL;
}

/** What the person sees of an error: the message alone, or, for a bug, "internal error" and the stack. */
export function describeError(err: unknown): { message: string; exitCode: number; internal: boolean } {
  if (err instanceof ModelgateError) return { message: err.message, exitCode: err.exitCode, internal: false };
  const env = environmentFailure(err);
  if (env) return { message: env, exitCode: EXIT_FAILED, internal: false };
  const detail = err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
  return {
    message: `internal error (a bug in modelgate; please report it with this output): ${detail}`,
    exitCode: EXIT_INTERNAL,
    internal: true,
  };
}
