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
  const stdout = outputOf(process.stdout);
  const stderr = outputOf(process.stderr);
  return {
    out: logWriter(stdout, process.env),
    err: logWriter(stderr, process.env),
    command: stdout,
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
  };
}

/** The process's streams watched for their reader going away, and those whose reader has gone. */
const watched = new WeakSet<NodeJS.WriteStream>();
const readerGone = new WeakSet<NodeJS.WriteStream>();

/**
 * Writes to one of the process's streams. When its reader has gone (`modelgate audit | head`: EPIPE), the rest of the
 * output is dropped, as a reader that stopped reading asked, and the command ends with its own exit code; any other
 * error of the stream is thrown, as an error nobody handled always was.
 */
function outputOf(stream: NodeJS.WriteStream): (text: string) => void {
  if (!watched.has(stream)) {
    watched.add(stream);
    stream.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code !== "EPIPE") throw err;
      readerGone.add(stream);
    });
  }
  return (text) => {
    if (!readerGone.has(stream)) stream.write(text);
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
