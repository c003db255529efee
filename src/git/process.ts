import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { type Outcome, spawnThroughHelper } from "./spawner.ts";

/**
 * One git process run to its end: what Git.run does (index.ts). It was simple-git's `raw`, which waits 50 ms more
 * after every git process that printed nothing before it answers (its completion plugin, for output that might come
 * late; Node's `close` comes after the pipes have ended, so none can): `add`, `commit -q`, `push -q`, `fetch -q`,
 * `update-ref`, `update-index`, `read-tree`, `tag`, a `rev-parse --verify -q` of a missing ref. The demo ran 114
 * of them, about 5.7 s of its 12 s doing nothing (issue #25).
 *
 * The same contract as before: stdout as UTF-8; a non-zero exit, a signal or a failure to start rejects with git's
 * stdout and then stderr, or `exit code N` when it printed nothing; at most MAX_PER_HANDLE processes of one handle
 * at a time, the rest queued in order. Started by this process, or by a small helper when one runs (spawner.ts).
 */

/** Processes of one Git handle running at once (simple-git's maxConcurrentProcesses was 4). */
export const MAX_PER_HANDLE = 4;

/**
 * After git exits, how long to wait for its pipes to close before answering anyway: a process git left running in
 * the background (a detached `gc --auto`) may hold them open. simple-git waited the same.
 */
const AFTER_EXIT_MS = 50;

/** A queue that lets at most `max` jobs run at once, in the order they were asked. */
export class Limiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly max: number) {}

  async run<T>(job: () => Promise<T>): Promise<T> {
    // a job that ends hands its place to the first one waiting, so that none asked later can take it meanwhile
    if (this.running >= this.max) await new Promise<void>((go) => this.waiting.push(go));
    else this.running++;
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/** Runs `git ARGS` in `dir` with exactly `env`; resolves with stdout, rejects with an Error carrying git's words. */
export async function runGitProcess(dir: string, env: NodeJS.ProcessEnv, args: string[]): Promise<string> {
  const o = (await spawnThroughHelper(dir, env, args, AFTER_EXIT_MS)) ?? (await runHere(dir, env, args));
  if (o.error === undefined && o.code === 0) return o.out.toString("utf8");
  const why =
    o.error === undefined ? [] : [Buffer.from(existsSync(dir) ? o.error : `the folder ${dir} does not exist`)];
  // as simple-git said it: stdout, then stderr (a push's refused refs, then the remote's words)
  const said = Buffer.concat([o.out, o.err, ...why]);
  throw new Error(said.length > 0 ? said.toString("utf8") : `exit code ${o.code ?? o.signal ?? "unknown"}`);
}

/** `git ARGS` started by this process (spawner.ts's helper does the same). */
function runHere(dir: string, env: NodeJS.ProcessEnv, args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let settled = false;
    let exitTimer: NodeJS.Timeout | undefined;
    const finish = (code: number | null, signal: NodeJS.Signals | null, error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(exitTimer);
      resolve({
        code,
        signal,
        ...(error ? { error: error.message } : {}),
        out: Buffer.concat(out),
        err: Buffer.concat(err),
      });
    };
    const child = spawn("git", args, { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"], windowsHide: true });
    child.stdout.on("data", (c: Buffer) => out.push(c));
    child.stderr.on("data", (c: Buffer) => err.push(c));
    child.on("error", (e) => finish(null, null, e));
    child.on("exit", (code, signal) => {
      // what git wrote before it exited is in the pipes: the poll phase before the immediate reads it
      exitTimer = setTimeout(() => setImmediate(() => finish(code, signal)), AFTER_EXIT_MS);
    });
    child.on("close", (code, signal) => finish(code, signal));
  });
}
