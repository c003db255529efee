import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  answerEvaluation,
  prefixIndex
} from "./chunk-DNC5GW5B.js";
import "./chunk-4BLITTKA.js";
import "./chunk-TYVK2T2V.js";
import {
  isEndMessage,
  startModuleWorker
} from "./chunk-SKWY5OI3.js";
import "./chunk-6UXFBPQ7.js";
import "./chunk-X6OXJVG3.js";
import "./chunk-UPGHJSZ6.js";
import {
  closeObjectReaders,
  gitEnvironment,
  readObjects
} from "./chunk-AVCTVMN2.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";

// src/audit/judge-worker.ts
import { createHash } from "node:crypto";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
var TAKE = 4;
var FLAG = "modelgateEvaluationJudge";
function startEvaluationJudge(anywhere = false) {
  if (!anywhere && !import.meta.url.endsWith(".js")) return void 0;
  let worker;
  try {
    worker = startModuleWorker(import.meta.url, { [FLAG]: true });
  } catch {
    return void 0;
  }
  worker.unref();
  let failed = false;
  const records = /* @__PURE__ */ new Map();
  const manifests = /* @__PURE__ */ new Map();
  const takers = [];
  const prefixes = /* @__PURE__ */ new Map();
  let answered = () => {
  };
  const answers = new Promise((resolve) => {
    answered = resolve;
  });
  worker.on(
    "message",
    (m) => {
      if (m.prefix) prefixes.get(m.prefix.model)?.(new Map(m.prefix.index));
      if (m.given) takers.shift()?.(m.given);
      if (m.answers) answered(new Map(m.answers));
    }
  );
  const fail = () => {
    failed = true;
    for (const give of prefixes.values()) give(void 0);
    for (const take2 of takers.splice(0)) take2(void 0);
    answered(void 0);
  };
  worker.on("error", fail);
  worker.on("exit", fail);
  const post = (m, transfer) => {
    if (!failed) worker.postMessage(m, transfer);
  };
  const take = () => failed ? Promise.resolve(void 0) : new Promise((resolve) => {
    takers.push(resolve);
    post({ take: TAKE });
  });
  const help = async (mine) => {
    await new Promise((resolve) => setImmediate(resolve));
    let next = take();
    for (; ; ) {
      const given = await next;
      if (!given?.items.length) return;
      next = take();
      for (const it of given.items) {
        const record = records.get(it.digest);
        mine.push([
          it.digest,
          it.found ? judgeHere(new Uint8Array(given.bytes, it.start, it.end - it.start), record, manifests.get(it.digest)) : notInGit()
        ]);
      }
    }
  };
  return {
    async prefixIndex(model, text, format) {
      if (text === void 0) return /* @__PURE__ */ new Map();
      const got = new Promise((resolve) => prefixes.set(model, resolve));
      post({ ledger: { model, text, format } });
      return (failed ? void 0 : await got) ?? prefixIndex(text, format);
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
        ...ranges[i]
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
      const mine = [];
      const [theirs] = await Promise.all([answers, help(mine)]);
      return theirs && new Map([...theirs, ...mine]);
    },
    end() {
      if (!failed) worker.postMessage({ modelgateEnd: true });
      failed = true;
    }
  };
}
function packed(parts) {
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
var notInGit = () => ({ found: false, error: "not in git" });
function judgeHere(bytes, record, manifest) {
  const sha256 = `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
  return { sha256, ...answerEvaluation(bytes, record, manifest) };
}
function serve() {
  const port = parentPort;
  if (!port) return;
  const answers = [];
  const waiting = /* @__PURE__ */ new Map();
  const queue = [];
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
  const ready = (p) => {
    if (!p.hasBytes || !p.hasManifest) return;
    queue.push(p);
    if (!running) {
      running = true;
      setImmediate(step);
    }
  };
  const expect = (p) => {
    outstanding++;
    const list = waiting.get(p.digest) ?? [];
    list.push(p);
    waiting.set(p.digest, list);
  };
  port.on("message", (m) => {
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
          hasBytes: true
        };
        outstanding++;
        ready(p);
      }
    } else if ("read" in m) {
      const list = m.read.items.map((it) => ({
        digest: it.digest,
        record: it.record,
        hasManifest: false,
        hasBytes: false
      }));
      for (const p of list) expect(p);
      readObjects(
        m.read.dir,
        gitEnvironment(),
        m.read.items.map((it) => it.name)
      ).then(
        (got) => {
          list.forEach((p, i) => {
            p.bytes = got[i]?.content;
            p.hasBytes = true;
            ready(p);
          });
        },
        (err) => setImmediate(() => {
          throw err;
        })
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
      const given = queue.splice(queue.length - Math.min(m.take, Math.floor(queue.length / 2)));
      outstanding -= given.length;
      const { bytes, ranges } = packed(given.map((p) => p.bytes));
      const items = given.map((p, i) => ({ digest: p.digest, ...ranges[i], found: p.bytes !== void 0 }));
      port.postMessage({ given: { items, bytes } }, [bytes]);
      finish();
    } else if (m.done) {
      asked = true;
      finish();
    }
  });
}
if (!isMainThread && workerData?.[FLAG] === true) serve();
export {
  startEvaluationJudge
};
