/** Exit codes every command shares: 0 ok, 1 a gate or check failed, 2 usage or configuration error. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

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
 * A mistake the user can fix (bad flag, bad configuration, missing file). Shown without a stack trace; exit 2.
 * The message says what was wrong, where, and what to do.
 */
export class UserError extends Error {
  readonly exitCode: number = EXIT_USAGE;
  constructor(
    message: string,
    readonly pos?: SourcePos,
  ) {
    super(pos ? `${formatPos(pos)}: ${message}` : message);
    this.name = "UserError";
  }
}

/** A check or gate that ran and failed (bad data, failing metric, training failure): exit 1. */
export class CheckFailed extends Error {
  readonly exitCode: number = EXIT_FAILED;
  constructor(
    message: string,
    readonly pos?: SourcePos,
  ) {
    super(pos ? `${formatPos(pos)}: ${message}` : message);
    this.name = "CheckFailed";
  }
}

export function exitCodeOf(err: unknown): number {
  if (err instanceof UserError || err instanceof CheckFailed) return err.exitCode;
  return EXIT_FAILED;
}
