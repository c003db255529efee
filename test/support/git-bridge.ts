/**
 * `execFileSync("git", …)` and `spawnSync("git", …)` of a test process, run by a small helper process instead of forked
 * from the test process (scripts/test-bundle.mjs loads this before each end-to-end test file, see e2e-preamble.ts).
 *
 * Why: Node forks the whole process to start a child, and the fork costs in proportion to the memory it maps. Here a
 * 200 MB test process pays about 5 ms more of system time per process than a 50 MB one (measured: 200 `git rev-parse`
 * from a 50 MB process, 0.21 s of system time; from 193 MB, 1.28 s; from 527 MB, 4.8 s), and the end-to-end files
 * start some 15,000 git processes. The helper is a Node process that loads nothing but child_process; it runs
 * `spawnSync` with the same arguments, folder, environment, input and stdio, and sends back what it returned.
 *
 * How the call stays synchronous: a worker thread owns the helper's pipes; the test's thread posts the request to it
 * and blocks on Atomics.wait until the worker has the answer, then takes it with receiveMessageOnPort. Started on the
 * first git call of the file. Anything it does not carry (a shell, a timeout, an inherited stdio, a uid) goes to Node's
 * own functions, as does every call once the helper has ended.
 */
import { createRequire, syncBuiltinESMExports } from "node:module";
import { resolve } from "node:path";
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";

const require = createRequire(import.meta.url);
const childProcess = require("node:child_process") as typeof import("node:child_process");
const original = { spawnSync: childProcess.spawnSync, execFileSync: childProcess.execFileSync };

/** Node's own functions, as they were before bridgeGit (for the test that compares the two). */
export const nodeOwn = original;

/** The helper: length-prefixed JSON requests on stdin, answers the same way on stdout, one at a time. */
const HELPER = `
const { spawnSync } = require("node:child_process");
let buf = Buffer.alloc(0);
process.stdin.on("data", (c) => {
  buf = Buffer.concat([buf, c]);
  while (buf.length >= 4 && buf.length >= 4 + buf.readUInt32LE(0)) {
    const q = JSON.parse(buf.subarray(4, 4 + buf.readUInt32LE(0)).toString());
    buf = buf.subarray(4 + buf.readUInt32LE(0));
    const opts = { cwd: q.cwd, env: q.env, stdio: q.stdio, windowsHide: true };
    if (q.maxBuffer !== undefined) opts.maxBuffer = q.maxBuffer;
    if (q.input !== undefined) opts.input = Buffer.from(q.input, "base64");
    const r = spawnSync(q.file, q.args, opts);
    const b64 = (x) => (x == null ? x : x.toString("base64"));
    const a = { pid: r.pid, status: r.status, signal: r.signal, stdout: b64(r.stdout), stderr: b64(r.stderr), output: r.output != null };
    if (r.error) {
      const e = r.error;
      a.error = { message: e.message, code: e.code, errno: e.errno, syscall: e.syscall, path: e.path, spawnargs: e.spawnargs };
    }
    const body = Buffer.from(JSON.stringify(a));
    const head = Buffer.alloc(4);
    head.writeUInt32LE(body.length);
    process.stdout.write(Buffer.concat([head, body]));
  }
});
`;

/** The worker: starts the helper, relays each request and answer, says when the helper has ended. */
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { spawn } = require("node:child_process");
const flag = new Int32Array(workerData.flag);
const helper = spawn(process.execPath, ["-e", workerData.helper], { stdio: ["pipe", "pipe", "ignore"], env: { PATH: process.env.PATH || "" } });
let port;
let buf = Buffer.alloc(0);
const answer = (m) => { const p = port; port = undefined; if (p) { p.postMessage(m); Atomics.store(flag, 0, 1); Atomics.notify(flag, 0); } };
helper.stdout.on("data", (c) => {
  buf = Buffer.concat([buf, c]);
  if (buf.length >= 4 && buf.length >= 4 + buf.readUInt32LE(0)) {
    const body = buf.subarray(4, 4 + buf.readUInt32LE(0)).toString();
    buf = buf.subarray(4 + buf.readUInt32LE(0));
    answer({ body });
  }
});
helper.stdin.on("error", () => {});
helper.on("error", () => answer({ gone: true }));
helper.on("exit", () => { answer({ gone: true }); parentPort.postMessage("ended"); });
parentPort.on("message", (m) => {
  if (m === "end") { helper.stdin.end(); return; }
  port = m.port;
  const body = Buffer.from(JSON.stringify(m.q));
  const head = Buffer.alloc(4);
  head.writeUInt32LE(body.length);
  helper.stdin.write(Buffer.concat([head, body]));
});
`;

interface Bridge {
  worker: Worker;
  flag: Int32Array;
  ended: Promise<void>;
}

let bridge: Bridge | undefined;
/** How long a git call may take through the helper (Node's own execFileSync has no bound by default). */
const ANSWER_WITHIN_MS = 10 * 60_000;
let gone = false;

function start(): Bridge {
  const shared = new SharedArrayBuffer(4);
  const worker = new Worker(WORKER, { eval: true, workerData: { flag: shared, helper: HELPER } });
  worker.unref();
  const ended = new Promise<void>((done) => {
    worker.on("message", (m) => m === "ended" && done());
    worker.on("exit", () => done());
    worker.on("error", () => done());
  });
  return { worker, flag: new Int32Array(shared), ended };
}

interface Answer {
  pid: number;
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string | null;
  stderr: string | null;
  /** Whether Node's result had an output array (none when the process did not start). */
  output: boolean;
  error?: { message: string; code?: string; errno?: number; syscall?: string; path?: string; spawnargs?: string[] };
}

/** The helper's answer, or undefined when it cannot be asked (the caller runs Node's own function). */
function ask(q: object): Answer | undefined {
  if (gone) return undefined;
  bridge ??= start();
  const { port1, port2 } = new MessageChannel();
  Atomics.store(bridge.flag, 0, 0);
  bridge.worker.postMessage({ q, port: port2 }, [port2 as unknown as MessagePort]);
  // a bound, so that a helper that can no longer answer fails the test instead of hanging the run
  if (Atomics.wait(bridge.flag, 0, 0, ANSWER_WITHIN_MS) === "timed-out") {
    gone = true;
    port1.close();
    throw new Error(
      `the git helper (test/support/git-bridge.ts) did not answer \`git ${(q as { args: string[] }).args.join(" ")}\` within ${ANSWER_WITHIN_MS / 1000} s`,
    );
  }
  const m = receiveMessageOnPort(port1)?.message as { body?: string; gone?: boolean } | undefined;
  port1.close();
  if (!m?.body) {
    gone = true;
    return undefined;
  }
  return JSON.parse(m.body) as Answer;
}

const PIPES = new Set(["pipe", "ignore", undefined, null]);

/** The request for `spawnSync(file, args, options)`, or undefined when the helper cannot run it as Node would. */
function request(file: unknown, args: unknown, options: Record<string, unknown> | undefined) {
  if (file !== "git" || !Array.isArray(args) || !args.every((a) => typeof a === "string")) return undefined;
  const o = options ?? {};
  const known = new Set(["cwd", "env", "encoding", "input", "maxBuffer", "stdio", "windowsHide"]);
  if (!Object.keys(o).every((k) => known.has(k) && o[k] !== undefined)) return undefined;
  const stdio = o.stdio ?? "pipe";
  const list = typeof stdio === "string" ? [stdio, stdio, stdio] : stdio;
  if (!Array.isArray(list) || list.length > 3 || !list.every((s) => PIPES.has(s as string))) return undefined;
  const encoding = (o.encoding as BufferEncoding | "buffer" | undefined) ?? "buffer";
  let input: string | undefined;
  if (o.input !== undefined) {
    if (typeof o.input === "string") {
      if (!Buffer.isEncoding(encoding)) return undefined;
      input = Buffer.from(o.input, encoding).toString("base64");
    } else if (o.input instanceof Uint8Array) input = Buffer.from(o.input).toString("base64");
    else return undefined;
  }
  return {
    q: {
      file,
      args,
      cwd: resolve(String(o.cwd ?? process.cwd())),
      env: (o.env as NodeJS.ProcessEnv | undefined) ?? process.env,
      stdio: list.map((s) => s ?? "pipe"),
      ...(o.maxBuffer !== undefined ? { maxBuffer: o.maxBuffer } : {}),
      ...(input !== undefined ? { input } : {}),
    },
    encoding,
  };
}

/** What Node's spawnSync returns, from the helper's answer. */
function result(a: Answer, encoding: BufferEncoding | "buffer") {
  const out = (x: string | null) => {
    if (x == null) return null;
    const b = Buffer.from(x, "base64");
    return encoding === "buffer" ? b : b.toString(encoding);
  };
  const stdout = out(a.stdout);
  const stderr = out(a.stderr);
  const r: Record<string, unknown> = {
    pid: a.pid,
    output: a.output ? [null, stdout, stderr] : null,
    stdout,
    stderr,
    status: a.status,
    signal: a.signal,
  };
  if (a.error) {
    const { message, ...props } = a.error;
    r.error = Object.assign(new Error(message), props);
  }
  return r;
}

function spawnSync(this: unknown, file: unknown, args?: unknown, options?: unknown) {
  const opts = Array.isArray(args) ? options : args;
  const q = request(file, Array.isArray(args) ? args : [], opts as Record<string, unknown> | undefined);
  const a = q && ask(q.q);
  // biome-ignore lint/complexity/noArguments: Node's own function takes what it was given
  if (!q || !a) return (original.spawnSync as (...x: unknown[]) => unknown).apply(this, [...arguments]);
  return result(a, q.encoding);
}

/** Node's execFileSync over spawnSync (lib/child_process.js): stderr shown when stdio is not given, errors alike. */
function execFileSync(this: unknown, file: unknown, args?: unknown, options?: unknown) {
  const list = Array.isArray(args) ? (args as string[]) : [];
  const opts = (Array.isArray(args) ? options : args) as Record<string, unknown> | undefined;
  const q = request(file, list, opts);
  const a = q && ask(q.q);
  // biome-ignore lint/complexity/noArguments: Node's own function takes what it was given
  if (!q || !a) return (original.execFileSync as (...x: unknown[]) => unknown).apply(this, [...arguments]);
  const r = result(a, q.encoding);
  if (opts?.stdio === undefined && r.stderr != null && (r.stderr as Buffer | string).length > 0)
    process.stderr.write(r.stderr as Buffer | string);
  if (r.error) throw Object.assign(r.error as Error, r);
  if (r.status !== 0) {
    let msg = `Command failed: ${[file, ...list].join(" ")}`;
    if (r.stderr != null && (r.stderr as Buffer | string).length > 0) msg += `\n${r.stderr.toString()}`;
    throw Object.assign(new Error(msg), r);
  }
  return r.stdout;
}

/** From now on, this process's synchronous git calls go through the helper. */
export function bridgeGit(): void {
  childProcess.spawnSync = spawnSync as typeof childProcess.spawnSync;
  childProcess.execFileSync = execFileSync as typeof childProcess.execFileSync;
  syncBuiltinESMExports();
}

/** Ends the helper and waits for it (so that its CPU time counts as this process's children's). */
export async function endGitBridge(): Promise<void> {
  const b = bridge;
  gone = true;
  if (!b) return;
  b.worker.ref();
  b.worker.postMessage("end");
  await b.ended;
  await b.worker.terminate();
}
