import { createRequire } from 'node:module';
import { p as plainManifest, d as didYouMean } from './hot-validate-plan-verify-C9JqfCVv.js';
import { C as CheckFailed, U as UserError } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const require$4 = createRequire(import.meta.url);

// src/manifest/at-commit-plain.ts
function manifestWith(parse, commit, file, bytes, kind) {
  if (bytes === void 0) return { file, found: false, findings: [] };
  const parsed = parse(`${commit}:${file}`, bytes.toString("utf8"), kind);
  if (!parsed) return void 0;
  const value = parsed.manifest?.value;
  return { file, found: true, ...value ? { value } : {}, findings: parsed.findings };
}
async function readManifestsAt(git, commit, files, kind) {
  const objects = await git.catFileBatch(files.map((f) => `${commit}:${f}`));
  const bytes = (i) => objects[i]?.type === "blob" ? objects[i].content : void 0;
  const read = files.map((file, i) => manifestWith(plainManifest, commit, file, bytes(i), kind));
  if (read.every((m) => m !== void 0)) return read;
  const { parseManifest } = await import('./yaml-5PRH3N5I-DTHxVKBt.js');
  return files.map(
    (file, i) => read[i] ?? manifestWith(parseManifest, commit, file, bytes(i), kind)
  );
}
async function readManifestAt(git, commit, file, kind) {
  const [one] = await readManifestsAt(git, commit, [file], kind);
  return one;
}

const require$3 = createRequire(import.meta.url);

// src/data/batch.ts
function batchRows(batchSize, width) {
  return Math.max(1, Math.min(batchSize, Math.floor((1 << 22) / Math.max(1, width))));
}
var MAX_RECORD_BYTES = 16 * 1024 * 1024;
var DataError = class extends CheckFailed {
  constructor(file, where, detail) {
    super(
      `${file}${where.line ? `:${where.line}` : ""}: ${where.row !== void 0 ? `row ${where.row}: ` : ""}${detail}`
    );
    this.file = file;
    this.detail = detail;
    this.name = "DataError";
    this.line = where.line;
    this.row = where.row;
  }
  file;
  detail;
  line;
  row;
};
function rowPlace(b, r) {
  return { line: b.lines?.[r], row: b.offset + r + 1 };
}
function selectColumns(all, wanted, file, line) {
  if (!wanted) return all.map((_, i) => i);
  const at = /* @__PURE__ */ new Map();
  all.forEach((name, i) => {
    if (!at.has(name)) at.set(name, i);
  });
  return wanted.map((name) => {
    const i = at.get(name);
    if (i === void 0) {
      const near = didYouMean(name, all.length > 5e3 ? all.slice(0, 5e3) : all);
      const shown = all.length > 20 ? `${all.slice(0, 20).join(", ")}, \u2026 (${all.length} in all)` : all.join(", ");
      throw new DataError(
        file,
        { line },
        `there is no column "${name}"${near ? `; did you mean "${near}"?` : ""} (the file has: ${shown}); fix the column name in the file or in the manifest`
      );
    }
    return i;
  });
}
var DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
function parseNumberText(text) {
  if (isPlainDigits(text)) return Number(text);
  const t = text.trim();
  if (t === "") return null;
  if (DECIMAL.test(t)) return Number(t);
  const l = t.toLowerCase();
  const unsigned = l[0] === "+" || l[0] === "-" ? l.slice(1) : l;
  if (unsigned === "inf" || unsigned === "infinity") return l[0] === "-" ? -Infinity : Infinity;
  if (unsigned === "nan") return Number.NaN;
  return void 0;
}
function isPlainDigits(text) {
  const n = text.length;
  let i = n > 0 && text.charCodeAt(0) === 45 ? 1 : 0;
  if (i === n || n - i > 15) return false;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
function cellToNumber(v) {
  if (v === null) return null;
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    const n = parseNumberText(v);
    return n === void 0 ? Number.NaN : n;
  }
  if (v instanceof Date) return v.getTime();
  return Number.NaN;
}
function cellToString(v) {
  if (v === null) return null;
  if (typeof v === "string") return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "object") return JSON.stringify(v, (_, x) => typeof x === "bigint" ? x.toString() : x);
  return String(v);
}
function putNumber(v, out, at, bad) {
  if (typeof v === "number") {
    out[at] = v;
    return;
  }
  const n = v === void 0 ? null : cellToNumber(v);
  if (n === null) out[at] = Number.NaN;
  else if (Number.isNaN(n) && !(typeof v === "string" && parseNumberText(v) !== void 0)) {
    out[at] = Number.NaN;
    bad.rows.push(at);
    bad.texts.push(String(cellToString(v)));
  } else out[at] = n;
}

const require$2 = createRequire(import.meta.url);
var files = /* @__PURE__ */ new Map();
function startWorkerFrom(moduleUrl, data) {
  disableOrtTelemetry();
  if (!moduleUrl.endsWith(".ts")) return new Worker(fileURLToPath(moduleUrl), { workerData: data });
  let file = files.get(moduleUrl);
  if (file === void 0) {
    const { workerModuleFile } = createRequire(import.meta.url)("../../scripts/worker-script.cjs");
    file = workerModuleFile(fileURLToPath(moduleUrl));
    files.set(moduleUrl, file);
  }
  return new Worker(file, { workerData: data });
}
function disableOrtTelemetry(env = process.env) {
  if (!env.ORT_DISABLE_TELEMETRY) env.ORT_DISABLE_TELEMETRY = "1";
}

const require$1 = createRequire(import.meta.url);

// src/util/worker.ts
function startModuleWorker(moduleUrl, data) {
  return startWorkerFrom(moduleUrl, data);
}
var END = "modelgateEnd";
function isEndMessage(m) {
  return typeof m === "object" && m !== null && m[END] === true;
}
async function endWorkers(workers, graceMs = 2e3) {
  await Promise.all(
    workers.map(
      (w) => new Promise((resolve) => {
        if (w.threadId < 0) return resolve();
        const timer = setTimeout(
          () => w.terminate().then(
            () => resolve(),
            () => resolve()
          ),
          graceMs
        );
        w.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
        w.postMessage({ [END]: true });
      })
    )
  );
}
async function startReadyWorkers(count, start) {
  const workers = [];
  const ready = [];
  try {
    for (let i = 0; i < count; i++) {
      const worker = start(i);
      workers.push(worker);
      ready.push(
        new Promise((resolve, reject) => {
          worker.once(
            "message",
            (m) => m.ready ? resolve() : reject(new Error(m.error))
          );
          worker.once("error", reject);
        })
      );
    }
    await Promise.all(ready);
  } catch (err) {
    await endWorkers(workers);
    return { error: err instanceof Error ? err.message : String(err) };
  }
  return { workers };
}
function serializeWorkerError(err) {
  return {
    name: err?.name ?? "Error",
    message: err?.message ?? String(err),
    ...err instanceof DataError ? { data: { file: err.file, line: err.line, row: err.row, detail: err.detail } } : {}
  };
}
function reviveWorkerError(e) {
  if (e.data) return new DataError(e.data.file, { line: e.data.line, row: e.data.row }, e.data.detail);
  if (e.name === "UserError") return new UserError(e.message);
  if (e.name === "CheckFailed") return new CheckFailed(e.message);
  return new Error(e.message);
}

export { DataError as D, MAX_RECORD_BYTES as M, cellToNumber as a, selectColumns as b, cellToString as c, batchRows as d, endWorkers as e, readManifestsAt as f, readManifestAt as g, disableOrtTelemetry as h, isEndMessage as i, startWorkerFrom as j, putNumber as k, startReadyWorkers as l, manifestWith as m, reviveWorkerError as n, serializeWorkerError as o, parseNumberText as p, rowPlace as r, startModuleWorker as s };
