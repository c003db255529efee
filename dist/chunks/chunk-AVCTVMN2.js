import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/git/object-reader.ts
import { spawn } from "node:child_process";
import { resolve } from "node:path";
var ReaderError = class extends Error {
};
var IDLE_MS = 1e4;
var ObjectReader = class {
  constructor(dir, env, onEnd) {
    this.onEnd = onEnd;
    this.child = spawn("git", ["cat-file", "--batch"], { cwd: dir, env, stdio: "pipe" });
    this.child.stdout.on("data", (c) => this.take(c));
    this.child.stderr.on("data", (c) => {
      this.errText += c.toString();
    });
    this.child.stdin.on("error", () => {
    });
    this.child.on("error", (err) => this.end(err));
    this.child.on("close", (code) => this.end(new ReaderError(this.errText || `exit ${code ?? "by signal"}`)));
  }
  onEnd;
  child;
  queue = [];
  errText = "";
  ended = false;
  idle;
  // the answer being parsed: a header line, then `size` bytes and a line break
  header = [];
  body;
  read(names) {
    return new Promise((resolvePromise, reject) => {
      if (this.ended) return reject(new ReaderError(this.errText || "the reader ended"));
      clearTimeout(this.idle);
      this.hold(true);
      this.queue.push({ count: names.length, out: [], resolve: resolvePromise, reject });
      this.child.stdin.write(`${names.join("\n")}
`);
    });
  }
  /** No request is waiting for its answer. */
  get idleNow() {
    return this.queue.length === 0;
  }
  close() {
    if (this.ended) return;
    this.child.stdin.end();
    this.end(new ReaderError("the reader was closed"));
  }
  /** Keeps the process alive while a request waits for its answer, and not otherwise. */
  hold(on) {
    const pipes = [this.child.stdin, this.child.stdout, this.child.stderr];
    for (const h of [this.child, ...pipes]) {
      if (on) h.ref();
      else h.unref();
    }
  }
  end(err) {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.idle);
    this.onEnd();
    for (const r of this.queue.splice(0)) r.reject(err);
    this.hold(false);
  }
  answer(o) {
    const r = this.queue[0];
    if (!r) return;
    r.out.push(o);
    if (r.out.length < r.count) return;
    this.queue.shift();
    r.resolve(r.out);
    if (this.queue.length === 0) {
      this.hold(false);
      this.idle = setTimeout(() => this.close(), IDLE_MS);
      this.idle.unref();
    }
  }
  take(chunk) {
    let c = chunk;
    while (c.length > 0) {
      if (this.body) {
        const b = this.body;
        const need = b.size + 1 - b.have;
        const part = c.length > need ? c.subarray(0, need) : c;
        b.chunks.push(part);
        b.have += part.length;
        c = c.subarray(part.length);
        if (b.have === b.size + 1) {
          this.body = void 0;
          const all = b.chunks.length === 1 ? b.chunks[0] : Buffer.concat(b.chunks, b.have);
          this.answer({ oid: b.oid, type: b.type, content: all.subarray(0, b.size) });
        }
        continue;
      }
      const nl = c.indexOf(10);
      if (nl < 0) {
        this.header.push(c);
        return;
      }
      this.header.push(c.subarray(0, nl));
      c = c.subarray(nl + 1);
      const line = Buffer.concat(this.header).toString("utf8");
      this.header = [];
      const m = /^([0-9a-f]+) (\w+) (\d+)$/.exec(line);
      if (!m) this.answer(void 0);
      else this.body = { oid: m[1], type: m[2], size: Number(m[3]), chunks: [], have: 0 };
    }
  }
};
var readers = /* @__PURE__ */ new Map();
var envKeys = /* @__PURE__ */ new WeakMap();
function envKey(env) {
  let key = envKeys.get(env);
  if (key === void 0) {
    key = JSON.stringify(Object.entries(env).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
    envKeys.set(env, key);
  }
  return key;
}
function readObjects(dir, env, names) {
  if (names.length === 0) return Promise.resolve([]);
  for (const n of names) if (/[\r\n]/.test(n)) return Promise.reject(new Error(`object name with a line break: ${n}`));
  const key = `${resolve(dir)}\0${envKey(env)}`;
  let reader = readers.get(key);
  if (!reader) {
    const r = new ObjectReader(dir, env, () => {
      if (readers.get(key) === r) readers.delete(key);
    });
    reader = r;
    readers.set(key, r);
  }
  return reader.read(names);
}
function closeObjectReaders() {
  for (const r of [...readers.values()]) if (r.idleNow) r.close();
}

// src/git/process.ts
import { spawn as spawn3 } from "node:child_process";
import { existsSync } from "node:fs";

// src/git/spawner.ts
import { spawn as spawn2 } from "node:child_process";
var SOURCE = `
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
var Spawner = class {
  child;
  waiting = /* @__PURE__ */ new Map();
  next = 0;
  buf = "";
  ended = false;
  constructor() {
    this.child = spawn2(process.execPath, ["-e", SOURCE], { stdio: "pipe", env: { PATH: process.env.PATH ?? "" } });
    this.child.stdout.setEncoding("utf8");
    this.child.stdout.on("data", (c) => this.take(c));
    this.child.stderr.on("data", () => {
    });
    this.child.stdin.on("error", () => {
    });
    this.child.on("error", () => this.end());
    this.child.on("close", () => this.end());
    this.hold(false);
  }
  /** The outcome of `git ARGS`, or undefined when the helper had ended before (the caller runs git itself). */
  run(cwd, env, args, afterExitMs) {
    if (this.ended) return Promise.resolve(void 0);
    const id = this.next++;
    return new Promise((resolve2) => {
      this.waiting.set(id, resolve2);
      if (this.waiting.size === 1) this.hold(true);
      this.child.stdin.write(`${JSON.stringify({ id, cwd, env, args, afterExitMs })}
`);
    });
  }
  get pid() {
    return this.child.pid;
  }
  close() {
    const exited = new Promise((resolve2) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) resolve2();
      else this.child.once("exit", () => resolve2());
    });
    this.child.stdin.end();
    this.end();
    this.child.ref();
    return exited;
  }
  take(chunk) {
    this.buf += chunk;
    for (let i = this.buf.indexOf("\n"); i >= 0; i = this.buf.indexOf("\n")) {
      const a = JSON.parse(this.buf.slice(0, i));
      this.buf = this.buf.slice(i + 1);
      const resolve2 = this.waiting.get(a.id);
      if (!resolve2) continue;
      this.waiting.delete(a.id);
      if (this.waiting.size === 0) this.hold(false);
      resolve2({
        code: a.code,
        signal: a.signal,
        ...a.error !== void 0 ? { error: a.error } : {},
        out: Buffer.from(a.out, "base64"),
        err: Buffer.from(a.err, "base64")
      });
    }
  }
  end() {
    if (this.ended) return;
    this.ended = true;
    if (active === this) active = void 0;
    const gone = Buffer.from("the helper process that started git ended before git did");
    for (const resolve2 of this.waiting.values()) resolve2({ code: null, signal: null, out: Buffer.alloc(0), err: gone });
    this.waiting.clear();
    this.hold(false);
  }
  /** Keeps this process alive while an answer is awaited, and not otherwise. */
  hold(on) {
    const pipes = [this.child.stdin, this.child.stdout, this.child.stderr];
    for (const h of [this.child, ...pipes]) {
      if (on) h.ref();
      else h.unref();
    }
  }
};
var active;
var onFirstUse = false;
function startGitSpawner(options = {}) {
  const before = active !== void 0 || onFirstUse;
  if (options.whenFirstNeeded) onFirstUse = true;
  else active ??= new Spawner();
  return before ? () => Promise.resolve() : stopGitSpawner;
}
function stopGitSpawner() {
  const s = active;
  active = void 0;
  onFirstUse = false;
  return s ? s.close() : Promise.resolve();
}
function gitSpawnerPid() {
  return active?.pid;
}
function spawnThroughHelper(cwd, env, args, afterExitMs) {
  if (onFirstUse && !active) active = new Spawner();
  return active?.run(cwd, env, args, afterExitMs);
}

// src/git/process.ts
var MAX_PER_HANDLE = 4;
var AFTER_EXIT_MS = 50;
var Limiter = class {
  constructor(max) {
    this.max = max;
  }
  max;
  running = 0;
  waiting = [];
  async run(job) {
    if (this.running >= this.max) await new Promise((go) => this.waiting.push(go));
    else this.running++;
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
};
async function runGitProcess(dir, env, args) {
  const o = await spawnThroughHelper(dir, env, args, AFTER_EXIT_MS) ?? await runHere(dir, env, args);
  if (o.error === void 0 && o.code === 0) return o.out.toString("utf8");
  const why = o.error === void 0 ? [] : [Buffer.from(existsSync(dir) ? o.error : `the folder ${dir} does not exist`)];
  const said = Buffer.concat([o.out, o.err, ...why]);
  throw new Error(said.length > 0 ? said.toString("utf8") : `exit code ${o.code ?? o.signal ?? "unknown"}`);
}
function runHere(dir, env, args) {
  return new Promise((resolve2) => {
    const out = [];
    const err = [];
    let settled = false;
    let exitTimer;
    const finish = (code, signal, error) => {
      if (settled) return;
      settled = true;
      clearTimeout(exitTimer);
      resolve2({
        code,
        signal,
        ...error ? { error: error.message } : {},
        out: Buffer.concat(out),
        err: Buffer.concat(err)
      });
    };
    const child = spawn3("git", args, { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"], windowsHide: true });
    child.stdout.on("data", (c) => out.push(c));
    child.stderr.on("data", (c) => err.push(c));
    child.on("error", (e) => finish(null, null, e));
    child.on("exit", (code, signal) => {
      exitTimer = setTimeout(() => setImmediate(() => finish(code, signal)), AFTER_EXIT_MS);
    });
    child.on("close", (code, signal) => finish(code, signal));
  });
}

// src/git/index.ts
var GitError = class extends Error {
  constructor(args, message) {
    super(`git ${args.join(" ")}: ${message.trim()}`);
    this.args = args;
    this.name = "GitError";
  }
  args;
};
function gitEnvironment(opts = {}) {
  const inherited = Object.entries(process.env).filter(([k]) => !(opts.isolated && /^GIT_/i.test(k)));
  const env = { ...Object.fromEntries(inherited), ...opts.env, GIT_TERMINAL_PROMPT: "0" };
  for (const k of ["EDITOR", "VISUAL", "GIT_EDITOR", "GIT_SEQUENCE_EDITOR", "PAGER", "GIT_PAGER"]) delete env[k];
  if (opts.isolated) {
    env.GIT_CONFIG_NOSYSTEM = "1";
    env.GIT_CONFIG_GLOBAL = "/dev/null";
  }
  if (opts.identity) {
    env.GIT_AUTHOR_NAME = env.GIT_COMMITTER_NAME = opts.identity.name;
    env.GIT_AUTHOR_EMAIL = env.GIT_COMMITTER_EMAIL = opts.identity.email;
  }
  return env;
}
var Git = class {
  dir;
  env;
  limiter = new Limiter(MAX_PER_HANDLE);
  constructor(dir, opts = {}) {
    this.dir = dir;
    this.env = gitEnvironment(opts);
  }
  /** `git ARGS` in this handle's folder and environment, at most MAX_PER_HANDLE at once (process.ts). */
  raw(args) {
    return this.limiter.run(() => runGitProcess(this.dir, this.env, args));
  }
  /** Runs `git ARGS` and returns its stdout; throws GitError with git's own message on failure. */
  async run(args) {
    try {
      return await this.raw(args);
    } catch (err) {
      throw new GitError(args, err.message);
    }
  }
  /** Like run, trimmed, or undefined when git fails (a ref that does not exist, a path absent at a commit). */
  async tryRun(args) {
    try {
      return (await this.raw(args)).trim();
    } catch {
      return void 0;
    }
  }
  async revParse(ref) {
    return this.tryRun(["rev-parse", "--verify", "-q", `${ref}^{commit}`]);
  }
  /** The object a ref names, without peeling (an annotated tag's own object id). */
  async objectId(ref) {
    return this.tryRun(["rev-parse", "--verify", "-q", ref]);
  }
  /** "commit", "tag", "tree", "blob", or undefined. */
  async objectType(ref) {
    return this.tryRun(["cat-file", "-t", ref]);
  }
  async isAncestor(ancestor, of) {
    try {
      await this.raw(["merge-base", "--is-ancestor", ancestor, of]);
      return true;
    } catch {
      return false;
    }
  }
  /** A file's text at a commit, or undefined when it is not there. */
  async show(commit, path) {
    try {
      return await this.raw(["show", `${commit}:${path}`]);
    } catch {
      return void 0;
    }
  }
  /** A file's bytes at a commit (a model, binary), or undefined when it is not there or not a file. */
  async showBytes(commit, path) {
    const [o] = await this.catFileBatch([`${commit}:${path}`]).catch(() => [void 0]);
    return o?.type === "blob" ? o.content : void 0;
  }
  /**
   * Many objects at once through the repository's one long-lived `git cat-file --batch` (object-reader.ts): for each name (`<commit>:<path>`, an object id,
   * a tag), its type and bytes, or undefined when missing. Order of the answer is the order asked.
   */
  catFileBatch(names) {
    return readObjects(this.dir, this.env, names).catch((err) => {
      throw err instanceof ReaderError ? new GitError(["cat-file", "--batch"], err.message) : err;
    });
  }
  /**
   * Every ref under a prefix, one object per ref with the fields of the `for-each-ref` format asked. Each field is
   * ended by NUL, a byte git never prints inside one (a tag message or a tagger's name may hold any other).
   */
  async refs(prefix, fields) {
    const keys = Object.keys(fields);
    const fmt = `${keys.map((k) => fields[k]).join("%00")}%00`;
    const tokens = (await this.run(["for-each-ref", `--format=${fmt}`, prefix])).split("\0");
    const out = [];
    for (let i = 0; i + keys.length < tokens.length; i += keys.length) {
      out.push(
        Object.fromEntries(keys.map((k, j) => [k, j === 0 ? tokens[i].replace(/^\n/, "") : tokens[i + j]]))
      );
    }
    return out;
  }
  /** The best common ancestor of two commits, or undefined when they have none (or history is missing: shallow). */
  async mergeBase(a, b) {
    return this.tryRun(["merge-base", a, b]);
  }
  /**
   * The paths that differ between two commits, with renames detected (git's default 50% similarity), paths relative
   * to this handle's folder and limited to it. NUL-separated output, so any file name is read exactly.
   */
  async diffNames(from, to) {
    const out = await this.run([
      "-c",
      "diff.renameLimit=10000",
      "diff",
      "--name-status",
      "-z",
      "-M",
      "--relative",
      "--no-ext-diff",
      "--no-textconv",
      from,
      to,
      "--"
    ]);
    const f = out.split("\0");
    const entries = [];
    for (let i = 0; i + 1 < f.length; ) {
      const status = f[i];
      if (/^[RC]/.test(status)) {
        entries.push({ status: status[0], from: f[i + 1], path: f[i + 2] });
        i += 3;
      } else {
        entries.push({ status: status[0], path: f[i + 1] });
        i += 2;
      }
    }
    return entries;
  }
  /** The files of a commit's tree under `paths` (relative to this handle's folder), recursively. */
  async listFiles(ref, paths) {
    const out = await this.run(["ls-tree", "-r", "-z", "--name-only", ref, "--", ...paths]);
    return out.split("\0").filter((p) => p.length > 0);
  }
};
function openGit(dir, opts = {}) {
  return new Git(dir, opts);
}

export {
  readObjects,
  closeObjectReaders,
  startGitSpawner,
  gitSpawnerPid,
  GitError,
  gitEnvironment,
  Git,
  openGit
};
