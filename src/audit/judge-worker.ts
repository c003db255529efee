import { createHash } from "node:crypto";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import type { Model } from "../manifest/schema.ts";
import { gitEnvironment } from "../git/index.ts";
import { closeObjectReaders, readObjects } from "../git/object-reader.ts";
import { isEndMessage, startModuleWorker } from "../util/worker.ts";
import { prefixIndex } from "./blob-ids.ts";
import { answerEvaluation, type BoundRecord, type EvaluationAnswer } from "./judging.ts";

/**
 * `audit verify`'s heaviest reads on a worker thread, so that the main thread only reads the history and runs the
 * rules: the evaluation records (480 on the bench, 23.6 MiB of JSON) hashed, read and judged (./judging.ts
 * answerEvaluation) as each ledger's objects arrive from git, and the blob id of every prefix of each ledger
 * (./blob-ids.ts prefixIndex: 50 MB of SHA-1 on the bench). Only answers come back — digests, a few strings, the
 * gates' results, the prefixes' ids — never parsed records: handing those back cost more than parsing them
 * (measured in session 5: 150–170 ms of the main thread).
 *
 * The worker is this module, run from the bundle (dist/); from the sources (tsx: tests, the bench's library runs)
 * the main thread does it all, as it does when the worker fails.
 */

interface Item {
  /** The publish record's digest. */
  digest: string;
  record: BoundRecord;
  manifest: Model | undefined;
  /** Where its evaluation record's bytes are in the message's buffer. */
  start: number;
  end: number;
}

/**
 * One publish record's evaluation as the worker answers it: the sha256 of the bytes and what they say, or that git
 * has no file there (`found: false`).
 */
export type JudgedEvaluation = EvaluationAnswer;

/** A publish record whose evaluation record the worker reads from git itself (`<commit>:<path>`). */
interface ToRead {
  digest: string;
  name: string;
  record: BoundRecord;
}

type Request =
  | { ledger: { model: string; text: string; format: "sha1" | "sha256" } }
  | { items: Item[]; bytes: ArrayBuffer }
  | { read: { dir: string; items: ToRead[] } }
  | { manifests: [string, Model | undefined][] }
  | { take: number }
  | { done: true };

/** Evaluation records the worker hands back to the main thread to judge (their bytes, or that git has none). */
interface Given {
  items: { digest: string; start: number; end: number; found: boolean }[];
  bytes: ArrayBuffer;
}

/**
 * How many evaluation records the main thread takes from the worker at a time, once its own work is done (at most
 * half of those waiting): a few milliseconds of judging, so that neither thread waits long for the other at the end.
 */
const TAKE = 4;

const FLAG = "modelgateEvaluationJudge";

/** A worker reading and judging evaluation records, fed as they are read. */
export interface EvaluationJudge {
  /** The prefix index of a ledger's text (./blob-ids.ts), computed there. */
  prefixIndex(model: string, text: string | undefined, format: "sha1" | "sha256"): Promise<Map<string, number>>;
  /** Publish records (by digest) with their evaluation records' bytes and the manifests at their source commits. */
  add(items: { digest: string; bytes: Uint8Array; record: BoundRecord; manifest: Model | undefined }[]): void;
  /**
   * Publish records whose evaluation records the worker reads from git itself, with its own `git cat-file --batch`
   * (in the repository at `dir`), while the main thread's reads the rest; each is judged once `manifests` gives the
   * manifest at its source commit (every record given here must be given there).
   */
  read(dir: string, items: ToRead[]): void;
  /** The manifests at the source commits of records given to `read`, by the record's digest. */
  manifests(list: [string, Model | undefined][]): void;
  /** Every answer, by the publish record's digest; undefined when the worker failed (the rules then judge). */
  answers(): Promise<Map<string, JudgedEvaluation> | undefined>;
  /** Ends the worker (its thread ends on its own); no answer is given after. */
  end(): void;
}

/**
 * Starts the worker (only from the bundle, unless `anywhere`: a test runs it from the sources through tsx); undefined
 * when it is not started.
 */
export function startEvaluationJudge(anywhere = false): EvaluationJudge | undefined {
  if (!anywhere && !import.meta.url.endsWith(".js")) return undefined;
  let worker: ReturnType<typeof startModuleWorker>;
  try {
    worker = startModuleWorker(import.meta.url, { [FLAG]: true });
  } catch {
    return undefined;
  }
  worker.unref();
  let failed = false;
  // what the main thread needs to judge a record the worker hands back (by the publish record's digest)
  const records = new Map<string, BoundRecord>();
  const manifests = new Map<string, Model | undefined>();
  const takers: ((given: Given | undefined) => void)[] = [];
  const prefixes = new Map<string, (index: Map<string, number> | undefined) => void>();
  let answered: (a: Map<string, JudgedEvaluation> | undefined) => void = () => {};
  const answers = new Promise<Map<string, JudgedEvaluation> | undefined>((resolve) => {
    answered = resolve;
  });
  worker.on(
    "message",
    (m: {
      prefix?: { model: string; index: [string, number][] };
      answers?: [string, JudgedEvaluation][];
      given?: Given;
    }) => {
      if (m.prefix) prefixes.get(m.prefix.model)?.(new Map(m.prefix.index));
      if (m.given) takers.shift()?.(m.given);
      if (m.answers) answered(new Map(m.answers));
    },
  );
  const fail = () => {
    failed = true;
    for (const give of prefixes.values()) give(undefined);
    for (const take of takers.splice(0)) take(undefined);
    answered(undefined);
  };
  worker.on("error", fail);
  worker.on("exit", fail);
  const post = (m: Request, transfer?: ArrayBuffer[]) => {
    if (!failed) worker.postMessage(m, transfer);
  };
  const take = () =>
    failed
      ? Promise.resolve(undefined)
      : new Promise<Given | undefined>((resolve) => {
          takers.push(resolve);
          post({ take: TAKE });
        });
  // Once the main thread's own work is done, it judges records the worker has not reached yet, a few at a time from
  // the end of the worker's queue (the next few asked for while these are judged), until the worker has none to give.
  const help = async (mine: [string, JudgedEvaluation][]) => {
    await new Promise((resolve) => setImmediate(resolve));
    let next = take();
    for (;;) {
      const given = await next;
      if (!given?.items.length) return;
      next = take();
      for (const it of given.items) {
        const record = records.get(it.digest) as BoundRecord;
        mine.push([
          it.digest,
          it.found
            ? judgeHere(new Uint8Array(given.bytes, it.start, it.end - it.start), record, manifests.get(it.digest))
            : notInGit(),
        ]);
      }
    }
  };
  return {
    async prefixIndex(model, text, format) {
      if (text === undefined) return new Map();
      const got = new Promise<Map<string, number> | undefined>((resolve) => prefixes.set(model, resolve));
      post({ ledger: { model, text, format } });
      return (failed ? undefined : await got) ?? prefixIndex(text, format);
    },
    add(items) {
      if (failed || !items.length) return;
      for (const it of items) {
        records.set(it.digest, it.record);
        manifests.set(it.digest, it.manifest);
      }
      const { bytes, ranges } = packed(items.map((it) => it.bytes));
      const list = items.map((it, i) => ({
        digest: it.digest,
        record: it.record,
        manifest: it.manifest,
        ...ranges[i],
      }));
      post({ items: list, bytes }, [bytes]);
    },
    read(dir, items) {
      for (const it of items) records.set(it.digest, it.record);
      if (items.length) post({ read: { dir, items } });
    },
    manifests(list) {
      for (const [digest, manifest] of list) manifests.set(digest, manifest);
      if (list.length) post({ manifests: list });
    },
    async answers() {
      post({ done: true });
      const mine: [string, JudgedEvaluation][] = [];
      const [theirs] = await Promise.all([answers, help(mine)]);
      return theirs && new Map([...theirs, ...mine]);
    },
    end() {
      // ../util/worker.ts's end message: the worker closes its port and its thread ends on its own
      if (!failed) worker.postMessage({ modelgateEnd: true });
      failed = true;
    },
  };
}

/**
 * Byte arrays in one buffer, moved to the other thread rather than copied twice by postMessage, and each one's range
 * in it (an absent one: an empty range).
 */
function packed(parts: (Uint8Array | undefined)[]): { bytes: ArrayBuffer; ranges: { start: number; end: number }[] } {
  const all = new Uint8Array(parts.reduce((n, p) => n + (p?.byteLength ?? 0), 0));
  let at = 0;
  const ranges = parts.map((p) => {
    const start = at;
    if (p) {
      all.set(p, at);
      at += p.byteLength;
    }
    return { start, end: at };
  });
  return { bytes: all.buffer, ranges };
}

/** What either thread answers for a record git has no file for. */
const notInGit = (): JudgedEvaluation => ({ found: false, error: "not in git" });

/** One publish record's evaluation record hashed, read and judged (on either thread). */
function judgeHere(bytes: Uint8Array, record: BoundRecord, manifest: Model | undefined): JudgedEvaluation {
  const sha256 = `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
  return { sha256, ...answerEvaluation(bytes, record, manifest) };
}

/**
 * The worker's side. A ledger's prefix index is answered at once (the main thread waits for them before it reads the
 * history); evaluation records are answered one at a time in between, once their bytes (given, or read from git here)
 * and their manifest are known, so that a request for an index that arrives meanwhile is not queued behind them. The
 * answers go back when asked for, after the last record.
 */
function serve(): void {
  const port = parentPort;
  if (!port) return;
  interface Pending {
    digest: string;
    record: BoundRecord;
    manifest?: Model;
    hasManifest: boolean;
    bytes?: Uint8Array;
    hasBytes: boolean;
  }
  const answers: [string, JudgedEvaluation][] = [];
  const waiting = new Map<string, Pending[]>();
  const queue: Pending[] = [];
  let outstanding = 0;
  let asked = false;
  let sent = false;
  let running = false;
  const finish = () => {
    if (asked && !sent && outstanding === 0 && !queue.length) {
      sent = true;
      port.postMessage({ answers });
    }
  };
  const step = () => {
    const p = queue.shift();
    if (p) {
      outstanding--;
      answers.push([p.digest, p.bytes ? judgeHere(p.bytes, p.record, p.manifest) : notInGit()]);
    }
    if (queue.length) return void setImmediate(step);
    running = false;
    finish();
  };
  const ready = (p: Pending) => {
    if (!p.hasBytes || !p.hasManifest) return;
    queue.push(p);
    if (!running) {
      running = true;
      setImmediate(step);
    }
  };
  const expect = (p: Pending) => {
    outstanding++;
    const list = waiting.get(p.digest) ?? [];
    list.push(p);
    waiting.set(p.digest, list);
  };
  port.on("message", (m: Request) => {
    if (isEndMessage(m)) {
      closeObjectReaders();
      return port.close();
    }
    if ("ledger" in m) {
      const { model, text, format } = m.ledger;
      port.postMessage({ prefix: { model, index: [...prefixIndex(text, format)] } });
    } else if ("items" in m) {
      for (const it of m.items) {
        const bytes = new Uint8Array(m.bytes, it.start, it.end - it.start);
        const p = {
          digest: it.digest,
          record: it.record,
          manifest: it.manifest,
          hasManifest: true,
          bytes,
          hasBytes: true,
        };
        outstanding++;
        ready(p);
      }
    } else if ("read" in m) {
      const list = m.read.items.map((it) => ({
        digest: it.digest,
        record: it.record,
        hasManifest: false,
        hasBytes: false,
      }));
      for (const p of list) expect(p);
      readObjects(
        m.read.dir,
        gitEnvironment(),
        m.read.items.map((it) => it.name),
      ).then(
        (got) => {
          list.forEach((p: Pending, i) => {
            p.bytes = got[i]?.content;
            p.hasBytes = true;
            ready(p);
          });
        },
        (err) =>
          setImmediate(() => {
            throw err; // the worker ends with it, and the main thread reads and judges itself
          }),
      );
    } else if ("manifests" in m) {
      for (const [digest, manifest] of m.manifests) {
        for (const p of waiting.get(digest) ?? []) {
          if (p.hasManifest) continue;
          p.manifest = manifest;
          p.hasManifest = true;
          ready(p);
        }
      }
    } else if ("take" in m) {
      // the main thread judges these (startEvaluationJudge's help): at most half of those waiting, from the end
      const given = queue.splice(queue.length - Math.min(m.take, Math.floor(queue.length / 2)));
      outstanding -= given.length;
      const { bytes, ranges } = packed(given.map((p) => p.bytes));
      const items = given.map((p, i) => ({ digest: p.digest, ...ranges[i], found: p.bytes !== undefined }));
      port.postMessage({ given: { items, bytes } }, [bytes]);
      finish();
    } else if (m.done) {
      asked = true;
      finish();
    }
  });
}

if (!isMainThread && (workerData as Record<string, unknown> | undefined)?.[FLAG] === true) serve();
