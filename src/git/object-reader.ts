import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { resolve } from "node:path";

/**
 * Objects read through one long-lived `git cat-file --batch` per repository (and environment) for the whole process,
 * instead of a process per read (issue #25: the demo started 70 of them, each blocking the main thread while it forks
 * a large process). Names are resolved by git at the time they are read: refs, packs and loose objects written since
 * the reader started are seen (git re-reads a ref on each lookup and rescans its packs on a miss). A reader nobody
 * used for IDLE_MS ends; none keeps the process alive, and `closeObjectReaders` ends them all.
 */

/** git's own message when the reader failed (not a repository) or ended; index.ts makes it a GitError. */
export class ReaderError extends Error {}

export interface GitObject {
  oid: string;
  type: string;
  content: Buffer;
}

/** How long a reader waits for its next request before it ends. */
const IDLE_MS = 10_000;

interface Request {
  count: number;
  out: (GitObject | undefined)[];
  resolve: (objects: (GitObject | undefined)[]) => void;
  reject: (err: Error) => void;
}

class ObjectReader {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly queue: Request[] = [];
  private errText = "";
  private ended = false;
  private idle: NodeJS.Timeout | undefined;
  // the answer being parsed: a header line, then `size` bytes and a line break
  private header: Buffer[] = [];
  private body: { oid: string; type: string; size: number; chunks: Buffer[]; have: number } | undefined;

  constructor(
    dir: string,
    env: NodeJS.ProcessEnv,
    private readonly onEnd: () => void,
  ) {
    this.child = spawn("git", ["cat-file", "--batch"], { cwd: dir, env, stdio: "pipe" });
    this.child.stdout.on("data", (c: Buffer) => this.take(c));
    this.child.stderr.on("data", (c: Buffer) => {
      this.errText += c.toString();
    });
    // git that fails at once (not a repository) closes its input: the exit code and stderr say why, not EPIPE
    this.child.stdin.on("error", () => {});
    this.child.on("error", (err) => this.end(err));
    this.child.on("close", (code) => this.end(new ReaderError(this.errText || `exit ${code ?? "by signal"}`)));
  }

  read(names: string[]): Promise<(GitObject | undefined)[]> {
    return new Promise((resolvePromise, reject) => {
      if (this.ended) return reject(new ReaderError(this.errText || "the reader ended"));
      clearTimeout(this.idle);
      this.hold(true);
      this.queue.push({ count: names.length, out: [], resolve: resolvePromise, reject });
      this.child.stdin.write(`${names.join("\n")}\n`);
    });
  }

  /** No request is waiting for its answer. */
  get idleNow(): boolean {
    return this.queue.length === 0;
  }

  close(): void {
    if (this.ended) return;
    this.child.stdin.end();
    this.end(new ReaderError("the reader was closed"));
  }

  /** Keeps the process alive while a request waits for its answer, and not otherwise. */
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

  private end(err: Error): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.idle);
    this.onEnd();
    for (const r of this.queue.splice(0)) r.reject(err);
    this.hold(false);
  }

  private answer(o: GitObject | undefined): void {
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

  private take(chunk: Buffer): void {
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
          this.body = undefined;
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
      // "<name> missing" or "<name> ambiguous"
      if (!m) this.answer(undefined);
      else this.body = { oid: m[1], type: m[2], size: Number(m[3]), chunks: [], have: 0 };
    }
  }
}

const readers = new Map<string, ObjectReader>();
const envKeys = new WeakMap<NodeJS.ProcessEnv, string>();

/** The environment as a key: git reads its configuration, object directories and replacements from it. */
function envKey(env: NodeJS.ProcessEnv): string {
  let key = envKeys.get(env);
  if (key === undefined) {
    key = JSON.stringify(Object.entries(env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    envKeys.set(env, key);
  }
  return key;
}

/**
 * Many objects at once: for each name (`<commit>:<path>`, an object id, a tag), its type and bytes, or undefined when
 * missing. Order of the answer is the order asked.
 */
export function readObjects(dir: string, env: NodeJS.ProcessEnv, names: string[]): Promise<(GitObject | undefined)[]> {
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

/** Ends every reader that is not answering a request (the demo, when it is done); the others end when idle. */
export function closeObjectReaders(): void {
  for (const r of [...readers.values()]) if (r.idleNow) r.close();
}

/** How many readers are running (tests). */
export function openObjectReaders(): number {
  return readers.size;
}
