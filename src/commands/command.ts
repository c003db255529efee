import type { Io } from "../util/io.ts";

/** One `modelgate <name>` command. The module does the parsing and printing; the work lives in the library. */
export interface Command {
  name: string;
  /** One line for `modelgate --help`. */
  summary: string;
  /** The full `modelgate <name> --help` text. */
  usage: string;
  /** Returns the exit code: 0 ok, 1 a check failed, 2 usage error (or throws UserError / CheckFailed). */
  run(args: string[], io: Io): Promise<number>;
}
