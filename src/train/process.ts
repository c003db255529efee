import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { LineMasker, type Mask } from "./mask.ts";

export interface RunOptions {
  argv: string[];
  /** Run `argv[0]` through the system shell (argv already quoted into one command line). */
  shell: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** The log file: everything the command prints, masked, in arrival order. */
  logPath: string;
  /** Masks secrets in a piece of text. */
  mask: Mask;
  /** Live output (already masked). */
  onOutput: (text: string) => void;
  /** Grace period between SIGTERM and SIGKILL on timeout. */
  killGraceMs?: number;
}

export interface RunResult {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  /** Could not start (e.g. command not found). */
  spawnError?: string;
  durationMs: number;
  /** The last lines of output (masked). */
  tail: string[];
}

const TAIL_LINES = 40;

/**
 * Runs one command: no shell unless asked, its own process group (so a timeout stops its children too), stdout and
 * stderr streamed live and into the log through the secret masker.
 */
export function runLogged(o: RunOptions): Promise<RunResult> {
  return new Promise((resolve) => {
    const log = createWriteStream(o.logPath);
    const tail: string[] = [];
    let partial = "";
    const sink = (text: string) => {
      log.write(text);
      o.onOutput(text);
      const lines = (partial + text).split(/\r?\n|\r/);
      partial = lines.pop() ?? "";
      tail.push(...lines);
      if (tail.length > TAIL_LINES) tail.splice(0, tail.length - TAIL_LINES);
    };
    const start = performance.now();
    const child = spawn(o.argv[0], o.shell ? [] : o.argv.slice(1), {
      cwd: o.cwd,
      env: o.env,
      shell: o.shell,
      stdio: ["ignore", "pipe", "pipe"],
      detached: process.platform !== "win32",
      windowsHide: true,
    });
    const out = new LineMasker(o.mask, sink);
    const err = new LineMasker(o.mask, sink);
    child.stdout.on("data", (c: Buffer) => out.write(c));
    child.stderr.on("data", (c: Buffer) => err.write(c));

    let timedOut = false;
    let killTimer: NodeJS.Timeout | undefined;
    const kill = (signal: NodeJS.Signals) => {
      try {
        if (child.pid && process.platform !== "win32") process.kill(-child.pid, signal);
        else child.kill(signal);
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill("SIGTERM");
      killTimer = setTimeout(() => kill("SIGKILL"), o.killGraceMs ?? 5000);
    }, o.timeoutMs);

    let spawnError: string | undefined;
    child.on("error", (e) => {
      spawnError = e.message;
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      clearTimeout(killTimer);
      out.end();
      err.end();
      if (partial) tail.push(partial);
      if (tail.length > TAIL_LINES) tail.splice(0, tail.length - TAIL_LINES);
      if (spawnError) sink(`modelgate: could not start ${o.argv[0]}: ${spawnError}\n`);
      log.end(() =>
        resolve({
          exitCode: code,
          signal: signal ?? null,
          timedOut,
          spawnError,
          durationMs: performance.now() - start,
          tail,
        }),
      );
    });
  });
}
