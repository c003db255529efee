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
} from "./chunk-SU4I4RP5.js";
import "./chunk-BQ3X32ZS.js";
import "./chunk-6UXFBPQ7.js";
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
      if (m.answers) answered(new Map(m.answers));
    }
  );
  const fail = () => {
    failed = true;
    for (const give of prefixes.values()) give(void 0);
    answered(void 0);
  };
  worker.on("error", fail);
  worker.on("exit", fail);
  const post = (m, transfer) => {
    if (!failed) worker.postMessage(m, transfer);
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
      const bytes = new Uint8Array(items.reduce((n, it) => n + it.bytes.byteLength, 0));
      let at = 0;
      const list = items.map((it) => {
        bytes.set(it.bytes, at);
        at += it.bytes.byteLength;
        return {
          digest: it.digest,
          record: it.record,
          manifest: it.manifest,
          start: at - it.bytes.byteLength,
          end: at
        };
      });
      post({ items: list, bytes: bytes.buffer }, [bytes.buffer]);
    },
    read(dir, items) {
      if (items.length) post({ read: { dir, items } });
    },
    manifests(list) {
      if (list.length) post({ manifests: list });
    },
    async answers() {
      post({ done: true });
      return answers;
    },
    end() {
      if (!failed) worker.postMessage({ modelgateEnd: true });
      failed = true;
    }
  };
}
function serve() {
  const port = parentPort;
  if (!port) return;
  const answers = [];
  const waiting = /* @__PURE__ */ new Map();
  const queue = [];
  let outstanding = 0;
  let asked = false;
  let running = false;
  const finish = () => {
    if (asked && outstanding === 0 && !queue.length) port.postMessage({ answers });
  };
  const step = () => {
    const p = queue.shift();
    if (p) {
      outstanding--;
      if (!p.bytes) answers.push([p.digest, { found: false, error: "not in git" }]);
      else {
        const sha256 = `sha256:${createHash("sha256").update(p.bytes).digest("hex")}`;
        answers.push([p.digest, { sha256, ...answerEvaluation(p.bytes, p.record, p.manifest) }]);
      }
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
