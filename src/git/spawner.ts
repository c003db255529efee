import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";

/**
 * git processes started by a small helper process instead of by this one (issue #25). Node's main thread blocks while
 * it forks, longer the larger the process: the demo, at about 200 MB with onnxruntime loaded, blocked about 10 ms per
 * git process idle and 65 ms at load 30, against 2 and 10 ms from a 50 MB process; it starts some 270. A process that
 * starts many git processes (the demo) starts one helper, a Node process running SOURCE, and asks it for each one:
 * the helper forks them and sends back what each printed and how it ended. Nothing else changes: the same `git`, the
 * same folder, environment and arguments, stdin empty, the same answer.
 */

/** What one git process did. */
export interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Why it could not start (spawn's error message). */
  error?: string;
  out: Buffer;
  err: Buffer;
}

/**
 * The helper: one JSON request per line on stdin ({id, cwd, env, args}), one JSON answer per line on stdout ({id,
 * code, signal, error, out, err}, outputs in base64), in the order the processes end. After exit, it waits
 * AFTER_EXIT_MS for the pipes to close before answering anyway (a process git left running may hold them).
 */
const SOURCE = `
const { spawn } = require("node:child_process");
let buf = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (c) => {
  buf += c;
  for (let i = buf.indexOf("\\n"); i >= 0; i = buf.indexOf("\\n")) {
    const line = buf.slice(0, i);
    buf = buf.slice(i + 1);
    run(JSON.parse(line));
  }
});
function run({ id, cwd, env, args, afterExitMs }) {
  const out = [];
  const err = [];
  let done = false;
  let timer;
  const send = (r) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    const o = Buffer.concat(out).toString("base64");
    const e = Buffer.concat(err).toString("base64");
    process.stdout.write(JSON.stringify({ id, ...r, out: o, err: e }) + "\\n");
  };
  let child;
  try {
    child = spawn("git", args, { cwd, env, stdio: ["ignore", "pipe", "pipe"], windowsHide: true });
  } catch (e) {
    return send({ code: null, signal: null, error: String(e.message) });
  }
  child.stdout.on("data", (c) => out.push(c));
  child.stderr.on("data", (c) => err.push(c));
  child.on("error", (e) => send({ code: null, signal: null, error: String(e.message) }));
  child.on("exit", (code, signal) => {
    timer = setTimeout(() => setImmediate(() => send({ code, signal })), afterExitMs);
  });
  child.on("close", (code, signal) => send({ code, signal }));
}
`;

interface Answer {
  id: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: string;
  out: string;
  err: string;
}

class Spawner {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting = new Map<number, (o: Outcome | undefined) => void>();
  private next = 0;
  private buf = "";
  ended = false;

  constructor() {
    // the helper needs only a PATH to find node's own modules; each git process gets the environment asked for
    this.child = spawn(process.execPath, ["-e", SOURCE], { stdio: "pipe", env: { PATH: process.env.PATH ?? "" } });
    this.child.stdout.setEncoding("utf8");
    this.child.stdout.on("data", (c: string) => this.take(c));
    this.child.stderr.on("data", () => {});
    this.child.stdin.on("error", () => {});
    this.child.on("error", () => this.end());
    this.child.on("close", () => this.end());
    this.hold(false);
  }

  /** The outcome of `git ARGS`, or undefined when the helper had ended before (the caller runs git itself). */
  run(cwd: string, env: NodeJS.ProcessEnv, args: string[], afterExitMs: number): Promise<Outcome | undefined> {
    if (this.ended) return Promise.resolve(undefined);
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      if (this.waiting.size === 1) this.hold(true);
      this.child.stdin.write(`${JSON.stringify({ id, cwd, env, args, afterExitMs })}\n`);
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  close(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) resolve();
      else this.child.once("exit", () => resolve());
    });
    this.child.stdin.end();
    this.end();
    // kept alive until the helper has exited
    this.child.ref();
    return exited;
  }

  private take(chunk: string): void {
    this.buf += chunk;
    for (let i = this.buf.indexOf("\n"); i >= 0; i = this.buf.indexOf("\n")) {
      const a = JSON.parse(this.buf.slice(0, i)) as Answer;
      this.buf = this.buf.slice(i + 1);
      const resolve = this.waiting.get(a.id);
      if (!resolve) continue;
      this.waiting.delete(a.id);
      if (this.waiting.size === 0) this.hold(false);
      resolve({
        code: a.code,
        signal: a.signal,
        ...(a.error !== undefined ? { error: a.error } : {}),
        out: Buffer.from(a.out, "base64"),
        err: Buffer.from(a.err, "base64"),
      });
    }
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    if (active === this) active = undefined;
    // what was asked and not answered fails: git may have run (a push, a commit), so it is not run again
    const gone = Buffer.from("the helper process that started git ended before git did");
    for (const resolve of this.waiting.values()) resolve({ code: null, signal: null, out: Buffer.alloc(0), err: gone });
    this.waiting.clear();
    this.hold(false);
  }

  /** Keeps this process alive while an answer is awaited, and not otherwise. */
  private hold(on: boolean): void {
    // the pipes are sockets (ref/unref), though typed as plain streams
    const pipes = [this.child.stdin, this.child.stdout, this.child.stderr] as unknown as {
      ref(): void;
      unref(): void;
    }[];
    for (const h of [this.child, ...pipes]) {
      if (on) h.ref();
      else h.unref();
    }
  }
}

let active: Spawner | undefined;
/** Start the helper at the first git process (startGitSpawner's `whenFirstNeeded`). */
let onFirstUse = false;

/**
 * From now on, git processes of every Git handle are started by one helper process (until stopGitSpawner). For a
 * process that starts many of them while it is large (the demo). `whenFirstNeeded`: the helper starts with the first
 * git process, so that a process that starts none pays nothing (each end-to-end test file, test/support/e2e-preamble.ts).
 * Returns what ends it: stopGitSpawner, or nothing when a helper was already running or wanted (the demo run inside a
 * test process leaves the test's helper running).
 */
export function startGitSpawner(options: { whenFirstNeeded?: boolean } = {}): () => Promise<void> {
  // a helper that was running (or wanted) before stays: the returned function then leaves it to whoever started it
  const before = active !== undefined || onFirstUse;
  if (options.whenFirstNeeded) onFirstUse = true;
  else active ??= new Spawner();
  return before ? () => Promise.resolve() : stopGitSpawner;
}

/**
 * Ends the helper; git processes are started by this process again. Resolves once it has exited, so that its CPU time
 * and its git processes' count as this process's children's.
 */
export function stopGitSpawner(): Promise<void> {
  const s = active;
  active = undefined;
  onFirstUse = false;
  return s ? s.close() : Promise.resolve();
}

/** The helper's process id while one runs (the demo's timings add its CPU time to its children's). */
export function gitSpawnerPid(): number | undefined {
  return active?.pid;
}

/** The outcome through the helper, or undefined when none runs (or it ended): the caller starts git itself. */
export function spawnThroughHelper(
  cwd: string,
  env: NodeJS.ProcessEnv,
  args: string[],
  afterExitMs: number,
): Promise<Outcome | undefined> | undefined {
  if (onFirstUse && !active) active = new Spawner();
  return active?.run(cwd, env, args, afterExitMs);
}
