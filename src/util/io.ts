import { writeSync } from "node:fs";
import { logWriter } from "./workflow-commands.ts";

/**
 * What a command may touch of the outside world; tests pass their own to capture output. Inside GitHub Actions,
 * `out` and `err` print nothing the runner would run as a workflow command (see neutraliseCommands): text from
 * manifests, records, data and pull requests goes through them.
 */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Workflow commands modelgate composed itself, every value in them escaped (annotations): written as they are. */
  command(text: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** True when stderr is a terminal (progress bars instead of periodic lines). */
  isTTY: boolean;
}

export function processIo(): Io {
  return {
    out: logWriter(writeStdout, process.env),
    err: logWriter((t) => process.stderr.write(t), process.env),
    command: (t) => process.stdout.write(t),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
  };
}

/** An Io that records what was written, for tests and for the demo. */
export function bufferIo(cwd: string, env: NodeJS.ProcessEnv = {}): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: "",
    stderr: "",
    out(t: string) {
      io.stdout += t;
    },
    err(t: string) {
      io.stderr += t;
    },
    command(t: string) {
      io.stdout += t;
    },
    cwd,
    env,
    isTTY: false,
  };
  return io;
}

/** True inside a GitHub Actions job. */
export function inGitHubActions(env: NodeJS.ProcessEnv): boolean {
  return env.GITHUB_ACTIONS === "true";
}

/**
 * Text to standard output. To a file or /dev/null, Node's stdout is a synchronous stream that turns each string into a
 * Buffer (a pass to measure it, a copy) and hands it to one writeSync: the string goes to that writeSync as it is
 * (one pass; `audit --json` prints 2.9 MB). Pipes and terminals (and anything else) go through process.stdout.
 */
export function writeStdout(text: string): void {
  const stdout = process.stdout as NodeJS.WriteStream & { _type?: string; fd?: number };
  if (stdout._type === "fs" && typeof stdout.fd === "number" && stdout.writableLength === 0) writeSync(stdout.fd, text);
  else stdout.write(text);
}
