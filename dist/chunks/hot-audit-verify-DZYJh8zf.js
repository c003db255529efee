import { createRequire } from 'node:module';
import { j as readObjects$1, k as gitEnvironment, A as API_VERSION, r as repoPath, c as fastYamlValue, o as openGit, g as parseArgs, s as str, t as toJson } from './hot-validate-plan-audit-verify-DglurztO.js';
import { U as UserError, C as CheckFailed } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { join, resolve } from 'node:path';
import { spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import { createHash, randomBytes, webcrypto } from 'node:crypto';
import { openSync, unlinkSync, closeSync, fstatSync, readSync } from 'node:fs';
import { tmpdir } from 'node:os';

const require$g = createRequire(import.meta.url);

// src/ledger/tags.ts
var DIGIT = "\\p{Nd}";
var DIRNAME = "[a-zA-Z0-9\\-_./]+";
var NAME = "[a-zA-Z0-9](?:[a-zA-Z0-9\\-/_]*[a-zA-Z0-9])?";
var NUM = `(?:0|[1-9]${DIGIT}*)`;
var PRE_ID = `(?:0|[1-9]${DIGIT}*|${DIGIT}*[a-zA-Z\\-][0-9a-zA-Z\\-]*)`;
var SEMVER = `${NUM}\\.${NUM}\\.${NUM}(?:-${PRE_ID}(?:\\.${PRE_ID})*)?(?:\\+[0-9a-zA-Z\\-]+(?:\\.[0-9a-zA-Z\\-]+)*)?`;
var tagRe = new RegExp(
  `^(?<artifact>(?:${DIRNAME}=)?${NAME})(?:(?:#(?<stage>${NAME})|@v(?<version>${SEMVER}))(?<cancel>!?)|@(?<mark>deprecated|created))(?:#(?<counter>[0-9]+))?$`,
  "u"
);
var parsedTags = /* @__PURE__ */ new Map();
function parseTag(tag) {
  if (parsedTags.has(tag)) return parsedTags.get(tag);
  if (parsedTags.size >= 1e5) parsedTags.clear();
  const p = readTag(tag);
  parsedTags.set(tag, p && Object.freeze(p));
  return p;
}
function readTag(tag) {
  const g = tagRe.exec(tag)?.groups;
  if (!g) return void 0;
  const base = { name: g.artifact.replace("=", ":") };
  if (g.counter !== void 0) base.number = Number(g.counter);
  if (g.mark) return { ...base, kind: g.mark };
  if (g.version !== void 0) return { ...base, kind: "version", version: g.version, deregistered: g.cancel === "!" };
  return { ...base, kind: "stage", stage: g.stage, unassigned: g.cancel === "!" };
}
var isModelName = (name) => /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(name);
var versionTag = (name, version) => `${name}@v${version}`;
var deregisterTag = (name, version) => `${name}@v${version}!`;
var stageTag = (name, stage, n) => `${name}#${stage}#${n}`;
var unassignTag = (name, stage, n) => `${name}#${stage}!#${n}`;
function nextStageNumber(tags, name, stage) {
  let max = 0;
  for (const t of tags) {
    const p = parseTag(t);
    if (p?.kind === "stage" && p.name === name && p.stage === stage && (p.number ?? 0) > max) max = p.number ?? 0;
  }
  return max + 1;
}
function deregistrationOf(tags, name, version) {
  for (const t of tags) {
    const p = parseTag(t);
    if (p?.kind === "version" && p.deregistered && p.name === name && p.version === version) return t;
  }
  return void 0;
}
function parseVersionArg(arg) {
  const t = parseTag(arg);
  if (t?.kind === "version" && !t.deregistered && t.number === void 0) return { name: t.name, version: t.version };
  const m = new RegExp(`^v?(${SEMVER})$`, "u").exec(arg);
  return m ? { version: m[1] } : void 0;
}

const require$f = createRequire(import.meta.url);
function canonicalJson(value) {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no representation for ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === void 0 ? null : v)).join(",")}]`;
  if (typeof value === "object") {
    const obj = value;
    const keys = Object.keys(obj).sort();
    let out = "";
    for (const k of keys) {
      const v = obj[k];
      if (v === void 0) continue;
      out += `${out ? "," : ""}${JSON.stringify(k)}:${canonicalJson(v)}`;
    }
    return `{${out}}`;
  }
  throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
}
function keysSorted(value) {
  if (value === null || typeof value !== "object") return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!keysSorted(value[i])) return false;
    return true;
  }
  const obj = value;
  const keys = Object.keys(obj);
  for (let i = 0; i < keys.length; i++) {
    if (i > 0 && !(keys[i - 1] < keys[i])) return false;
    if (!keysSorted(obj[keys[i]])) return false;
  }
  return true;
}
function canonicalOf(text, parsed) {
  return JSON.stringify(parsed) === text && keysSorted(parsed) ? text : canonicalJson(parsed);
}
var oneShot = crypto.hash;
function sha256Of(data) {
  return `sha256:${oneShot ? oneShot("sha256", data, "hex") : createHash("sha256").update(data).digest("hex")}`;
}
function recordDigest(value) {
  return sha256Of(canonicalJson(value));
}

const require$e = createRequire(import.meta.url);

// src/report/metric-names.ts
var LOWER_IS_BETTER = /^(mae|mse|rmse|mape|msle|rmsle|log_loss|brier|brier_score|max_error|median_ae|median_absolute_error|latency_p\d+_ms|hamming_loss|fpr|fnr|false_positive_rate|false_negative_rate|expected_calibration_error|ece)$/;
function lowerIsBetter(metric) {
  return LOWER_IS_BETTER.test(metric);
}
var NAMES = {
  roc_auc: "ROC AUC",
  average_precision: "Average precision",
  pr_auc: "PR AUC",
  accuracy: "Accuracy",
  balanced_accuracy: "Balanced accuracy",
  precision: "Precision",
  recall: "Recall",
  f1: "F1",
  log_loss: "Log loss",
  brier: "Brier score",
  brier_score: "Brier score",
  ece: "Expected calibration error",
  specificity: "Specificity",
  precision_macro: "Precision (macro)",
  recall_macro: "Recall (macro)",
  f1_macro: "F1 (macro)",
  precision_weighted: "Precision (weighted)",
  recall_weighted: "Recall (weighted)",
  f1_weighted: "F1 (weighted)",
  top_k_accuracy: "Top-k accuracy",
  median_ae: "Median absolute error",
  max_error: "Max error",
  mae: "MAE",
  mse: "MSE",
  rmse: "RMSE",
  mape: "MAPE",
  r2: "R\xB2",
  positive_rate: "Positive rate",
  latency_p50_ms: "Latency p50 (ms)",
  latency_p95_ms: "Latency p95 (ms)",
  latency_p99_ms: "Latency p99 (ms)"
};
function metricName(metric) {
  return NAMES[metric] ?? metric;
}
var MINUS = "\u2212";
function fmt(x, metric = "") {
  if (x === null || x === void 0 || !Number.isFinite(x)) return "\u2014";
  const digits = /_ms$/.test(metric) ? 2 : Math.abs(x) >= 1e3 ? 1 : 4;
  const s = Math.abs(x).toFixed(digits);
  return x < 0 && Number(s) !== 0 ? `${MINUS}${s}` : s;
}
function fmtDelta(x, metric = "") {
  if (x === null || x === void 0 || !Number.isFinite(x)) return "\u2014";
  const s = fmt(Math.abs(x), metric);
  if (Number(s) === 0) return s;
  return x > 0 ? `+${s}` : `${MINUS}${s}`;
}
function fmtCount(n) {
  return n < 0 ? `${MINUS}${Math.abs(n).toLocaleString("en-US")}` : n.toLocaleString("en-US");
}
function fmtLimit(x) {
  return x < 0 ? `${MINUS}${Math.abs(x)}` : String(x);
}
function fmtInterval(iv, metric = "") {
  if (!iv) return "\u2014";
  return `[${fmtDelta(iv[0], metric)}, ${fmtDelta(iv[1], metric)}]`;
}

const require$d = createRequire(import.meta.url);

// src/report/escape.ts
var HTML = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => HTML[c]);
}
function escapeMd(text) {
  return String(text).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/g, "").replace(/\r\n?|\n/g, " ").replace(/[\\`*_{}[\]()#!|~$]/g, (c) => `\\${c}`).replace(/[&<>"']/g, (c) => HTML[c]).replace(/@/g, "&#64;");
}
function escapeMdLine(text) {
  return escapeMd(text).replace(/^[-+=]/, (c) => `\\${c}`).replace(/^(\d+)([.)])/, "$1\\$2");
}
function escapeMdBlock(text) {
  return String(text).split(/\r\n?|\n/).map((line) => {
    const item = /^\s*[-*]\s+(.*)$/.exec(line);
    return item ? `- ${escapeMd(item[1].trim())}` : escapeMdLine(line.trim());
  }).join("\n").replace(/\n{3,}/g, "\n\n").trim();
}

const require$c = createRequire(import.meta.url);

// src/records/training-path.ts
var TRAINING_DIR = ".modelgate/training";
var trainingRecordPath = (model) => `${TRAINING_DIR}/${model}.json`;

const require$b = createRequire(import.meta.url);

// src/records/promotion-check.ts
var D = /* @__PURE__ */ Symbol("defer");
var isObject = (x) => typeof x === "object" && x !== null && !Array.isArray(x);
var k0 = /^sha256:[0-9a-f]{64}$/;
var k1 = /^[0-9a-f]{64}$/;
var k2 = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
function c0(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "name")) {
    v = x["name"];
    if (!(typeof v === "string" && v.length >= 1)) return D;
    out["name"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "version")) {
    v = x["version"];
    if (!(typeof v === "string" && v.length >= 1)) return D;
    out["version"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "sha256")) {
    v = x["sha256"];
    if (!(typeof v === "string" && k1.test(v))) return D;
    out["sha256"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "path")) {
    v = x["path"];
    if (!(typeof v === "string")) return D;
    out["path"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c1(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "name")) {
    v = x["name"];
    if (!(typeof v === "string")) return D;
    out["name"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "sha256")) {
    v = x["sha256"];
    if (!(typeof v === "string" && k1.test(v))) return D;
    out["sha256"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c2(x) {
  if (!Array.isArray(x)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = c1(x[i]);
    if (v === D) return D;
    out[i] = v;
  }
  return out;
}
function c3(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "gate")) {
    v = x["gate"];
    if (!(typeof v === "string")) return D;
    out["gate"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "status")) {
    v = x["status"];
    if (!(v === "pass" || v === "warn" || v === "fail" || v === "skip")) return D;
    out["status"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c4(x) {
  if (!Array.isArray(x)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = c3(x[i]);
    if (v === D) return D;
    out[i] = v;
  }
  return out;
}
function c5(x) {
  if (!isObject(x)) return D;
  const out = {};
  let v;
  for (const k of Object.keys(x)) {
    if (k === "__proto__") return D;
    v = x[k];
    if (!(v === null || typeof v === "number" && Number.isFinite(v))) return D;
    out[k] = v;
  }
  return out;
}
function c6(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "record")) {
    v = x["record"];
    if (!(typeof v === "string" && k0.test(v))) return D;
    out["record"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "path")) {
    v = x["path"];
    if (!(typeof v === "string")) return D;
    out["path"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "verdict")) {
    v = x["verdict"];
    if (!(v === "pass" || v === "warn")) return D;
    out["verdict"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "gates")) {
    v = c4(x["gates"]);
    if (v === D) return D;
    out["gates"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "metrics")) {
    v = c5(x["metrics"]);
    if (v === D) return D;
    out["metrics"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c7(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "number")) {
    v = x["number"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v > 0)) return D;
    out["number"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "author")) {
    v = x["author"];
    if (!(typeof v === "string")) return D;
    out["author"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "head")) {
    v = x["head"];
    if (!(typeof v === "string" && k2.test(v))) return D;
    out["head"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "url")) {
    v = x["url"];
    if (!(typeof v === "string")) return D;
    out["url"] = v;
    present++;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c8(x) {
  return x === null ? null : c7(x);
}
function c9(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "reviewer")) {
    v = x["reviewer"];
    if (!(typeof v === "string" && v.length >= 1)) return D;
    out["reviewer"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "reviewId")) {
    v = x["reviewId"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v))) return D;
    out["reviewId"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "commit")) {
    v = x["commit"];
    if (!(typeof v === "string" && k2.test(v))) return D;
    out["commit"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "submittedAt")) {
    v = x["submittedAt"];
    if (!(typeof v === "string")) return D;
    out["submittedAt"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c10(x) {
  if (!Array.isArray(x)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = c9(x[i]);
    if (v === D) return D;
    out[i] = v;
  }
  return out;
}
function c11(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "from")) {
    v = x["from"];
    if (!(v === "github")) return D;
    out["from"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "api")) {
    v = x["api"];
    if (!(typeof v === "string")) return D;
    out["api"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "run")) {
    v = x["run"];
    if (!(v === null || typeof v === "string")) return D;
    out["run"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c12(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "from")) {
    v = x["from"];
    if (!(v === "facts-file")) return D;
    out["from"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c13(x) {
  if (!isObject(x)) return D;
  const t = x["from"];
  if (t === "github") return c11(x);
  if (t === "facts-file") return c12(x);
  return D;
}
function c14(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "reference")) {
    v = x["reference"];
    if (!(typeof v === "string")) return D;
    out["reference"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "digest")) {
    v = x["digest"];
    if (!(typeof v === "string" && k0.test(v))) return D;
    out["digest"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c15(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "verified")) {
    v = x["verified"];
    if (!(typeof v === "boolean")) return D;
    out["verified"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "reason")) {
    v = x["reason"];
    if (!(typeof v === "string")) return D;
    out["reason"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c16(x) {
  if (!Array.isArray(x)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = x[i];
    if (!(typeof v === "string")) return D;
    out[i] = v;
  }
  return out;
}
function c17(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "user")) {
    v = x["user"];
    if (!(typeof v === "string" && v.length >= 1)) return D;
    out["user"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "state")) {
    v = x["state"];
    if (!(v === "approved" || v === "rejected")) return D;
    out["state"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "comment")) {
    v = x["comment"];
    if (!(typeof v === "string")) return D;
    out["comment"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "at")) {
    v = x["at"];
    if (!(typeof v === "string")) return D;
    out["at"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "environments")) {
    v = c16(x["environments"]);
    if (v === D) return D;
    out["environments"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c18(x) {
  if (!Array.isArray(x)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = c17(x[i]);
    if (v === D) return D;
    out[i] = v;
  }
  return out;
}
function c19(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "version")) {
    v = x["version"];
    if (!(typeof v === "string")) return D;
    out["version"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "image")) {
    v = x["image"];
    if (!(typeof v === "string" && k0.test(v))) return D;
    out["image"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c20(x) {
  return x === null ? null : c19(x);
}
function c21(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "tag")) {
    v = x["tag"];
    if (!(typeof v === "string")) return D;
    out["tag"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "tagObject")) {
    v = x["tagObject"];
    if (!(typeof v === "string")) return D;
    out["tagObject"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "tagger")) {
    v = x["tagger"];
    if (!(typeof v === "string")) return D;
    out["tagger"] = v;
    present++;
  }
  if (Object.hasOwn(x, "pushedBy")) {
    v = x["pushedBy"];
    if (!(typeof v === "string")) return D;
    out["pushedBy"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "signature")) {
    v = c15(x["signature"]);
    if (v === D) return D;
    out["signature"] = v;
    present++;
  }
  if (Object.hasOwn(x, "environmentApprovals")) {
    v = c18(x["environmentApprovals"]);
    if (v === D) return D;
    out["environmentApprovals"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "approvalSource")) {
    v = c13(x["approvalSource"]);
    if (v === D) return D;
    out["approvalSource"] = v;
    present++;
  }
  if (Object.hasOwn(x, "publishRecord")) {
    v = x["publishRecord"];
    if (!(typeof v === "string" && k0.test(v))) return D;
    out["publishRecord"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "supersedes")) {
    v = c20(x["supersedes"]);
    if (v === D) return D;
    out["supersedes"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "runId")) {
    v = x["runId"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v))) return D;
    out["runId"] = v;
    present++;
  }
  if (Object.hasOwn(x, "runAttempt")) {
    v = x["runAttempt"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 1)) return D;
    out["runAttempt"] = v;
    present++;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c22(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "publishRecord")) {
    v = x["publishRecord"];
    if (!(typeof v === "string" && k0.test(v))) return D;
    out["publishRecord"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "pushedBy")) {
    v = x["pushedBy"];
    if (!(typeof v === "string")) return D;
    out["pushedBy"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c23(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "path")) {
    v = x["path"];
    if (!(typeof v === "string")) return D;
    out["path"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "sha256")) {
    v = x["sha256"];
    if (!(typeof v === "string" && k1.test(v))) return D;
    out["sha256"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c24(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "id")) {
    v = x["id"];
    if (!(typeof v === "string" && v.length >= 1)) return D;
    out["id"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "runUrl")) {
    v = x["runUrl"];
    if (!(typeof v === "string")) return D;
    out["runUrl"] = v;
    present++;
  }
  if (Object.hasOwn(x, "repository")) {
    v = x["repository"];
    if (!(typeof v === "string")) return D;
    out["repository"] = v;
    present++;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c25(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "reference")) {
    v = x["reference"];
    if (!(typeof v === "string")) return D;
    out["reference"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "digest")) {
    v = x["digest"];
    if (!(typeof v === "string" && k0.test(v))) return D;
    out["digest"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c26(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "name")) {
    v = x["name"];
    if (!(typeof v === "string")) return D;
    out["name"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "path")) {
    v = x["path"];
    if (!(typeof v === "string")) return D;
    out["path"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c27(x) {
  if (!Array.isArray(x)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = c26(x[i]);
    if (v === D) return D;
    out[i] = v;
  }
  return out;
}
function c28(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "predicateType")) {
    v = x["predicateType"];
    if (!(typeof v === "string" && v.length >= 1)) return D;
    out["predicateType"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "digest")) {
    v = x["digest"];
    if (!(typeof v === "string" && k0.test(v))) return D;
    out["digest"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c29(x) {
  if (!Array.isArray(x) || !(x.length >= 1)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = c28(x[i]);
    if (v === D) return D;
    out[i] = v;
  }
  return out;
}
function c30(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "signer")) {
    v = x["signer"];
    if (!(v === "key" || v === "workflow")) return D;
    out["signer"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "builder")) {
    v = c24(x["builder"]);
    if (v === D) return D;
    out["builder"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "base")) {
    v = c25(x["base"]);
    if (v === D) return D;
    out["base"] = v;
    present++;
  }
  if (Object.hasOwn(x, "datasets")) {
    v = c27(x["datasets"]);
    if (v === D) return D;
    out["datasets"] = v;
    present++;
  }
  if (Object.hasOwn(x, "statements")) {
    v = c29(x["statements"]);
    if (v === D) return D;
    out["statements"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c31(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "apiVersion")) {
    v = x["apiVersion"];
    if (!(v === "modelgate.dev/v1alpha1")) return D;
    out["apiVersion"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "kind")) {
    v = x["kind"];
    if (!(v === "PromotionRecord")) return D;
    out["kind"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "sequence")) {
    v = x["sequence"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 1)) return D;
    out["sequence"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "previous")) {
    v = x["previous"];
    if (!(v === null || typeof v === "string" && k0.test(v))) return D;
    out["previous"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "action")) {
    v = x["action"];
    if (!(v === "publish" || v === "release" || v === "rollback" || v === "deregister" || v === "unassign")) return D;
    out["action"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "at")) {
    v = x["at"];
    if (!(typeof v === "string")) return D;
    out["at"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "model")) {
    v = c0(x["model"]);
    if (v === D) return D;
    out["model"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "data")) {
    v = c2(x["data"]);
    if (v === D) return D;
    out["data"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "evaluation")) {
    v = c6(x["evaluation"]);
    if (v === D) return D;
    out["evaluation"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "pullRequest")) {
    v = c8(x["pullRequest"]);
    if (v === D) return D;
    out["pullRequest"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "approvals")) {
    v = c10(x["approvals"]);
    if (v === D) return D;
    out["approvals"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "approvalSource")) {
    v = c13(x["approvalSource"]);
    if (v === D) return D;
    out["approvalSource"] = v;
    present++;
  }
  if (Object.hasOwn(x, "image")) {
    v = c14(x["image"]);
    if (v === D) return D;
    out["image"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "environment")) {
    v = x["environment"];
    if (!(typeof v === "string" && v.length >= 1)) return D;
    out["environment"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "stageTag")) {
    v = x["stageTag"];
    if (!(typeof v === "string")) return D;
    out["stageTag"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "source")) {
    v = x["source"];
    if (!(typeof v === "string" && k2.test(v))) return D;
    out["source"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "triggeredBy")) {
    v = x["triggeredBy"];
    if (!(typeof v === "string")) return D;
    out["triggeredBy"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "release")) {
    v = c21(x["release"]);
    if (v === D) return D;
    out["release"] = v;
    present++;
  }
  if (Object.hasOwn(x, "registry")) {
    v = c22(x["registry"]);
    if (v === D) return D;
    out["registry"] = v;
    present++;
  }
  if (Object.hasOwn(x, "card")) {
    v = c23(x["card"]);
    if (v === D) return D;
    out["card"] = v;
    present++;
  }
  if (Object.hasOwn(x, "attestation")) {
    v = c30(x["attestation"]);
    if (v === D) return D;
    out["attestation"] = v;
    present++;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function checkPromotionRecord(input) {
  const v = c31(input);
  return v === D ? void 0 : v;
}

// src/records/promotion-read.ts
var zodCheck;
function useZodCheck(check) {
  zodCheck = check;
}
var SchemaNotLoaded = class extends Error {
  constructor() {
    super("a promotion record needs zod's schema to say what is wrong with it: import ../ledger/ledger.ts first");
    this.name = "SchemaNotLoaded";
  }
};
function parsePromotionRecord(json) {
  const data = checkPromotionRecord(json);
  if (data) return { success: true, data };
  if (!zodCheck) throw new SchemaNotLoaded();
  return zodCheck(json);
}
var placesVersion = (r) => r.action === "publish" || r.action === "release" || r.action === "rollback";
function actionText(r) {
  if (r.action === "deregister") return `deregister ${r.model.version}`;
  if (r.action === "unassign") return `unassign ${r.model.version} from ${r.environment}`;
  return `${r.action} ${r.model.version} to ${r.environment}`;
}

// src/ledger/read.ts
var promotionsPath = (recordsDir, model) => `${recordsDir}/${model}/promotions.jsonl`;
var evaluationCopyPath = (recordsDir, model, hex) => `${recordsDir}/${model}/evaluations/${hex}.json`;
function parseLedger(text) {
  const entries = [];
  const problems = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.trim() === "") continue;
    let json;
    try {
      json = JSON.parse(raw);
    } catch (err) {
      problems.push({ line: i + 1, message: `not JSON: ${err.message}` });
      continue;
    }
    const r = parsePromotionRecord(json);
    if (!r.success) {
      const issue = r.error.issues[0];
      problems.push({ line: i + 1, message: `not a promotion record: ${issue.path.join(".")}: ${issue.message}` });
      continue;
    }
    const canonical = canonicalOf(raw, json);
    if (canonical !== raw) {
      problems.push({ line: i + 1, message: "not in canonical form (RFC 8785): the line was edited by hand" });
    }
    entries.push({ record: r.data, digest: sha256Of(canonical), line: i + 1 });
  }
  return { entries, problems };
}
function chainProblems(entries) {
  const out = [];
  let prev;
  for (const e of entries) {
    const wantSeq = prev ? prev.record.sequence + 1 : 1;
    if (e.record.sequence !== wantSeq) {
      out.push({ line: e.line, message: `sequence ${e.record.sequence}, expected ${wantSeq}` });
    }
    const wantPrev = prev ? prev.digest : null;
    if (e.record.previous !== wantPrev) {
      out.push({
        line: e.line,
        message: `previous is ${e.record.previous ?? "null"}, but the entry before it has digest ${wantPrev ?? "(none: this is the first entry)"}`
      });
    }
    prev = e;
  }
  return out;
}
var attestationPathBeside = (ledgerPath, hex) => ledgerPath.replace(/promotions\.jsonl$/, `attestations/${hex}.sigstore.json`);
function currentIn(entries, environment) {
  for (let i = entries.length - 1; i >= 0; i--) {
    const r = entries[i].record;
    if (r.environment === environment && placesVersion(r)) return entries[i];
  }
  return void 0;
}

const require$a = createRequire(import.meta.url);

// src/ledger/trailers.ts
function formatTrailers(trailers) {
  return trailers.map(([k, v]) => `${k}: ${v.replace(/[\r\n]+/g, " ").trim()}`).join("\n");
}
function commitMessage(subject, body, trailers) {
  return [subject, body.trim(), formatTrailers(trailers)].filter(Boolean).join("\n\n");
}
function parseTrailers(text) {
  const out = /* @__PURE__ */ new Map();
  for (const line of text.split("\n")) {
    const m = /^([A-Za-z0-9-]+):\s?(.*)$/.exec(line.trimEnd());
    if (!m) continue;
    const list = out.get(m[1]) ?? [];
    list.push(m[2]);
    out.set(m[1], list);
  }
  return out;
}
function promotionTrailers(r, digest) {
  const approvedBy = r.action === "publish" ? r.approvals.map((a) => ["Approved-by", `${a.reviewer} (review ${a.reviewId} on ${a.commit})`]) : (r.release?.environmentApprovals ?? []).filter((a) => a.state === "approved").map((a) => ["Approved-by", `${a.user} (environment ${r.environment})`]);
  if (r.action === "publish") {
    return [
      ["Model", r.model.name],
      ["Model-Version", r.model.version],
      ["Model-Digest", `sha256:${r.model.sha256}`],
      ...r.data.map((d) => ["Data-Digest", `${d.name} sha256:${d.sha256}`]),
      ["Eval-Record", r.evaluation.record],
      ["Eval-Gate", r.evaluation.verdict],
      ...r.pullRequest ? [["Reviewed-on", r.pullRequest.url ?? `#${r.pullRequest.number}`]] : [],
      ...approvedBy,
      ["Image", r.image.reference],
      ["Environment", r.environment],
      ["Promoted-by", r.triggeredBy],
      ["Promotion-Record", digest],
      ["Stage-Tag", r.stageTag]
    ];
  }
  const sup = r.release?.supersedes;
  return [
    ["Model", r.model.name],
    ["Model-Version", r.model.version],
    ["Model-Digest", `sha256:${r.model.sha256}`],
    ["Eval-Record", r.evaluation.record],
    ["Image", r.image.reference],
    ["Environment", r.environment],
    ["Promoted-by", r.release?.pushedBy ?? r.triggeredBy],
    ...approvedBy,
    ...sup ? [["Supersedes", `${sup.version} ${sup.image}`]] : [],
    ["Promotion-Record", digest],
    ["Stage-Tag", r.stageTag]
  ];
}
function monitoringTrailers(r, digest) {
  return [
    ["Model", r.model.name],
    ["Model-Version", r.model.version],
    ["Model-Digest", `sha256:${r.model.sha256}`],
    ["Environment", r.environment],
    ["Monitored-Promotion", r.promotion.record],
    ["Monitoring-Record", digest],
    ["Monitoring-Verdict", r.verdict]
  ];
}

const require$9 = createRequire(import.meta.url);
var LOG_FIELDS = {
  oid: "%H",
  parents: "%P",
  an: "%an",
  ae: "%ae",
  ad: "%at",
  cn: "%cn",
  ce: "%ce",
  cd: "%ct",
  subject: "%s",
  trailers: "%(trailers:unfold,only)"
};
var LOG_OPTIONS = [
  "--no-color",
  "--no-show-signature",
  "-z",
  "--raw",
  "--no-abbrev",
  "--no-renames",
  "--full-history",
  "--diff-merges=separate",
  "--reverse"
];
function topPathspecs(paths, globs = []) {
  return [...paths.map((p) => `:(top,literal)${p}`), ...globs.map((g) => `:(top,glob)${g}`)];
}
function logArgs(tip, paths, globs = []) {
  const format = Object.values(LOG_FIELDS).join("%x00");
  return ["log", `--format=${format}`, ...LOG_OPTIONS, tip, "--", ...topPathspecs(paths, globs)];
}
var TAG_FIELDS = {
  ref: "%(refname)",
  type: "%(objecttype)",
  object: "%(objectname)",
  peeledType: "%(*objecttype)",
  peeled: "%(*objectname)",
  tagger: "%(taggername)",
  email: "%(taggeremail:trim)",
  date: "%(taggerdate:unix)",
  subject: "%(contents:subject)"
};
var TAG_ARGS = ["for-each-ref", `--format=${Object.values(TAG_FIELDS).join("%00")}%00`, "refs/tags"];
var GitOutputError = class extends Error {
  constructor(command, why) {
    super(`git ${command} printed output modelgate cannot read (${why}); run it by hand to see what git says`);
    this.name = "GitOutputError";
  }
};
var OID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
var RAW_META = /^:(\d{6}) (\d{6}) ([0-9a-f]{40}(?:[0-9a-f]{24})?) ([0-9a-f]{40}(?:[0-9a-f]{24})?) ([A-Z])\d*$/;
async function logChanges(git, tip, paths, globs = [], started) {
  const ahead = started && sameList(started.paths, paths) && sameList(started.globs, globs) ? started.log : void 0;
  return parseLog(await ahead?.catch(() => void 0) ?? await git.run(logArgs(tip, paths, globs)));
}
var sameList = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
function startHistoryReads(cwd, opts) {
  const reads = {
    paths: opts.paths,
    globs: opts.globs,
    log: gitOutput(cwd, logArgs("HEAD", opts.paths, opts.globs)),
    tags: gitOutput(cwd, TAG_ARGS),
    ...opts.reachable ? { reachable: gitOutput(cwd, ["rev-list", "HEAD"]) } : {}
  };
  for (const p of [reads.log, reads.tags, reads.reachable]) p?.catch(() => {
  });
  readObjects$1(cwd, gitEnvironment(), ["HEAD^{commit}", "HEAD:modelgate.yaml", "HEAD:records"]).catch(() => {
  });
  return reads;
}
function gitOutput(cwd, args) {
  return new Promise((resolve, reject) => {
    let fd;
    try {
      const path = join(tmpdir(), `modelgate-git-${process.pid}-${randomBytes(6).toString("hex")}`);
      fd = openSync(path, "wx+", 384);
      unlinkSync(path);
    } catch (err) {
      return reject(err);
    }
    let open = true;
    const close = () => {
      if (open) closeSync(fd);
      open = false;
    };
    const child = spawn("git", args, { cwd, env: gitEnvironment(), stdio: ["ignore", fd, "ignore"] });
    child.on("error", (err) => {
      close();
      reject(err);
    });
    child.on("close", (code) => {
      try {
        if (code !== 0 || !open) return reject(new Error(`exit ${code}`));
        const out = Buffer.allocUnsafe(fstatSync(fd).size);
        let at = 0;
        while (at < out.length) {
          const n = readSync(fd, out, at, out.length - at, at);
          if (n === 0) break;
          at += n;
        }
        resolve(out.toString("utf8", 0, at));
      } catch (err) {
        reject(err);
      } finally {
        close();
      }
    });
  });
}
function parseLog(out) {
  const rows = [];
  const bad = (why) => {
    throw new GitOutputError("log", why);
  };
  let at = 0;
  let left = 1;
  for (let p = out.indexOf("\0"); p >= 0; p = out.indexOf("\0", p + 1)) left++;
  const next = () => {
    const end = out.indexOf("\0", at);
    const token = end < 0 ? out.slice(at) : out.slice(at, end);
    at = end < 0 ? out.length + 1 : end + 1;
    left--;
    return token;
  };
  const peek = () => at < out.length ? out.charCodeAt(at) : -1;
  while (left > 0) {
    const c = peek();
    if (c === 0 || c === -1 || c === 10 && (at + 1 === out.length || out.charCodeAt(at + 1) === 0)) {
      next();
      continue;
    }
    if (left < FIELD_COUNT) bad(`a commit cut short at field ${tokenIndex(out, at)}`);
    const fields = {
      oid: next(),
      parents: next(),
      an: next(),
      ae: next(),
      ad: next(),
      cn: next(),
      ce: next(),
      cd: next(),
      subject: next(),
      trailers: next()
    };
    if (!OID.test(fields.oid)) bad(`"${fields.oid.slice(0, 50)}" where a commit id belongs`);
    if (fields.parents !== "" && !fields.parents.split(" ").every((p) => OID.test(p)))
      bad(`"${fields.parents.slice(0, 90)}" where parent ids belong`);
    if (!DIGITS.test(fields.ad) || !DIGITS.test(fields.cd)) bad(`commit ${fields.oid} without its dates`);
    const section = [];
    while (left > 0 && (peek() === 58 || peek() === 10 && out.charCodeAt(at + 1) === 58)) {
      const meta = next();
      const s = meta.charCodeAt(0) === 10 ? 1 : 0;
      if (!RAW_META.test(s ? meta.slice(1) : meta) || left === 0)
        bad(`"${meta.slice(0, 120)}" where a change of commit ${fields.oid} belongs`);
      const oldAt = s + 15;
      const oldEnd = meta.charCodeAt(oldAt + 40) === 32 ? oldAt + 40 : oldAt + 64;
      const newEnd = meta.charCodeAt(oldEnd + 41) === 32 ? oldEnd + 41 : oldEnd + 65;
      section.push({
        path: next(),
        status: meta[newEnd + 1],
        oldOid: meta.slice(oldAt, oldEnd),
        newOid: meta.slice(oldEnd + 1, newEnd)
      });
    }
    const last = rows.length > 0 ? rows[rows.length - 1] : void 0;
    if (last && last.oid === fields.oid) last.sections.push(section);
    else {
      const row = fields;
      row.sections = [section];
      rows.push(row);
    }
  }
  for (const r of rows) if (r.sections.length === 1 && r.sections[0].length === 0) r.sections = [];
  return rows;
}
var FIELD_COUNT = Object.keys(LOG_FIELDS).length;
var DIGITS = /^\d+$/;
function tokenIndex(out, at) {
  let n = 0;
  for (let p = out.indexOf("\0"); p >= 0 && p < at; p = out.indexOf("\0", p + 1)) n++;
  return n;
}
async function tagRefs(git, started) {
  return parseTagRefs(await started?.tags.catch(() => void 0) ?? await git.run(TAG_ARGS));
}
var TYPES = /* @__PURE__ */ new Set(["commit", "tag", "tree", "blob"]);
function parseTagRefs(out) {
  const rows = [];
  const bad = (why) => {
    throw new GitOutputError("for-each-ref", why);
  };
  let count = 1;
  for (let p = out.indexOf("\0"); p >= 0; p = out.indexOf("\0", p + 1)) count++;
  let at = 0;
  const next = () => {
    const end = out.indexOf("\0", at);
    const token = end < 0 ? out.slice(at) : out.slice(at, end);
    at = end < 0 ? out.length + 1 : end + 1;
    return token;
  };
  for (let i = 0; i + TAG_FIELD_COUNT < count; i += TAG_FIELD_COUNT) {
    const first = next();
    const fields = {
      ref: first.charCodeAt(0) === 10 ? first.slice(1) : first,
      type: next(),
      object: next(),
      peeledType: next(),
      peeled: next(),
      tagger: next(),
      email: next(),
      date: next(),
      subject: next()
    };
    if (!fields.ref.startsWith("refs/tags/")) bad(`"${fields.ref.slice(0, 80)}" where a tag's ref belongs`);
    if (!TYPES.has(fields.type) || !OID.test(fields.object)) bad(`${fields.ref} without its object`);
    if (fields.peeledType && (!TYPES.has(fields.peeledType) || !OID.test(fields.peeled)))
      bad(`${fields.ref} without the object it peels to`);
    const row = fields;
    row.name = fields.ref.slice(10);
    rows.push(row);
  }
  const rest = count % TAG_FIELD_COUNT === 1 ? out.slice(out.lastIndexOf("\0") + 1) : void 0;
  if (rest === void 0 || rest.trim() !== "") bad("a tag cut short");
  return rows;
}
var TAG_FIELD_COUNT = Object.keys(TAG_FIELDS).length;
async function reachableCommits(git, tip, started) {
  const out = await started?.reachable?.catch(() => void 0) ?? await git.run(["rev-list", tip]);
  return new Set(out.split("\n").filter(Boolean));
}
async function topLevel(git) {
  return await git.tryRun(["rev-parse", "--show-toplevel"]) || void 0;
}

// src/audit/paths.ts
var CONFIG_PATH = "modelgate.yaml";
var LOG_GLOBS = ["**/MODEL_CARD.md"];
var logPaths = (config) => [
  `${config.deploy}/`,
  `${config.records}/`,
  CONFIG_PATH
];
var DEFAULT_LOG_PATHS = logPaths({ deploy: "deploy", records: "records" });

const require$8 = createRequire(import.meta.url);

// src/report/gates.ts
var GATE_RULES = "min/max compare the candidate's point estimate. maxDrop is judged on the 95% paired interval of the delta (candidate \u2212 baseline): it fails when the whole interval is a drop larger than maxDrop, passes when the whole interval is above \u2212maxDrop, and warns when the interval holds both, i.e. the evaluation set cannot tell; maxRise likewise with a rise. When half the interval's width (the smallest change these rows can detect) is larger than the tolerance, the gate says so. Without an interval (no bootstrap resamples) a drop or rise beyond the limit fails on the point estimate and any smaller one warns. A gate with severity warn warns instead of failing.";
var RANK = { pass: 0, warn: 1, fail: 2 };
var worst = (statuses) => {
  let w = "pass";
  for (const s of statuses) if (RANK[s] > RANK[w]) w = s;
  return w;
};
var LATENCY = /^latency_(p50|p95|p99)_ms$/;
function metricValue(record, role, metric) {
  const lat = LATENCY.exec(metric);
  if (lat) {
    const l = record.timings?.latency?.[role];
    return l ? l[`${lat[1]}_ms`] : void 0;
  }
  const r = role === "candidate" ? record.candidate : record.baseline;
  return r?.metrics[metric];
}
function deltaOf(record, metric) {
  const d = record.deltas[metric];
  if (d) return { delta: d.delta, interval: record.bootstrap.resamples > 0 ? d.interval : void 0 };
  const c = metricValue(record, "candidate", metric);
  const b = metricValue(record, "baseline", metric);
  if (typeof c === "number" && typeof b === "number") return { delta: c - b };
  return void 0;
}
function gateLabel(g) {
  if ("sliceGap" in g) return `${g.sliceGap} gap over ${g.over} \u2264 ${fmtLimit(g.max)}`;
  const parts = [];
  if (g.min !== void 0) parts.push(`\u2265 ${fmtLimit(g.min)}`);
  if (g.max !== void 0) parts.push(`\u2264 ${fmtLimit(g.max)}`);
  if (g.maxDrop !== void 0) parts.push(`drop \u2264 ${fmtLimit(g.maxDrop)}`);
  if (g.maxRise !== void 0) parts.push(`rise \u2264 ${fmtLimit(g.maxRise)}`);
  return `${g.metric} ${parts.join(", ") || "(no bound)"}`;
}
function judgeMetricGate(g, record) {
  const m = g.metric;
  const parts = [];
  if (g.min !== void 0 || g.max !== void 0) {
    const v = metricValue(record, "candidate", m);
    if (v === void 0) {
      const have = Object.keys(record.candidate.metrics);
      const hint = LATENCY.test(m) ? "the record has no latency measurement" : `it has ${have.join(", ") || "none"}`;
      parts.push({ status: "fail", reason: `${m} is not in the evaluation record (${hint})` });
    } else if (v === null) {
      parts.push({ status: "fail", reason: `${m} is undefined for the candidate (e.g. one class only in the data)` });
    } else {
      const iv = record.candidate.intervals[m];
      const ivText = iv ? ` (95% interval [${fmt(iv[0], m)}, ${fmt(iv[1], m)}])` : "";
      if (g.min !== void 0 && v < g.min) {
        parts.push({
          status: "fail",
          value: v,
          reason: `${m} ${fmt(v, m)} is below the minimum ${fmtLimit(g.min)}${ivText}`
        });
      } else if (g.max !== void 0 && v > g.max) {
        parts.push({
          status: "fail",
          value: v,
          reason: `${m} ${fmt(v, m)} is above the maximum ${fmtLimit(g.max)}${ivText}`
        });
      } else {
        const bound = [
          g.min !== void 0 ? `\u2265 ${fmtLimit(g.min)}` : "",
          g.max !== void 0 ? `\u2264 ${fmtLimit(g.max)}` : ""
        ].filter(Boolean).join(" and ");
        parts.push({ status: "pass", value: v, reason: `${m} ${fmt(v, m)} ${bound}${ivText}` });
      }
    }
  }
  for (const dir of ["drop", "rise"]) {
    const limit = dir === "drop" ? g.maxDrop : g.maxRise;
    if (limit === void 0) continue;
    if (!record.baseline && !record.timings?.latency?.baseline) {
      parts.push({
        status: "warn",
        reason: `no baseline in the record: the ${m} ${dir} cannot be judged (first version?)`
      });
      continue;
    }
    const d = deltaOf(record, m);
    if (!d) {
      parts.push({ status: "fail", reason: `${m} has no delta against the baseline in the record` });
      continue;
    }
    const signed = dir === "drop" ? -d.delta : d.delta;
    if (d.interval) {
      parts.push(judgeInterval(m, dir, limit, d.delta, d.interval, record.dataset.rows));
    } else if (signed > limit) {
      parts.push({
        status: "fail",
        value: d.delta,
        reason: `${m} ${dir === "drop" ? "drops" : "rises"} by ${fmt(signed, m)}, more than ${limit} (no interval)`
      });
    } else if (signed > 0) {
      parts.push({
        status: "warn",
        value: d.delta,
        reason: `${m} ${dir === "drop" ? "drops" : "rises"} by ${fmt(signed, m)} and no interval decides whether that is noise`
      });
    } else {
      parts.push({ status: "pass", value: d.delta, reason: `${m} delta ${fmtDelta(d.delta, m)} (no interval)` });
    }
  }
  if (parts.length === 0)
    parts.push({ status: "warn", reason: `gate on ${m} sets no bound (min, max, maxDrop, maxRise)` });
  return parts;
}
function judgeInterval(m, dir, limit, delta, interval, rows) {
  const [lo, hi] = interval;
  const ivText = `95% interval ${fmtInterval(interval, m)}`;
  const head = `${m} delta ${fmtDelta(delta, m)}, ${ivText}`;
  const mdc = (hi - lo) / 2;
  const small = mdc > limit ? `; the evaluation set (${rows.toLocaleString("en-US")} rows) is too small to detect a ${dir} of ${limit}: the smallest change it can tell from noise is about ${fmt(mdc, m)} (half the interval's width)` : "";
  const beyondAll = dir === "drop" ? hi < -limit : lo > limit;
  const withinAll = dir === "drop" ? lo >= -limit : hi <= limit;
  if (beyondAll)
    return { status: "fail", value: delta, reason: `${head}: the whole interval is a ${dir} larger than ${limit}` };
  if (withinAll) return { status: "pass", value: delta, reason: `${head}: any ${dir} is within ${limit}${small}` };
  return {
    status: "warn",
    value: delta,
    reason: `${head}: a ${dir} larger than ${limit} is neither shown nor ruled out${small || "; more evaluation rows would decide"}`
  };
}
function judgeSliceGap(g, record) {
  const f = record.fairness.find((x) => x.over === g.over && x.metric === g.sliceGap && x.role === "candidate");
  let gap;
  let hi;
  let lo;
  if (f) {
    gap = f.gap;
    hi = f.max;
    lo = f.min;
  } else {
    const rows = record.slices.filter((s) => s.column === g.over && s.supported && typeof s.candidate[g.sliceGap] === "number").map((s) => ({ value: s.value, metric: s.candidate[g.sliceGap] }));
    if (rows.length < 2) {
      const any = record.slices.some((s) => s.column === g.over);
      return [
        {
          status: "fail",
          reason: any ? `fewer than two supported slices of ${g.over} have ${g.sliceGap}: the gap cannot be judged` : `the record has no slices over ${g.over}; add it to spec.evaluation.slices and evaluate again`
        }
      ];
    }
    rows.sort((a, b) => a.metric - b.metric);
    lo = rows[0];
    hi = rows[rows.length - 1];
    gap = hi.metric - lo.metric;
  }
  const text = `${g.sliceGap} gap over ${g.over} ${fmt(gap)} (${hi.value} ${fmt(hi.metric)} vs ${lo.value} ${fmt(lo.metric)})`;
  return gap > g.max ? [{ status: "fail", value: gap, reason: `${text} exceeds ${g.max}` }] : [{ status: "pass", value: gap, reason: `${text} \u2264 ${g.max}` }];
}
function concerns(model, modelFile, datasetFiles, f) {
  const dir = modelFile ? modelFile.replace(/[^/]*$/, "") : void 0;
  if (dir && f.file.startsWith(dir)) return true;
  const names = /* @__PURE__ */ new Set([...model.spec.evaluation.datasets, ...model.spec.training?.datasets ?? []]);
  for (const n of names) {
    const file = datasetFiles.get(n);
    if (file && (f.file === file || f.file === file.replace(/\.ya?ml$/, ""))) return true;
  }
  return false;
}
var WARNING_LABELS = {
  roc_auc_below_chance: "ROC AUC below chance",
  roc_auc_near_chance: "ROC AUC near chance"
};
function modelFindings(input) {
  return (input.findings ?? []).filter(
    (f) => concerns(input.model, input.modelFile, input.datasetFiles ?? /* @__PURE__ */ new Map(), f)
  );
}
function judge(input) {
  const { model, record } = input;
  const name = model.metadata.name;
  const results = [];
  if (!record) {
    results.push({
      index: -1,
      label: "evaluation record",
      status: "fail",
      reason: input.recordRefused ?? `no evaluation record for ${name}${input.recordPath ? ` at ${input.recordPath}` : ""}; run \`modelgate evaluate ${name}\` first`,
      path: ["metadata", "name"]
    });
  } else if (record.model.name !== name) {
    results.push({
      index: -1,
      label: "evaluation record",
      status: "fail",
      reason: `the evaluation record is for model ${record.model.name}, not ${name}`,
      path: ["metadata", "name"]
    });
  }
  const errors = modelFindings(input).filter((f) => f.severity === "error");
  if (errors.length > 0) {
    results.push({
      index: -1,
      label: "validation",
      status: "fail",
      reason: `${errors.length} validation error${errors.length === 1 ? "" : "s"}, first: ${errors[0].file}${errors[0].line ? `:${errors[0].line}` : ""} ${errors[0].message}`,
      path: ["metadata", "name"]
    });
  }
  if (record && record.model.name === name) {
    for (const w of record.warnings ?? []) {
      results.push({
        index: -1,
        label: WARNING_LABELS[w.code] ?? "evaluation warning",
        status: "warn",
        reason: w.message,
        path: ["spec", "label"]
      });
    }
    model.spec.gates.forEach((g, index) => {
      const parts = "sliceGap" in g ? judgeSliceGap(g, record) : judgeMetricGate(g, record);
      let status = worst(parts.map((p) => p.status));
      const decisive = parts.filter((p) => p.status === status);
      if (status === "fail" && g.severity === "warn") status = "warn";
      results.push({
        index,
        gate: g,
        label: gateLabel(g),
        metric: "sliceGap" in g ? g.sliceGap : g.metric,
        status,
        reason: decisive.map((p) => p.reason).join("; ") + (g.severity === "warn" && decisive[0].status === "fail" ? " (severity: warn)" : ""),
        value: decisive[0]?.value,
        path: ["spec", "gates", index]
      });
    });
  }
  return { model: name, status: worst(results.map((r) => r.status)), results };
}

const require$7 = createRequire(import.meta.url);
function gitBlobId(content, format) {
  return createHash(format).update(`blob ${content.byteLength}\0`).update(content).digest("hex");
}
function prefixIndex(text, format) {
  const index = /* @__PURE__ */ new Map();
  if (text === void 0) return index;
  const buf = Buffer.from(text, "utf8");
  let count = 0;
  index.set(gitBlobId(buf.subarray(0, 0), format), 0);
  for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) {
    count++;
    index.set(gitBlobId(buf.subarray(0, i + 1), format), count);
  }
  if (buf.length > 0 && buf[buf.length - 1] !== 10) index.set(gitBlobId(buf, format), count + 1);
  return index;
}

// src/audit/judging.ts
var short = (oid) => oid ? oid.slice(0, 12) : "(none)";
function readEvaluation(buf) {
  let json;
  try {
    json = JSON.parse(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString("utf8"));
  } catch (err) {
    return { error: `not JSON: ${err.message}` };
  }
  const ok = json?.kind === "EvaluationRecord" && typeof json.model?.name === "string" && typeof json.candidate?.sha256 === "string" && typeof json.candidate.metrics === "object" && typeof json.dataset?.sha256 === "string" && Array.isArray(json.slices ?? []);
  return ok ? { record: json } : { error: "not an evaluation record (kind, model, candidate or dataset missing)" };
}
var boundRecord = (r) => ({
  model: r.model,
  data: r.data,
  source: r.source,
  evaluation: { metrics: r.evaluation.metrics }
});
function bindingGaps(r, ev, manifest) {
  const wrong = [];
  if (ev.candidate.sha256 !== r.model.sha256)
    wrong.push(
      `it evaluated the artifact sha256:${ev.candidate.sha256}, but the record published sha256:${r.model.sha256}`
    );
  if (ev.model.name !== r.model.name) wrong.push(`it evaluated model ${ev.model.name}, not ${r.model.name}`);
  if (ev.model.version !== void 0 && ev.model.version !== r.model.version)
    wrong.push(`it evaluated version ${ev.model.version}, but the record published ${r.model.version}`);
  if (r.data.length > 0 && !r.data.some((d) => d.sha256 === ev.dataset.sha256))
    wrong.push(
      `it evaluated data sha256:${ev.dataset.sha256}, but the record names ${r.data.map((d) => `${d.name} sha256:${d.sha256}`).join(", ")}`
    );
  for (const [k, v] of Object.entries(r.evaluation.metrics)) {
    if (ev.candidate.metrics[k] !== v)
      wrong.push(`metric ${k} is ${ev.candidate.metrics[k]} there, ${v} in the record`);
  }
  if (manifest?.spec.artifact.sha256 && manifest.spec.artifact.sha256 !== r.model.sha256)
    wrong.push(
      `the manifest at the source commit ${short(r.source)} declares artifact sha256:${manifest.spec.artifact.sha256}`
    );
  return wrong;
}
function judgeEvaluation(ev, manifest) {
  try {
    const verdict = judge({
      model: manifest,
      record: { ...ev, slices: ev.slices ?? [], fairness: ev.fairness ?? [], deltas: ev.deltas ?? {} }
    });
    return {
      results: verdict.results.map((g) => ({ label: g.label, status: g.status, reason: g.reason, index: g.index }))
    };
  } catch (err) {
    return { error: err.message };
  }
}
function answerEvaluation(buf, r, manifest) {
  const read = readEvaluation(buf);
  if (!read.record) return { error: read.error };
  const wrong = bindingGaps(r, read.record, manifest);
  return manifest ? { wrong, judged: judgeEvaluation(read.record, manifest) } : { wrong };
}

const require$6 = createRequire(import.meta.url);

// src/audit/config-check.ts
var isObj = (x) => typeof x === "object" && x !== null && !Array.isArray(x);
var isString = (x) => typeof x === "string";
var nonEmpty = (x) => typeof x === "string" && x.length >= 1;
var isBool = (x) => typeof x === "boolean";
var oneOf = (...values) => (x) => typeof x === "string" && values.includes(x);
var matches = (re) => (x) => typeof x === "string" && re.test(x);
var int = (min) => (x) => typeof x === "number" && Number.isSafeInteger(x) && x >= min;
var positive = (x) => typeof x === "number" && Number.isFinite(x) && x > 0;
var listOf = (item) => (x) => Array.isArray(x) && x.every(item);
var recordOf = (value, keys) => (x) => isObj(x) && Object.keys(x).every((k) => k !== "__proto__" && (!keys || keys.includes(k)) && value(x[k]));
var strict = (fields, required = []) => (x) => isObj(x) && required.every((k) => Object.hasOwn(x, k)) && Object.keys(x).every((k) => Object.hasOwn(fields, k) && fields[k](x[k]));
var name = matches(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/);
var team = matches(/^[^/\s]+\/[^/\s]+$/);
var digest = matches(/^sha256:[0-9a-f]{64}$/);
var environment = strict(
  {
    name,
    promotion: oneOf("direct", "pull-request"),
    requiresTag: isBool,
    githubEnvironment: isString,
    requiresApproval: isBool,
    offlineReleases: isBool,
    namespace: name
  },
  ["name"]
);
var deploy = (x) => strict({
  gitops: oneOf("argocd", "flux"),
  argocd: strict({
    repoURL: nonEmpty,
    targetRevision: nonEmpty,
    namespace: name,
    project: nonEmpty,
    server: nonEmpty
  }),
  flux: strict({
    namespace: name,
    sourceRef: strict({ kind: oneOf("GitRepository", "OCIRepository", "Bucket"), name }),
    interval: matches(/^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$/)
  })
})(x) && // the schema's refinement: Argo CD's objects need the repository it reads
(x.gitops !== "argocd" || nonEmpty(x.argocd?.repoURL));
var spec = strict({
  registry: isString,
  base: strict({ image: isString, digest }, ["image"]),
  kserve: strict({ version: oneOf("0.20.0"), storage: oneOf("modelcar", "image-volume") }),
  deploy,
  environments: listOf(environment),
  approval: strict({
    approvals: int(1),
    reviewers: strict({ users: listOf(nonEmpty), teams: listOf(team), codeowners: isBool }),
    riskClass: recordOf(strict({ extraApprovals: int(0), teams: listOf(team) }), ["minimal", "limited", "high"]),
    excludeCommitAuthors: isBool
  }),
  releasers: strict({ users: listOf(isString), teams: listOf(isString) }),
  drift: strict({ psiWarn: positive, psiFail: positive }),
  paths: strict({ models: isString, data: isString, deploy: isString, records: isString }),
  gitops: strict({ remote: isString, branch: isString }),
  identity: strict({ name: nonEmpty, email: nonEmpty }),
  github: strict({ app: nonEmpty, statusCreator: nonEmpty }),
  storage: strict({ s3: strict({ forcePathStyle: isBool }) }),
  allowWarn: isBool,
  attest: oneOf("required", "optional", "off"),
  trustPolicy: isString
});
var config = strict(
  {
    apiVersion: (x) => x === API_VERSION,
    kind: (x) => x === "Config",
    metadata: strict({ name, labels: recordOf(isString), annotations: recordOf(isString) }, ["name"]),
    spec
  },
  ["apiVersion", "kind", "metadata"]
);
function auditConfigOf(raw) {
  if (!config(raw)) return void 0;
  const s = raw.spec ?? {};
  const paths = s.paths ?? {};
  const identity = s.identity ?? {};
  const gitops = s.gitops ?? {};
  const environments = s.environments ?? DEFAULT_ENVIRONMENTS;
  return {
    // a configured folder as the schema normalises it (a default is taken as written)
    records: paths.records === void 0 ? "records" : repoPath(paths.records),
    deploy: paths.deploy === void 0 ? "deploy" : repoPath(paths.deploy),
    models: paths.models === void 0 ? "models" : repoPath(paths.models),
    data: paths.data === void 0 ? "data" : repoPath(paths.data),
    identity: {
      name: identity.name ?? "modelgate[bot]",
      email: identity.email ?? "modelgate-bot@users.noreply.github.com"
    },
    environments: environments.map((e) => ({
      name: e.name,
      requiresApproval: e.requiresApproval === true,
      ...e.offlineReleases === true ? { offlineReleases: true } : {}
    })),
    gitops: { remote: gitops.remote ?? null, branch: gitops.branch ?? null }
  };
}
var DEFAULT_ENVIRONMENTS = [{ name: "staging" }, { name: "production" }];
var defaultAuditConfig = () => auditConfigOf({ apiVersion: API_VERSION, kind: "Config", metadata: { name: "audit" } });

// src/audit/history.ts
var ZERO = /^0+$/;
function utc(date) {
  if (isUtcSecond(date)) return date;
  const t = Date.parse(date);
  return Number.isFinite(t) ? isoSeconds(new Date(t).toISOString()) : date;
}
function parseIdentLine(text) {
  const m = /^(.*?) <([^>]*)> (\d+) ([+-]\d{4})$/.exec(text.trim());
  if (!m) return void 0;
  return { name: m[1], email: m[2], date: fromEpoch(m[3]) };
}
function parseCommitObject(text) {
  const head = text.slice(0, text.indexOf("\n\n") >= 0 ? text.indexOf("\n\n") : text.length);
  const parents = [];
  let author;
  let committer;
  for (const line of head.split("\n")) {
    if (line.startsWith("parent ")) parents.push(line.slice(7));
    else if (line.startsWith("author ")) author = parseIdentLine(line.slice(7));
    else if (line.startsWith("committer ")) committer = parseIdentLine(line.slice(10));
  }
  return { parents, author, committer };
}
var epochDates = /* @__PURE__ */ new Map();
var fromEpoch = (s) => {
  let date = epochDates.get(s);
  if (date === void 0) {
    date = isoSeconds(new Date(Number(s) * 1e3).toISOString());
    if (epochDates.size >= 1e5) epochDates.clear();
    epochDates.set(s, date);
  }
  return date;
};
var DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
var isLeap = (y) => y % 4 === 0 && y % 100 !== 0 || y % 400 === 0;
var UTC_SECOND = /^(\d\d)(\d\d)-(\d\d)-(\d\d)T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/;
function isUtcSecond(d) {
  const m = d.length === 20 ? UTC_SECOND.exec(d) : null;
  if (m === null) return false;
  const month = Number(m[3]);
  const day = Number(m[4]);
  if (month < 1 || month > 12 || day < 1) return false;
  if (day <= DAYS_IN_MONTH[month - 1]) return true;
  return month === 2 && day === 29 && isLeap(Number(m[1]) * 100 + Number(m[2]));
}
var isoSeconds = (iso) => iso.length === 24 && iso.charCodeAt(19) === 46 ? `${iso.slice(0, 19)}Z` : iso.replace(/\.\d{3}Z$/, "Z");
function configFrom(read, strict2 = false) {
  const spec2 = read.value?.spec;
  if (read.found && !spec2 && strict2) {
    const f = read.findings.find((x) => x.severity === "error");
    throw new UserError(
      `${f?.file ?? read.file}: ${f?.message ?? "not a valid configuration"}${f ? ` (line ${f.line})` : ""}; run \`modelgate validate\``
    );
  }
  if (!spec2) return defaultAuditConfig();
  return {
    records: spec2.paths.records,
    deploy: spec2.paths.deploy,
    models: spec2.paths.models,
    data: spec2.paths.data,
    identity: spec2.identity,
    environments: spec2.environments.map((e) => ({
      name: e.name,
      requiresApproval: e.requiresApproval,
      ...e.offlineReleases ? { offlineReleases: true } : {}
    })),
    gitops: { remote: spec2.gitops.remote ?? null, branch: spec2.gitops.branch ?? null }
  };
}
async function headConfig(ref, bytes) {
  if (bytes === void 0) return defaultAuditConfig();
  const fast = auditConfigOf(fastYamlValue(bytes.toString("utf8")));
  if (fast) return fast;
  const { manifestAt } = await import('./at-commit-TQPEZABA-CUCtJJ0O.js');
  return configFrom(manifestAt(ref, "modelgate.yaml", bytes, "Config"), true);
}
async function readHead(git, ref) {
  let got;
  try {
    got = await git.catFileBatch([`${ref}^{commit}`, `${ref}:modelgate.yaml`, `${ref}:records`]);
  } catch (err) {
    if (/not a git repository/i.test(err.message))
      throw new UserError(`${git.dir} is not in a git repository; audit reads a clone's history`);
    throw err;
  }
  const [head, cfgBlob, records] = got;
  if (head?.type !== "commit") {
    throw new UserError(
      `${ref} is not a commit in ${git.dir}; audit reads the GitOps branch (pass --ref, e.g. origin/main, and clone with its whole history: git clone, or actions/checkout with fetch-depth: 0)`
    );
  }
  const tip = head.oid;
  return {
    ref,
    tip,
    tipDate: parseCommitObject(head.content.toString("utf8")).committer?.date ?? "",
    objectFormat: tip.length === 64 ? "sha256" : "sha1",
    config: await headConfig(ref, cfgBlob?.type === "blob" ? cfgBlob.content : void 0),
    configBytes: cfgBlob?.content,
    recordsTree: records?.type === "tree" ? records.content : void 0
  };
}
function tagInfo(t) {
  const annotated = t.type === "tag";
  return {
    name: t.name,
    annotated,
    object: t.object,
    commit: annotated ? t.peeledType === "commit" ? t.peeled : void 0 : t.type === "commit" ? t.object : void 0,
    tagger: annotated && t.date ? { name: t.tagger, email: t.email, date: fromEpoch(t.date) } : void 0,
    subject: t.subject
  };
}
var tagModels = /* @__PURE__ */ new WeakMap();
function modelNamesOfTags(tags) {
  let names = tagModels.get(tags);
  if (!names) {
    names = /* @__PURE__ */ new Set();
    for (const t of tags) {
      const p = parseTag(t.name);
      if (p && isModelName(p.name)) names.add(p.name);
    }
    tagModels.set(tags, names);
  }
  return names;
}
async function readHistory(git, head, opts) {
  const { tip, config: config2 } = head;
  const started = opts.started;
  const [log, tags, reachable] = await Promise.all([
    logChanges(git, tip, logPaths(config2), LOG_GLOBS, started),
    tagRefs(git, started).then((refs) => {
      const tags2 = refs.map(tagInfo);
      modelNamesOfTags(tags2);
      return tags2;
    }),
    opts.reachable ? reachableCommits(git, tip, started) : Promise.resolve(void 0)
  ]);
  const commits = log.map((r) => {
    const parents = r.parents ? r.parents.split(" ") : [];
    const { changes, touched } = changesOf(parents, r.sections);
    return {
      oid: r.oid,
      parents,
      author: { name: r.an, email: r.ae, date: fromEpoch(r.ad) },
      committer: { name: r.cn, email: r.ce, date: fromEpoch(r.cd) },
      subject: r.subject,
      trailers: parseTrailers(r.trailers),
      changes,
      touched
    };
  });
  return {
    ...head,
    commits,
    byOid: new Map(commits.map((c) => [c.oid, c])),
    reachable,
    tags
  };
}
function changesOf(parents, sections) {
  if (sections.length === 0) return { changes: [], touched: [] };
  if (parents.length <= 1) return { changes: sections[0], touched: sections[0] };
  const touched = /* @__PURE__ */ new Map();
  for (const s of sections) for (const ch of s) if (!touched.has(ch.path)) touched.set(ch.path, ch);
  const inAll = sections.length === parents.length ? sections.slice(1).map((s) => new Set(s.map((ch) => ch.path))) : void 0;
  const changes = inAll ? sections[0].filter((ch) => inAll.every((paths) => paths.has(ch.path))) : [];
  return { changes, touched: [...touched.values()] };
}
function treeFolders(tree, format) {
  const out = [];
  if (!tree) return out;
  const idLength = format === "sha256" ? 32 : 20;
  for (let pos = 0; pos < tree.length; ) {
    const space = tree.indexOf(32, pos);
    const nul = tree.indexOf(0, space);
    if (space < 0 || nul < 0) break;
    if (tree.toString("latin1", pos, space) === "40000") out.push(tree.toString("utf8", space + 1, nul));
    pos = nul + 1 + idLength;
  }
  return out;
}
async function readObjects(git, names) {
  const list = [...new Set(names)];
  const got = await git.catFileBatch(list);
  return new Map(list.map((n, i) => [n, got[i]?.content]));
}
function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
var deployRe = /* @__PURE__ */ new Map();
var deployPaths = /* @__PURE__ */ new WeakMap();
function deployPathOf(snap, path) {
  let known2 = deployPaths.get(snap);
  if (!known2) {
    known2 = /* @__PURE__ */ new Map();
    deployPaths.set(snap, known2);
  }
  if (known2.has(path)) return known2.get(path);
  const d = readDeployPath(snap, path);
  known2.set(path, d);
  return d;
}
function readDeployPath(snap, path) {
  let re = deployRe.get(snap.config.deploy);
  if (!re) {
    re = new RegExp(`^${escapeRe(snap.config.deploy)}/([^/]+)/(.+)$`);
    deployRe.set(snap.config.deploy, re);
  }
  const m = re.exec(path);
  if (!m) return void 0;
  const o = /^overlays\/([^/]+)\/(.+)$/.exec(m[2]);
  if (o) return { model: m[1], env: o[1], file: o[2], base: false };
  return { model: m[1], file: m[2], base: m[2].startsWith("base/") };
}
function overlayOf(snap, path) {
  const d = deployPathOf(snap, path);
  return d?.env && d.file === "kustomization.yaml" ? { model: d.model, env: d.env } : void 0;
}
var known = /* @__PURE__ */ new WeakMap();
function hashAhead(bufs) {
  const jobs = [];
  for (const buf of bufs) {
    if (!buf || known.has(buf)) continue;
    jobs.push(
      webcrypto.subtle.digest("SHA-256", buf).then(
        (d) => {
          known.set(buf, `sha256:${Buffer.from(d).toString("hex")}`);
        },
        () => {
        }
        // hashed when asked
      )
    );
  }
  return Promise.all(jobs).then(() => {
  });
}
function digestOf(buf) {
  return known.get(buf) ?? sha256Of(buf);
}

// src/audit/ledgers.ts
function ledgerModels(snap) {
  const names = /* @__PURE__ */ new Set();
  const re = new RegExp(`^${escapeRe(snap.config.records)}/([^/]+)/promotions\\.jsonl$`);
  for (const c of snap.commits)
    for (const ch of c.touched) {
      const m = re.exec(ch.path);
      if (m) names.add(m[1]);
    }
  return names;
}
function modelsOf(snap) {
  const names = ledgerModels(snap);
  for (const n of modelNamesOfTags(snap.tags)) names.add(n);
  return [...names].sort();
}
var lines = (text) => text.split("\n").filter((l) => l.trim() !== "");
var byPath = /* @__PURE__ */ new WeakMap();
function ledgerChanges(snap, path) {
  let index = byPath.get(snap);
  if (!index) {
    index = /* @__PURE__ */ new Map();
    for (const c of snap.commits)
      for (const ch of c.changes) {
        const list = index.get(ch.path) ?? [];
        list.push({ commit: c, change: ch });
        index.set(ch.path, list);
      }
    byPath.set(snap, index);
  }
  return index.get(path) ?? [];
}
function planLedger(snap, model, text, opts) {
  const path = promotionsPath(snap.config.records, model);
  const appends = /* @__PURE__ */ new Map();
  const read = /* @__PURE__ */ new Set();
  if (!opts.exact) {
    const lineOf = new Map(opts.parsed.entries.map((e) => [e.digest, e.line]));
    for (const { commit, change } of ledgerChanges(snap, path)) {
      for (const d of commit.trailers.get("Promotion-Record") ?? []) {
        const line = lineOf.get(d);
        if (line !== void 0) appends.set(`${commit.oid}:${change.newOid}`, line);
      }
    }
    return { path, appends, read: [], exact: false };
  }
  const index = opts.index ?? prefixIndex(text, snap.objectFormat);
  const tipLines = text === void 0 ? [] : text.split("\n");
  for (const { commit, change } of ledgerChanges(snap, path)) {
    const before = ZERO.test(change.oldOid) ? 0 : index.get(change.oldOid);
    const after = ZERO.test(change.newOid) ? void 0 : index.get(change.newOid);
    if (before !== void 0 && after !== void 0 && after === before + 1 && tipLines[after - 1].trim() !== "") {
      appends.set(`${commit.oid}:${change.newOid}`, after);
      continue;
    }
    if (!ZERO.test(change.oldOid)) read.add(change.oldOid);
    if (!ZERO.test(change.newOid)) read.add(change.newOid);
  }
  return { path, appends, read: [...read], exact: true };
}
function parseLine(line) {
  let json;
  try {
    json = JSON.parse(line);
  } catch {
    return {};
  }
  const r = parsePromotionRecord(json);
  return r.success ? { record: r.data, digest: recordDigest(json) } : {};
}
var describe$1 = (line) => {
  const { record, digest: digest2 } = parseLine(line);
  if (record) return `#${record.sequence} (${actionText(record)}, ${digest2})`;
  try {
    const j = JSON.parse(line);
    if (typeof j.sequence === "number") return `#${j.sequence} (not a valid record)`;
  } catch {
  }
  return `"${line.slice(0, 60)}${line.length > 60 ? "\u2026" : ""}"`;
};
function changedFields(a, b) {
  let x;
  let y;
  try {
    x = JSON.parse(a);
    y = JSON.parse(b);
  } catch {
    return [];
  }
  const out = [];
  const walk = (p, u, v) => {
    if (JSON.stringify(u) === JSON.stringify(v)) return;
    if (u && v && typeof u === "object" && typeof v === "object" && !Array.isArray(u) && !Array.isArray(v)) {
      for (const k of /* @__PURE__ */ new Set([...Object.keys(u), ...Object.keys(v)]))
        walk(p ? `${p}.${k}` : k, u[k], v[k]);
      return;
    }
    out.push(p || "(the whole record)");
  };
  walk("", x, y);
  return out;
}
function classify(before, after) {
  const isPrefix = before.length <= after.length && before.every((l, i) => after[i] === l);
  if (isPrefix) {
    const added2 = after.slice(before.length);
    if (added2.length === 1) return { kind: "append", added: added2, message: "" };
    return {
      kind: "bulk",
      added: added2,
      message: `appended ${added2.length} records in one commit (${added2.map(describe$1).join(", ")}); modelgate appends one record per commit, with its trailers`
    };
  }
  const beforeSet = new Set(before);
  const afterSet = new Set(after);
  const removed = before.filter((l) => !afterSet.has(l));
  const added = after.filter((l) => !beforeSet.has(l));
  if (added.length === 0 && removed.length > 0) {
    return {
      kind: "deleted",
      added,
      message: `deleted ${removed.length === 1 ? "record" : `${removed.length} records`} ${removed.map(describe$1).join(", ")}`
    };
  }
  if (removed.length === 0 && added.length > 0) {
    const at = after.indexOf(added[0]);
    return {
      kind: "inserted",
      added,
      message: `inserted ${added.map(describe$1).join(", ")} at line ${at + 1}, before ${describe$1(after[at + 1] ?? "")}: records are only ever appended, in order`
    };
  }
  if (removed.length === 0 && added.length === 0) {
    return { kind: "reordered", added, message: "reordered the records (same lines, another order)" };
  }
  if (removed.length === added.length && removed.every((l) => before.indexOf(l) === after.indexOf(added[removed.indexOf(l)]))) {
    const parts = removed.map((l, i) => {
      const fields = changedFields(l, added[i]);
      return `${describe$1(l)}${fields.length ? `: ${fields.join(", ")} changed` : ""}`;
    });
    return {
      kind: "edited",
      added,
      message: `edited record ${parts.join("; ")}`,
      replaced: new Map(added.map((l, i) => [l, removed[i]]))
    };
  }
  return {
    kind: "rewritten",
    added,
    message: `rewrote the ledger: removed ${removed.map(describe$1).join(", ")}; added ${added.map(describe$1).join(", ")}`
  };
}
function indexLedger(snap, model, text, plan, blobs, parsed = parseLedger(text ?? "")) {
  const tipLines = text === void 0 ? [] : text.split("\n");
  const known2 = new Map(parsed.entries.map((e) => [tipLines[e.line - 1], { record: e.record, digest: e.digest }]));
  const added = /* @__PURE__ */ new Map();
  const byCommit = /* @__PURE__ */ new Map();
  const rewrites = [];
  const removed = /* @__PURE__ */ new Set();
  let unreadable = false;
  const add = (line, commit, tampered) => {
    if (added.has(line)) return;
    const a = { line, commit, tampered };
    const read = known2.get(line) ?? parseLine(line);
    if ("record" in read) a.record = read.record;
    if ("digest" in read) a.digest = read.digest;
    added.set(line, a);
    const list = byCommit.get(commit) ?? [];
    list.push(a);
    byCommit.set(commit, list);
  };
  for (const { commit, change } of ledgerChanges(snap, plan.path)) {
    const k = plan.appends.get(`${commit.oid}:${change.newOid}`);
    if (k !== void 0 && tipLines[k - 1].trim() !== "") {
      add(tipLines[k - 1], commit.oid, false);
      continue;
    }
    if (!plan.exact) continue;
    const read = (oid) => ZERO.test(oid) ? [] : blobs.get(oid) !== void 0 ? lines(blobs.get(oid).toString("utf8")) : void 0;
    const before = read(change.oldOid);
    const after = read(change.newOid);
    if (before === void 0 || after === void 0) {
      unreadable = true;
      rewrites.push({
        commit: commit.oid,
        message: `changed ${plan.path}, but a version of it is missing from the repository`,
        expected: "every version of the ledger readable in git"
      });
      continue;
    }
    const kept = new Set(after);
    for (const l of before) if (!kept.has(l)) removed.add(l);
    if (ZERO.test(change.newOid)) {
      rewrites.push({
        commit: commit.oid,
        message: `deleted ${plan.path} (${before.length} record${before.length === 1 ? "" : "s"})`,
        expected: "the ledger kept, and only ever appended to"
      });
      continue;
    }
    const c = classify(before, after);
    if (c.kind === "append") {
      add(c.added[0], commit.oid, false);
      continue;
    }
    for (const l of c.added) add(l, added.get(c.replaced?.get(l) ?? "")?.commit ?? commit.oid, true);
    rewrites.push({
      commit: commit.oid,
      message: `${plan.path}: ${c.message}`,
      expected: "one record appended at the end, chained to the last"
    });
  }
  if (plan.exact && !unreadable) rewrites.push(...dropped(snap, plan.path, tipLines, added, removed));
  return {
    model,
    path: plan.path,
    text,
    lines: tipLines,
    entries: parsed.entries,
    problems: parsed.problems,
    chain: chainProblems(parsed.entries),
    added,
    byCommit,
    rewrites
  };
}
function dropped(snap, path, tipLines, added, removed) {
  const atTip = new Set(tipLines);
  const out = [];
  for (const a of added.values()) {
    if (atTip.has(a.line) || removed.has(a.line)) continue;
    out.push({
      commit: a.commit,
      message: `${path}: record ${describe$1(a.line)} it appended is not in the ledger at ${snap.ref}, and no commit of the history deleted it: a merge dropped it`,
      expected: "every record appended kept in the ledger, which is only ever appended to"
    });
  }
  return out;
}
function entryLine(view, entry) {
  return view.lines[entry.line - 1] ?? "";
}
function addedBy(view, entry) {
  return view.added.get(entryLine(view, entry));
}

const require$5 = createRequire(import.meta.url);

// src/audit/render.ts
function v(value) {
  const s = String(value);
  return /^[A-Za-z0-9][A-Za-z0-9._:/@#!+=-]*$/.test(s) ? s : escapeMd(s);
}
var e = v;
function prose(text) {
  return text.replace(/[\r\n]+/g, " ").split(/(\s+)/).map((tok) => {
    if (/^\s*$/.test(tok)) return tok;
    const m = /^([("]*)(.*?)([)",;:.]*)$/.exec(tok);
    return m[2] ? `${m[1]}${v(m[2])}${m[3]}` : v(tok);
  }).join("");
}
var hexShort = (s) => s && /^[0-9a-f]{7,64}$/.test(s) ? s.slice(0, 12) : s ? e(s) : "\u2014";
var sh = (s) => s ? s.slice(0, 12) : "(none)";
function metric(x) {
  return x === null ? "n/a" : Math.abs(x) >= 100 ? x.toFixed(1) : x.toFixed(4);
}
function describe(x, f) {
  const pr = x.pullRequest;
  switch (x.kind) {
    case "proposed":
      return pr ? `pull request #${pr.number} by ${f(pr.author)}; evaluated and approved head ${f(sh(pr.head))}${x.at ? ` (committed ${f(x.at)})` : " (not in this clone)"}` : "proposed";
    case "trained": {
      const t = x.training;
      if (!t) return "trained";
      const data = t.datasets.map((d) => `${f(d.name)} (sha256:${f(d.sha256.slice(0, 12))})`).join(", ");
      return `trained in ${t.durationSeconds.toFixed(1)} s on ${data || "no declared dataset"}: sha256:${f(t.output.slice(0, 12))} (${f(t.record)})`;
    }
    case "evaluated": {
      const ev = x.evaluation;
      if (!ev) return "evaluated";
      const counts = /* @__PURE__ */ new Map();
      for (const g of ev.gates) counts.set(g.status, (counts.get(g.status) ?? 0) + 1);
      const metrics = Object.entries(ev.metrics).slice(0, 4).map(([k, m]) => `${f(k)} ${metric(m)}`);
      return `evaluation record ${f(ev.record.slice(0, 19))}\u2026: ${metrics.join(", ")}; gates: ${[...counts].map(([st, n]) => `${n} ${f(st)}`).join(", ") || "none"}; verdict ${f(ev.verdict)}`;
    }
    case "approved": {
      const a = x.approval;
      if (!a) return "approved";
      const which = pr ? a.commit === pr.head ? " (the evaluated head)" : ` (not the evaluated head ${f(sh(pr.head))})` : "";
      return `review ${a.reviewId} approves ${f(sh(a.commit))}${which}`;
    }
    case "published":
      return `to ${f(x.environment ?? "")} by ${x.commit ? `commit ${f(sh(x.commit))}` : "a commit not in the history"}, stage tag ${f(x.tag ?? "")}; merged as ${f(sh(x.source))}`;
    case "released":
    case "rolled-back": {
      const r = x.release;
      const approved = (r?.environmentApprovals ?? []).filter((a) => a.state === "approved").map((a) => f(a.user));
      return `${r ? `${f(r.tag)} ` : ""}to ${f(x.environment ?? "")}${r?.supersedes ? ` replacing ${f(r.supersedes.version)}` : ""} by ${x.commit ? `commit ${f(sh(x.commit))}` : "a commit not in the history"}, stage tag ${f(x.tag ?? "")}; ${approved.length ? `approved for ${f(x.environment ?? "")} by ${approved.join(", ")}` : `no ${f(x.environment ?? "")} approval recorded`}`;
    }
    case "registered":
      return `${f(x.tag ?? "")} on ${f(sh(x.commit))}${x.at ? "" : " (a lightweight tag: no tagger, no date)"}`;
    case "unassigned":
      return `${f(x.environment ?? "")} unassigned by ${f(x.tag ?? "")} on ${f(sh(x.commit))}`;
    case "deregistered":
      return `version ${f(x.version ?? "")} deregistered by ${f(x.tag ?? "")}`;
    case "assigned":
      return `${f(x.environment ?? "")} assigned by ${f(x.tag ?? "")} on ${f(sh(x.commit))}, with no promotion record (a tag made with GTO or by hand)`;
    case "deprecated":
      return `${f(x.model)} deprecated by ${f(x.tag ?? "")} on ${f(sh(x.commit))}`;
    case "monitored": {
      const m = x.monitoring;
      return `monitoring of ${f(x.environment ?? "")}: ${f(m?.verdict ?? "")}, record ${f(m?.path ?? m?.record ?? "")} by commit ${f(sh(x.commit))}`;
    }
  }
}
function placementsTable(list) {
  if (list.length === 0) return "No environment holds a version yet.\n";
  const rows = list.map(
    (p) => `| ${e(p.environment)} | ${e(p.version ?? "\u2014")} | ${e(p.image ?? "\u2014")} | ${e(p.since ?? "\u2014")} | ${p.record ? `#${p.record.sequence} (${p.action})` : "none"} | ${e(p.stageTag ?? "\u2014")} |`
  );
  return [
    "| environment | version | image | since | record | stage tag |",
    "|---|---|---|---|---|---|",
    ...rows,
    ""
  ].join("\n");
}
function eventsTable(events) {
  if (events.length === 0) return "No events.\n";
  const rows = events.map(
    (x) => `| ${e(x.at ?? "\u2014")} | ${e(x.kind)} | ${e(x.version ?? "\u2014")} | ${e(x.environment ?? "\u2014")} | ${e(x.actor ?? "\u2014")} | ${describe(x, v)}${x.image ? `<br>image ${e(x.image)}` : ""}${x.record ? `<br>record #${x.record.sequence} ${e(x.record.digest)}` : ""} |`
  );
  return ["| time (UTC) | event | version | environment | who | what |", "|---|---|---|---|---|---|", ...rows, ""].join(
    "\n"
  );
}
function header(r, title) {
  return `# ${title}: ${e(r.repository.ref)} at ${hexShort(r.repository.commit)} (${e(r.repository.committedAt)})
`;
}
function renderTimeline(r) {
  const parts = [header(r, "modelgate audit")];
  if (r.models.length === 0) parts.push("Nothing has been published yet.\n");
  for (const m of r.models) {
    parts.push(`## ${e(m.name)}
`, placementsTable(m.environments));
    if (m.events) parts.push(eventsTable(m.events));
  }
  if (r.at) parts.push(renderAt(r.at));
  if (r.verification) parts.push(renderVerification(r, false));
  return parts.join("\n");
}
function renderAt(at) {
  const parts = [`## In ${e(at.environment)} at ${e(at.time)}
`];
  for (const m of at.models) {
    const p = m.placement;
    if (!p) {
      parts.push(
        `### ${e(m.model)}: nothing
`,
        m.evidence.length ? `${m.evidence.map((x) => `- ${e(x.item)}: ${prose(x.value)}`).join("\n")}
` : `No promotion to ${e(at.environment)} had been made by then.
`
      );
      continue;
    }
    parts.push(
      `### ${e(m.model)}: ${e(p.version ?? "an unrecorded version")}, since ${e(p.since ?? "\u2014")}
`,
      `Image ${e(p.image ?? "\u2014")}${p.record ? `, put there by record #${p.record.sequence} (${e(p.action ?? "")})` : ", put there by no promotion record"}.
`,
      "| evidence | |",
      "|---|---|",
      ...m.evidence.map((x) => `| ${prose(x.item)} | ${prose(x.value)} |`),
      ""
    );
  }
  return parts.join("\n");
}
function findingLine(f, i) {
  const where = [
    f.model ? `model ${e(f.model)}` : "",
    f.record ? `record #${f.record.sequence}` : "",
    f.commit ? `commit ${hexShort(f.commit)}` : "",
    f.tag ? `tag ${e(f.tag)}` : "",
    f.path ? `${e(f.path)}` : ""
  ].filter(Boolean);
  return `${i + 1}. **${e(f.check)}** (${where.join(", ")}): ${prose(f.message)}
   Expected: ${prose(f.expected)}`;
}
function renderVerification(r, withHeader = true) {
  const v2 = r.verification;
  if (!v2) return "";
  const c = v2.checked;
  const checked = `Checked ${c.records} promotion record${c.records === 1 ? "" : "s"} (${c.evaluations} evaluation record${c.evaluations === 1 ? "" : "s"}), ${c.commits} commit${c.commits === 1 ? "" : "s"} that changed deploy or records files, ${c.tags} registry tag${c.tags === 1 ? "" : "s"}${c.images === null ? "" : `, ${c.images} image${c.images === 1 ? "" : "s"} in their registries`} of ${r.models.map((m) => e(m.name)).join(", ") || "no model"}.`;
  const head = withHeader ? header(r, "modelgate audit verify") : "## Verification\n";
  if (v2.ok) return `${head}
\u2705 No findings: the history is complete. ${checked}
`;
  return `${head}
\u274C ${v2.findings.length} finding${v2.findings.length === 1 ? "" : "s"}. ${checked}

${v2.findings.map(findingLine).join("\n")}
`;
}
function cell(v2) {
  let s = v2 === null || v2 === void 0 ? "" : String(v2);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
var CSV_COLUMNS = [
  "model",
  "time",
  "event",
  "version",
  "environment",
  "who",
  "commit",
  "tag",
  "record",
  "record_digest",
  "image",
  "summary"
];
function renderCsv(r) {
  const lines = [CSV_COLUMNS.join(",")];
  for (const m of r.models) {
    for (const x of m.events ?? []) {
      lines.push(
        [
          x.model,
          x.at,
          x.kind,
          x.version,
          x.environment,
          x.actor,
          x.commit,
          x.tag,
          x.record?.sequence,
          x.record?.digest,
          x.image,
          x.summary
        ].map(cell).join(",")
      );
    }
  }
  return `${lines.join("\r\n")}\r
`;
}

const require$4 = createRequire(import.meta.url);

// src/git/shallow.ts
async function isShallow(git) {
  return await git.tryRun(["rev-parse", "--is-shallow-repository"]) === "true";
}

// src/audit/timeline.ts
function timelineReads(views) {
  const names = /* @__PURE__ */ new Set();
  for (const v of views) {
    for (const e of v.entries) {
      if (e.record.action !== "publish") continue;
      if (e.record.pullRequest) names.add(e.record.pullRequest.head);
      names.add(`${e.record.source}:${trainingRecordPath(v.model)}`);
    }
  }
  return [...names];
}
var recordRef = (e) => ({ sequence: e.record.sequence, digest: e.digest });
function training(blobs, r, model) {
  const name = `${r.source}:${trainingRecordPath(model)}`;
  const buf = blobs.get(name);
  if (!buf) return void 0;
  try {
    const t = JSON.parse(buf.toString("utf8"));
    const shaped = t?.kind === "TrainingRecord" && typeof t.git === "object" && t.git !== null && typeof t.startedAt === "string" && typeof t.finishedAt === "string" && typeof t.durationSeconds === "number" && Array.isArray(t.datasets) && t.datasets.every((d) => typeof d?.name === "string" && typeof d.sha256 === "string");
    if (shaped && t.output?.sha256 === r.model.sha256) return { record: t, name };
  } catch {
  }
  return void 0;
}
var ORDER = {
  proposed: 0,
  trained: 1,
  evaluated: 2,
  approved: 3,
  published: 4,
  registered: 5,
  released: 6,
  "rolled-back": 6,
  assigned: 6,
  unassigned: 7,
  deregistered: 8,
  deprecated: 9,
  monitored: 10
};
function base(model, kind) {
  return {
    model,
    kind,
    at: null,
    version: null,
    environment: null,
    actor: null,
    commit: null,
    tag: null,
    source: null,
    record: null,
    image: null,
    summary: ""
  };
}
var tagIndex = /* @__PURE__ */ new WeakMap();
function tagsOf(snap, model) {
  let index = tagIndex.get(snap);
  if (!index) {
    index = /* @__PURE__ */ new Map();
    for (const t of snap.tags) {
      const p = parseTag(t.name);
      if (!p) continue;
      const list = index.get(p.name) ?? [];
      list.push({ t, p });
      index.set(p.name, list);
    }
    tagIndex.set(snap, index);
  }
  return index.get(model) ?? [];
}
var sortable = (event, sortAt) => ({ event, sortAt, order: ORDER[event.kind] });
function publishEvents(blobs, model, e, add) {
  const r = e.record;
  const at = Date.parse(r.at);
  const out = [];
  const push = (event, sortAt) => out.push(sortable(event, sortAt));
  const version = r.model.version;
  const firstApproval = Math.min(...r.approvals.map((a) => Date.parse(a.submittedAt)).filter(Number.isFinite), at);
  const pr = r.pullRequest;
  if (pr) {
    const headObj = blobs.get(pr.head);
    const head = headObj ? parseCommitObject(headObj.toString("utf8")) : void 0;
    const when = head?.committer?.date ?? null;
    const proposed = base(model, "proposed");
    proposed.version = version;
    proposed.at = when;
    proposed.actor = pr.author;
    proposed.commit = pr.head;
    proposed.pullRequest = { number: pr.number, author: pr.author, head: pr.head, ...pr.url ? { url: pr.url } : {} };
    push(proposed, when ? Date.parse(when) : firstApproval);
  }
  const t = training(blobs, r, model);
  if (t) {
    const tr = t.record;
    const trained = base(model, "trained");
    trained.version = version;
    trained.at = utc(tr.finishedAt);
    trained.commit = tr.git.commit;
    trained.training = {
      record: t.name,
      startedAt: utc(tr.startedAt),
      finishedAt: utc(tr.finishedAt),
      durationSeconds: tr.durationSeconds,
      commit: tr.git.commit,
      datasets: tr.datasets.map((d) => ({ name: d.name, sha256: d.sha256 })),
      output: tr.output?.sha256 ?? ""
    };
    push(trained, Date.parse(tr.finishedAt));
  }
  const evaluated = base(model, "evaluated");
  evaluated.version = version;
  evaluated.commit = pr?.head ?? null;
  evaluated.evaluation = {
    record: r.evaluation.record,
    path: r.evaluation.path,
    verdict: r.evaluation.verdict,
    gates: r.evaluation.gates,
    metrics: r.evaluation.metrics,
    data: r.data,
    model: r.model.sha256
  };
  push(evaluated, firstApproval);
  for (const a of r.approvals) {
    const approved = base(model, "approved");
    approved.version = version;
    approved.at = utc(a.submittedAt);
    approved.actor = a.reviewer;
    approved.commit = a.commit;
    approved.approval = a;
    if (pr) approved.pullRequest = { number: pr.number, author: pr.author, head: pr.head };
    push(approved, Date.parse(a.submittedAt));
  }
  const published = base(model, "published");
  published.version = version;
  published.at = utc(r.at);
  published.environment = r.environment;
  published.actor = r.triggeredBy;
  published.commit = add?.commit ?? null;
  published.tag = r.stageTag;
  published.source = r.source;
  published.record = recordRef(e);
  published.image = r.image.reference;
  push(published, at);
  return out;
}
function releaseEvent(model, e, add) {
  const r = e.record;
  const at = Date.parse(r.at);
  const rel = r.release;
  const approvals = rel?.environmentApprovals ?? [];
  const event = base(model, r.action === "rollback" ? "rolled-back" : "released");
  event.version = r.model.version;
  event.at = utc(r.at);
  event.environment = r.environment;
  event.actor = rel?.pushedBy ?? r.triggeredBy;
  event.commit = add?.commit ?? null;
  event.tag = r.stageTag;
  event.source = r.source;
  event.record = recordRef(e);
  event.image = r.image.reference;
  if (rel) {
    event.release = {
      tag: rel.tag,
      tagObject: rel.tagObject,
      pushedBy: rel.pushedBy,
      ...rel.tagger ? { tagger: rel.tagger } : {},
      environmentApprovals: approvals.map((a) => ({
        user: a.user,
        state: a.state,
        at: utc(a.at),
        comment: a.comment
      })),
      supersedes: rel.supersedes,
      publishRecord: rel.publishRecord,
      ...rel.runId !== void 0 ? { runId: rel.runId } : {}
    };
  }
  return sortable(event, at);
}
function registryEvent(model, e) {
  const r = e.record;
  const event = base(model, r.action === "deregister" ? "deregistered" : "unassigned");
  event.version = r.model.version;
  event.at = utc(r.at);
  event.environment = r.action === "unassign" ? r.environment : null;
  event.actor = r.registry?.pushedBy ?? r.triggeredBy;
  event.commit = r.source;
  event.tag = r.stageTag;
  event.source = r.source;
  event.record = recordRef(e);
  event.image = r.image.reference;
  return sortable(event, Date.parse(r.at));
}
function tagEvents(snap, model, versionOfCommit, recorded) {
  const out = [];
  const registered = /* @__PURE__ */ new Map();
  for (const { t, p } of tagsOf(snap, model))
    if (p.kind === "version" && !p.deregistered && t.commit && !registered.has(t.commit))
      registered.set(t.commit, p.version);
  const versionAt = (commit) => commit && (versionOfCommit.get(commit) ?? registered.get(commit)) || null;
  for (const { t, p } of tagsOf(snap, model)) {
    if (recorded.has(t.name)) continue;
    const when = t.tagger?.date ?? null;
    const sortAt = when ? Date.parse(when) : Number.POSITIVE_INFINITY;
    const by = t.tagger ? `${t.tagger.name} <${t.tagger.email}>` : null;
    let event;
    if (p.kind === "version") {
      event = base(model, p.deregistered ? "deregistered" : "registered");
      event.version = p.version;
    } else if (p.kind === "stage") {
      event = base(model, p.unassigned ? "unassigned" : "assigned");
      event.version = versionAt(t.commit);
      event.environment = p.stage;
    } else if (p.kind === "deprecated") {
      event = base(model, "deprecated");
    } else continue;
    event.at = when;
    event.actor = by;
    event.commit = t.commit ?? null;
    event.tag = t.name;
    out.push(sortable(event, sortAt));
  }
  return out;
}
var monitoringCommits = /* @__PURE__ */ new WeakMap();
function monitoringEvents(snap, model) {
  const out = [];
  let commits = monitoringCommits.get(snap);
  if (!commits) {
    commits = snap.commits.filter((c) => c.trailers.get("Monitoring-Record")?.[0]);
    monitoringCommits.set(snap, commits);
  }
  for (const c of commits) {
    const record = c.trailers.get("Monitoring-Record")?.[0];
    if (!record || c.trailers.get("Model")?.[0] !== model) continue;
    const prefix = `${snap.config.records}/${model}/monitoring/`;
    const path = c.changes.find((ch) => ch.path.startsWith(prefix))?.path ?? null;
    const event = base(model, "monitored");
    event.at = utc(c.committer.date);
    event.version = c.trailers.get("Model-Version")?.[0] ?? null;
    event.environment = c.trailers.get("Environment")?.[0] ?? null;
    event.actor = c.author.name;
    event.commit = c.oid;
    event.monitoring = { record, verdict: c.trailers.get("Monitoring-Verdict")?.[0] ?? "?", path };
    out.push(sortable(event, Date.parse(c.committer.date)));
  }
  return out;
}
function modelTimeline(snap, view, blobs) {
  const model = view.model;
  const out = [];
  const versionOfCommit = /* @__PURE__ */ new Map();
  for (const e of view.entries) {
    const add = addedBy(view, e);
    if (e.record.action === "publish" && add) versionOfCommit.set(add.commit, e.record.model.version);
  }
  const recorded = /* @__PURE__ */ new Set();
  for (const e of view.entries) {
    const add = addedBy(view, e);
    const a = e.record.action;
    recorded.add(e.record.stageTag);
    if (a === "publish") out.push(...publishEvents(blobs, model, e, add));
    else if (a === "release" || a === "rollback") out.push(releaseEvent(model, e, add));
    else out.push(registryEvent(model, e));
  }
  out.push(...tagEvents(snap, model, versionOfCommit, recorded));
  out.push(...monitoringEvents(snap, model));
  out.sort((a, b) => a.sortAt - b.sortAt || a.order - b.order);
  const events = [];
  for (const s of out) {
    s.event.summary = describe(s.event, String);
    events.push(s.event);
  }
  return events;
}
function placements(snap, view) {
  const out = [];
  for (const env of snap.config.environments) {
    const e = currentIn(view.entries, env.name);
    if (!e) continue;
    out.push({
      environment: env.name,
      version: e.record.model.version,
      image: e.record.image.reference,
      since: utc(e.record.at),
      commit: addedBy(view, e)?.commit ?? null,
      record: recordRef(e),
      action: placement(e.record.action),
      stageTag: e.record.stageTag
    });
  }
  return out;
}
var placement = (a) => a === "publish" || a === "release" || a === "rollback" ? a : null;
function overlayChangeAt(snap, model, env, time) {
  let found;
  for (const c of snap.commits) {
    if (Date.parse(c.committer.date) > time) continue;
    for (const ch of c.touched) {
      const o = overlayOf(snap, ch.path);
      if (!o || o.model !== model || o.env !== env) continue;
      if (!found || Date.parse(c.committer.date) >= Date.parse(found.commit.committer.date))
        found = { commit: c, oid: ch.newOid, path: ch.path };
    }
  }
  return found;
}
function recordOfOverlay(snap, view, env, change, digest) {
  const entry = view.entries.find(
    (e) => e.digest === digest && e.record.environment === env && placesVersion(e.record)
  );
  const by = entry && addedBy(view, entry)?.commit;
  const wrote = by ? snap.byOid.get(by)?.touched.some((ch) => ch.path === change.path && ch.newOid === change.oid) : false;
  return entry && by && wrote ? { entry, by } : void 0;
}
function evidenceChain(snap, view, e) {
  const out = [];
  const r = e.record;
  const add = addedBy(view, e);
  const tag = (name) => snap.tags.find((t) => t.name === name);
  out.push({
    item: "promotion record",
    value: `#${r.sequence} ${r.action} to ${r.environment} (${e.digest}) at ${utc(r.at)}, triggered by ${r.triggeredBy}, in ${view.path}`
  });
  if (add) {
    const c = snap.byOid.get(add.commit);
    out.push({
      item: "promotion commit",
      value: `${add.commit}${c ? ` by ${c.author.name} <${c.author.email}> at ${c.committer.date}` : ""}`
    });
  }
  const st = tag(r.stageTag);
  out.push({ item: "stage tag", value: `${r.stageTag}${st ? ` on ${st.commit}` : " (not in the repository)"}` });
  let pub = e;
  if (r.release) {
    const rel = r.release;
    out.push({ item: "version tag", value: `${rel.tag} (tag object ${rel.tagObject}) pushed by ${rel.pushedBy}` });
    for (const a of rel.environmentApprovals)
      out.push({
        item: "environment approval",
        value: `${a.user} ${a.state} for ${a.environments.join(", ")} at ${utc(a.at)}`
      });
    if (rel.supersedes) out.push({ item: "superseded", value: `${rel.supersedes.version} (${rel.supersedes.image})` });
    pub = view.entries.find((x) => x.digest === rel.publishRecord);
    out.push({
      item: "publish record",
      value: pub ? `#${pub.record.sequence} (${pub.digest}) at ${utc(pub.record.at)}` : `${rel.publishRecord} (not in the ledger)`
    });
  }
  const p = (pub ?? e).record;
  out.push({ item: "image", value: p.image.reference });
  out.push({ item: "artifact", value: `${p.model.path} sha256:${p.model.sha256}` });
  for (const d of p.data) out.push({ item: "evaluation data", value: `${d.name} sha256:${d.sha256}` });
  out.push({
    item: "evaluation record",
    value: `${p.evaluation.record} at ${p.evaluation.path}: verdict ${p.evaluation.verdict}; ${p.evaluation.gates.map((g) => `${g.gate} ${g.status}`).join(", ")}`
  });
  for (const a of p.approvals)
    out.push({
      item: "approval",
      value: `${a.reviewer}, review ${a.reviewId}, of ${a.commit} at ${utc(a.submittedAt)}`
    });
  if (p.pullRequest)
    out.push({
      item: "pull request",
      value: `#${p.pullRequest.number} by ${p.pullRequest.author}, evaluated head ${p.pullRequest.head}${p.pullRequest.url ? ` (${p.pullRequest.url})` : ""}`
    });
  out.push({ item: "merged commit", value: p.source });
  return out;
}
function atReads(snap, views, env, time) {
  const out = [];
  for (const v of views) {
    const c = overlayChangeAt(snap, v.model, env, time);
    if (c && !ZERO.test(c.oid)) out.push(c.oid);
  }
  return out;
}
function atTime(snap, views, blobs, env, time, readPin) {
  const models = [];
  for (const v of views) {
    const c = overlayChangeAt(snap, v.model, env, time);
    if (!c) {
      models.push({ model: v.model, placement: null, evidence: [] });
      continue;
    }
    const path = c.path;
    const pin = ZERO.test(c.oid) ? void 0 : readPin(blobs.get(c.oid)?.toString("utf8") ?? "");
    const overlay = { item: "overlay", value: `${path} as of commit ${c.commit.oid} (${c.commit.committer.date})` };
    if (!pin) {
      models.push({
        model: v.model,
        placement: null,
        evidence: [{ ...overlay, value: `${overlay.value}: it deploys nothing` }]
      });
      continue;
    }
    const behind = recordOfOverlay(snap, v, env, c, pin.record);
    if (!behind) {
      models.push({
        model: v.model,
        placement: {
          environment: env,
          version: pin.version ?? null,
          image: pin.image,
          since: c.commit.committer.date,
          commit: c.commit.oid,
          record: null,
          action: null,
          stageTag: null
        },
        evidence: [
          overlay,
          {
            item: "no promotion record",
            value: `commit ${c.commit.oid} by ${c.commit.author.name} <${c.commit.author.email}> ("${c.commit.subject}") put this pin there without a promotion record: a change made outside modelgate (\`modelgate audit verify\` reports it)`
          }
        ]
      });
      continue;
    }
    const { entry, by } = behind;
    const restored = by === c.commit.oid ? [] : [
      {
        item: "restored by",
        value: `commit ${c.commit.oid} by ${c.commit.author.name} <${c.commit.author.email}> ("${c.commit.subject}") put back the overlay record #${entry.record.sequence}'s commit ${by} wrote`
      }
    ];
    models.push({
      model: v.model,
      placement: {
        environment: env,
        version: entry.record.model.version,
        image: entry.record.image.reference,
        since: c.commit.committer.date,
        commit: c.commit.oid,
        record: recordRef(entry),
        action: placement(entry.record.action),
        stageTag: entry.record.stageTag
      },
      evidence: [overlay, ...restored, ...evidenceChain(snap, v, entry)]
    });
  }
  return { time: utc(new Date(time).toISOString()), environment: env, models };
}

// src/audit/run.ts
function evidenceReads(x, snap, views) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  const add = (path, name) => {
    if (seen.has(path)) return;
    seen.add(path);
    out.push({ path, name });
  };
  for (const v of views) {
    if (v.text !== void 0) add(v.path, `${snap.tip}:${v.path}`);
    for (const e of v.entries) {
      for (const p of x.bundlePaths(v.path, e)) add(p, `${snap.tip}:${p}`);
      const r = e.record;
      if (r.action !== "publish") continue;
      add(r.evaluation.path, `${snap.tip}:${r.evaluation.path}`);
      const at = `${v.model}/${r.model.version}`;
      add(`sources/${at}/training-record.json`, `${r.source}:${trainingRecordPath(v.model)}`);
      const [manifest] = x.manifestPaths(snap, r);
      add(`sources/${at}/model.yaml`, `${r.source}:${manifest}`);
      const dir = manifest.includes("/") ? manifest.slice(0, manifest.lastIndexOf("/") + 1) : "";
      const pub = addedBy(v, e);
      if (pub) add(`sources/${at}/MODEL_CARD.md`, `${pub.commit}:${dir}MODEL_CARD.md`);
      for (const d of r.data)
        add(`sources/${at}/data/${d.name}.yaml`, `${r.source}:${snap.config.data}/${d.name}.yaml`);
    }
  }
  for (const p of x.monitoringRecordPaths(snap, views)) add(p, `${snap.tip}:${p}`);
  return out;
}
async function readLedgers(git, head, opts, exact, wantTimeline, judge) {
  const [tree] = head.config.records === "records" ? [head.recordsTree] : (await readObjects(git, [`${head.tip}:${head.config.records}`])).values();
  const names = treeFolders(tree, head.objectFormat).filter((m) => !opts.models?.length || opts.models.includes(m));
  const paths = names.map((m) => `${head.tip}:${promotionsPath(head.config.records, m)}`);
  const tips = await readObjects(git, paths);
  const texts = new Map(names.map((m, i) => [m, tips.get(paths[i])?.toString("utf8")]));
  const parsed = /* @__PURE__ */ new Map();
  const reads = [];
  const hashing = [];
  const manifests = /* @__PURE__ */ new Map();
  const prefixes = [];
  const workerReads = exact && !opts.evidence && !opts.evidenceDir ? judge : void 0;
  const byWorker = /* @__PURE__ */ new Set();
  for (const m of names) {
    const p = await readLedger(texts.get(m) ?? "");
    parsed.set(m, p);
    if (exact && judge)
      prefixes.push(judge.prefixIndex(m, texts.get(m), head.objectFormat).then((index) => [m, index]));
    const ledger = [{ model: m, entries: p.entries }];
    const evaluations = exact ? exact.evaluationReads(head, ledger) : [];
    if (workerReads) {
      const items = toRead(exact, head, p.entries);
      for (const it of items) byWorker.add(it.name);
      workerReads.read(git.dir, items);
    }
    reads.push(
      readObjects(git, [
        ...wantTimeline ? timelineReads(ledger) : [],
        ...exact ? exact.verifyEarlyReads(head, ledger).filter((n) => !byWorker.has(n)) : []
      ]).then(async (got) => {
        if (workerReads) {
          const judged = await exact.withParsers(() => judgeManifests(exact, head, p.entries, got, manifests));
          workerReads.manifests(judged);
        } else if (judge)
          judge.add(await exact.withParsers(() => judgeItems(exact, head, p.entries, got, manifests)));
        else hashing.push(hashAhead(evaluations.map((n) => got.get(n))));
        return got;
      })
    );
    await new Promise((r) => setImmediate(r));
  }
  const indexes = new Map(
    !exact ? [] : judge ? await Promise.all(prefixes) : names.map((m) => [m, prefixIndex(texts.get(m), head.objectFormat)])
  );
  const early = new Map((await Promise.all(reads)).flatMap((got) => [...got]));
  return { texts, parsed, indexes, early, hashed: Promise.all(hashing), manifests, byWorker };
}
async function readLedger(text) {
  try {
    return parseLedger(text);
  } catch (err) {
    if (!(err instanceof SchemaNotLoaded)) throw err;
    await import('./ledger-5GQDLMU3-BKH960i1.js');
    return parseLedger(text);
  }
}
function toRead(x, head, entries) {
  return entries.filter((e) => e.record.action === "publish").map((e) => ({
    digest: e.digest,
    name: `${head.tip}:${e.record.evaluation.path}`,
    record: x.boundRecord(e.record)
  }));
}
function judgeManifests(x, head, entries, got, manifests) {
  const out = [];
  for (const e of entries) {
    if (e.record.action !== "publish") continue;
    const manifest = x.manifestOf(head, got, e.record);
    manifests.set(e.digest, manifest);
    out.push([e.digest, manifest]);
  }
  return out;
}
function judgeItems(x, head, entries, got, manifests) {
  const items = [];
  for (const e of entries) {
    const r = e.record;
    if (r.action !== "publish") continue;
    const manifest = x.manifestOf(head, got, r);
    manifests.set(e.digest, manifest);
    const bytes = got.get(`${head.tip}:${r.evaluation.path}`);
    if (bytes) items.push({ digest: e.digest, bytes, record: x.boundRecord(r), manifest });
  }
  return items;
}
function selectModels(snap, inLedgers, asked, ref) {
  const known = [.../* @__PURE__ */ new Set([...modelsOf(snap), ...inLedgers])].sort();
  const models = asked?.length ? [...new Set(asked)] : known;
  for (const m of models) {
    if (!known.includes(m)) {
      throw new UserError(
        `no promotion record or registry tag of "${m}" in ${ref}${known.length ? ` (models: ${known.join(", ")})` : ": nothing has been published yet"}`
      );
    }
  }
  return models;
}
function atEnvironment(snap, opts, ref) {
  if (!opts.at) return void 0;
  const env = opts.at.environment ?? snap.config.environments.at(-1)?.name ?? "production";
  if (!snap.config.environments.some((e) => e.name === env)) {
    const names = snap.config.environments.map((e) => e.name);
    throw new UserError(
      `--env ${env}: no such environment in modelgate.yaml at ${ref} (environments: ${names.join(", ")})`
    );
  }
  return env;
}
function evidenceCopies(evidence, blobs) {
  const copies = evidence.filter((x) => blobs.get(x.name) !== void 0).map((x) => ({ path: x.path, source: x.name, bytes: blobs.get(x.name) }));
  for (const c of copies) {
    const m = /\/([0-9a-f]{64})\.json$/.exec(c.path);
    if (m && sha256Of(c.bytes) !== `sha256:${m[1]}`) c.path = c.path.replace(/\.json$/, ".json.DIGEST-MISMATCH");
  }
  return copies;
}
async function runAudit(opts) {
  const exact = Boolean(opts.verify || opts.evidence || opts.evidenceDir);
  const modules = exact ? import('./hot-verify-CS61MYk-.js').then(function (n) { return n.e; }) : void 0;
  const judge = exact ? (await import('./hot-verify-CS61MYk-.js').then(function (n) { return n.j; })).startEvaluationJudge() : void 0;
  try {
    return await audit(opts, judge, modules);
  } finally {
    judge?.end();
  }
}
async function audit(opts, judge, modules) {
  const trace = opts.trace ?? (() => {
  });
  let t = performance.now();
  const lap = (phase) => {
    const now = performance.now();
    trace(phase, now - t);
    t = now;
  };
  const git = openGit(opts.cwd);
  const ref = opts.ref ?? "HEAD";
  const head = await readHead(git, ref);
  const evidence = Boolean(opts.evidence || opts.evidenceDir);
  const exact = await modules;
  const wantTimeline = Boolean(opts.timeline || evidence);
  const [snap, led] = await Promise.all([
    readHistory(git, head, { reachable: Boolean(exact), started: ref === "HEAD" ? opts.started : void 0 }),
    readLedgers(git, head, opts, exact, wantTimeline, judge)
  ]);
  lap("history and ledgers");
  const models = selectModels(snap, led.texts.keys(), opts.models, ref);
  const texts = models.map((m) => led.texts.get(m));
  const parsed = models.map((m) => led.parsed.get(m) ?? parseLedger(""));
  const plans = models.map(
    (m, i) => planLedger(snap, m, texts[i], { exact: Boolean(exact), parsed: parsed[i], index: led.indexes.get(m) })
  );
  const draftOf = () => models.map((m, i) => indexLedger(snap, m, texts[i], plans[i], /* @__PURE__ */ new Map(), parsed[i]));
  const draft = exact ? await exact.withParsers(draftOf) : draftOf();
  const env = atEnvironment(snap, opts, ref);
  const cited = exact && evidence ? evidenceReads(exact, snap, draft) : [];
  const overlays = exact ? exact.overlayWrites(snap, draft) : [];
  const late = [
    ...plans.flatMap((p) => p.read),
    ...wantTimeline ? timelineReads(draft) : [],
    ...exact ? [
      ...exact.verifyEarlyReads(snap, draft),
      ...exact.verifyLateReads(snap, draft),
      ...exact.firstOverlays(overlays)
    ] : [],
    ...opts.at && env ? atReads(snap, draft, env, opts.at.time) : [],
    ...cited.map((x) => x.name)
  ].filter((n) => !led.early.has(n) && !led.byWorker.has(n));
  const blobs = new Map([...led.early, ...await readObjects(git, late)]);
  if (overlays.length) {
    const known = await exact.withParsers(() => exact.knownOverlays(overlays, blobs, snap.objectFormat));
    const rest = overlays.map((w) => w.oid).filter((oid) => !blobs.has(oid) && !known.has(oid));
    for (const [oid, bytes] of [...known, ...await readObjects(git, rest)])
      if (!blobs.has(oid)) blobs.set(oid, bytes);
  }
  lap("objects");
  const viewsOf = () => models.map(
    (m, i) => plans[i].read.length ? indexLedger(snap, m, texts[i], plans[i], blobs, parsed[i]) : draft[i]
  );
  const views = exact ? await exact.withParsers(viewsOf) : viewsOf();
  const report = {
    apiVersion: API_VERSION,
    kind: "AuditReport",
    repository: { ref, commit: snap.tip, committedAt: snap.tipDate },
    models: views.map((v) => ({
      name: v.model,
      environments: placements(snap, v),
      ...wantTimeline ? { events: modelTimeline(snap, v, blobs) } : {}
    }))
  };
  if (opts.at && env) {
    const { readOverlayPin } = await import('./render-6TWJVUI2-HyWbkRPd.js');
    report.at = atTime(snap, views, blobs, env, opts.at.time, readOverlayPin);
  }
  lap("timeline");
  if (exact) {
    const registry = opts.registry && {
      ...opts.registry,
      layout: opts.registry.layout ?? join(await topLevel(git) ?? opts.cwd, ".modelgate/images")
    };
    await led.hashed;
    const answers = judge?.answers();
    const unanswered = async () => {
      if (led.byWorker.size) for (const [n, bytes] of await readObjects(git, led.byWorker)) blobs.set(n, bytes);
    };
    report.verification = await exact.verifyHistory(
      snap,
      views,
      blobs,
      registry,
      opts.trust,
      judge && answers ? { manifests: led.manifests, later: { answers, unanswered } } : void 0
    );
    lap("verify");
  }
  const copies = evidence ? evidenceCopies(cited, blobs) : void 0;
  if (!opts.evidenceDir) return { report, snap, copies };
  const files = exact.writeEvidence(opts.evidenceDir, {
    report,
    snap,
    copies: copies ?? [],
    config: snap.configBytes,
    command: opts.command ?? "modelgate audit"
  });
  return { report, snap, copies, evidence: { dir: opts.evidenceDir, files } };
}
async function ledgerAppendFindings(git, ref, model) {
  const modules = import('./hot-verify-CS61MYk-.js').then(function (n) { return n.e; });
  const head = await readHead(git, ref);
  const path = promotionsPath(head.config.records, model);
  const [snap, tip, shallow, { LEDGER_INTEGRITY, readFacts, withParsers }] = await Promise.all([
    readHistory(git, head, { reachable: false }),
    readObjects(git, [`${head.tip}:${path}`]),
    isShallow(git),
    modules
  ]);
  const text = tip.get(`${head.tip}:${path}`)?.toString("utf8");
  const parsed = await withParsers(() => parseLedger(text ?? ""));
  const plan = planLedger(snap, model, text, { exact: !shallow, parsed });
  const blobs = await readObjects(git, plan.read);
  const view = await withParsers(() => indexLedger(snap, model, text, plan, blobs, parsed));
  const findings = await withParsers(
    () => LEDGER_INTEGRITY.flatMap((rule) => rule(readFacts(snap, [view], blobs), view))
  );
  const appended = new Set([...view.added.values()].filter((a) => !a.tampered).map((a) => a.line));
  const atTip = view.entries.map((e) => entryLine(view, e));
  const genuine = atTip.length === appended.size && atTip.every((l) => appended.has(l));
  return { findings: findings.filter((f) => f.check !== "ledger-rewritten" || !genuine), shallow };
}

const require$3 = createRequire(import.meta.url);

// src/audit/time.ts
function parseTime(text) {
  if (text === "now") return Date.now();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const full = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text);
  const t = Date.parse(date ? `${text}T00:00:00Z` : text);
  if (!date && !full || !Number.isFinite(t)) {
    throw new UserError(
      `--at ${text}: not a time; give RFC 3339 with a zone (2026-03-02T15:30:00Z, 2026-03-02T16:30:00+01:00), a date (2026-03-02, midnight UTC), or now`
    );
  }
  return t;
}

// src/commands/audit.ts
function startReads(io, ref, reachable) {
  if (ref !== void 0) return void 0;
  return startHistoryReads(io.cwd, { paths: DEFAULT_LOG_PATHS, globs: LOG_GLOBS, reachable });
}
var usage = `Usage:
  modelgate audit [MODEL\u2026] [--ref REF] [--at TIME [--env ENV]] [--json | --csv] [--evidence DIR [--trust FILE]]
  modelgate audit verify [MODEL\u2026] [--ref REF] [--registry [--layout DIR]] [--trust FILE] [--json]

Reconstructs each model's history from git alone \u2014 the promotion ledger (records/MODEL/promotions.jsonl), the
evaluation and training records, the commits with their trailers, and the registry tags \u2014 with no GitHub and no
network. Run it in a clone with the whole history and every tag (git clone; actions/checkout with fetch-depth: 0).

audit: the timeline of every model (or each MODEL named): proposed (pull request, author, evaluated head), trained
(the training record at the merged commit), evaluated (record digest, headline metrics, gates, verdict), approved
(reviewer, review id, the commit approved, when), published (image, environment, stage tag), registered (version
tag), released and rolled back (tag, who pushed it, the environment's approvals), unassigned, deregistered; and
what each environment runs now.
  --at TIME      which version and image each model had in an environment at TIME, since when, and the chain of
                 evidence that put it there (overlay \u2192 promotion record \u2192 tags \u2192 evaluation \u2192 approvals \u2192 pull
                 request). TIME: RFC 3339 with a zone (2026-03-02T15:30:00Z), a date (midnight UTC), or now.
  --env ENV      the environment for --at (default: the last in modelgate.yaml, usually production)
  --json         the report as JSON (schema: schemas/audit-report.schema.json)
  --csv          one row per event, for spreadsheets
  --evidence DIR also write a folder to archive: the timeline (Markdown, JSON, CSV), the verification, the records
                 it cites copied out of git, the tags and the commits that changed deploy/records files, a table
                 mapping each item to the requirement it evidences (EU AI Act Art. 12, 14, 72, Annex IV; SOC 2 CC8.1;
                 ISO/IEC 42001 A.6.2.5, and which signature proves what), the signed bundles of the records, and
                 SHA256SUMS. DIR must be new or empty. --trust FILE: its verification checks the signatures too.

audit verify: exit 0 only when every stage assignment ever made is backed by the whole chain. The whole history is
read (a change later undone, or hidden by a merge, is still examined), the same from any folder of the repository.
Each gap is one finding naming what, which commit, tag, record or path, and what was expected:
  ledger-unreadable, ledger-chain   each ledger line a valid, canonical record; sequence and previous-digest chain
  ledger-rewritten                  each change to a ledger appends exactly one record (no deletion, edit, insertion,
                                    and no record dropped by a merge)
  record-commit, record-trailers    each record appended by a commit of modelgate's identity whose trailers name it
  trailers-without-record           no commit carries modelgate's trailers without appending the record they name
  source-missing                    each record's commit is in the history of REF (not rewritten away)
  evaluation-missing, -binding      the evaluation record is in git with the cited digest and evaluated exactly the
                                    published artifact, version and data
  evaluation-verdict                its gates, judged against the manifest at the merged commit, passed
  approval                          an approval of the exact evaluated head, by someone other than the author
  release                           a release promotes a published version's image, by its version tag, with the
                                    environment approval modelgate.yaml requires, and says what it superseded
  deploy-edit, overlay-pin          every change under deploy/ made by a modelgate commit, each overlay pinned to
                                    exactly the record that put it there (a hand edit is a finding, so is a file
                                    directly under deploy/ or a folder of a model with no ledger)
  tag-missing, tag-lightweight,     the tag each record made (MODEL#ENV#N, its unassignment or deregistration),
  tag-grammar, tag-moved,           annotated, where the record says (a tag whose object or commit differs from the
  stage-counter, version-tag,       record's is moved); stage counters only increase; version tags on the commit
  deregistered-released,            that published the version; no release of a deregistered version (by its record
  tag-without-record                or its tag); no change to a stage modelgate manages without a record (an
                                    assignment no record made; an unassignment, deregistration or deprecation of
                                    what an environment runs). Tags are read as GTO reads them (every tag its
                                    grammar accepts, annotated only); GTO's other tags are timeline events
  registry-record                   a deregistration or unassignment record names the version's publish record and
                                    commit, and withdraws nothing still running
  card-binding, card-edit           MODEL_CARD.md as the publish commit wrote it, with the digest its record names;
                                    at REF, the card the last publish bound
  config-change                     spec.paths and spec.gitops (what verify reads) changed only by a reviewed pull
                                    request a publish record holds
  image-missing                     with --registry: each image still in its registry (HEAD by digest; images
                                    published without a registry: the local OCI layout, --layout, default
                                    .modelgate/images)
  attestation-missing,              with --trust FILE (a trust policy: public keys, or a Sigstore trusted root and
  attestation-untrusted,            the workflow identities allowed): each record attested by in-toto Statements in
  attestation-mismatch              bundles beside its ledger, signed by a key or identity the policy allows, whose
                                    subjects (image, model digests) and predicate are those of the record, byte for
                                    byte. Without --trust, modelgate.yaml's spec.trustPolicy (only as trustworthy as
                                    push access: an auditor passes their own copy)
  referrer-missing                  with --registry: each published image carries the referrers its record
                                    promises (the evaluation record it cites, the promotion record, the card)
  monitoring-binding                each monitoring record (records/MODEL/monitoring/) named by the sha256 of its
                                    bytes, citing promotion records of the model's ledger that deployed the version
                                    to the environment it names
  --json         the report with its verification as JSON

Options of both:
  --ref REF      the GitOps branch to audit (default HEAD; for a separate GitOps branch, e.g. origin/gitops)

Exit codes: 0 ok (verify: no findings), 1 verify found gaps, 2 usage or configuration error.
`;
var command = {
  name: "audit",
  summary: "the timeline of every model from git alone, what ran at a time, and verify: proof no step was skipped",
  usage,
  async run(args, io) {
    if (args[0] === "verify") return verify(args.slice(1), io);
    const { values, positionals } = parseArgs("audit", args, {
      ref: { type: "string" },
      at: { type: "string" },
      env: { type: "string" },
      csv: { type: "boolean" },
      evidence: { type: "string" },
      trust: { type: "string" }
    });
    if (values.json && values.csv) throw new UserError("--json and --csv: choose one format");
    if (values.trust && !values.evidence) throw new UserError("--trust goes with --evidence DIR (or audit verify)");
    if (values.env && !values.at) throw new UserError("--env goes with --at TIME (which environment at that time)");
    const evidence = str(values.evidence);
    const at = values.at ? { time: parseTime(String(values.at)), environment: str(values.env) } : void 0;
    const started = startReads(io, values.ref, Boolean(evidence));
    const [{ runAudit }, trust] = await Promise.all([
      Promise.resolve().then(function () { return run4B36M6AC; }),
      values.trust ? import('./trust-XNVHDQTX-D9W7YpDh.js') : void 0,
      evidence ? import('./hot-verify-CS61MYk-.js').then(function (n) { return n.e; }) : void 0
    ]);
    const out = await runAudit({
      started,
      cwd: io.cwd,
      ref: str(values.ref),
      models: positionals,
      timeline: true,
      at,
      evidenceDir: evidence ? resolve(io.cwd, evidence) : void 0,
      ...trust ? { trust: trust.readTrustPolicy(resolve(io.cwd, String(values.trust))) } : {},
      command: ["modelgate audit", ...args].join(" ")
    });
    if (out.evidence) io.err(`evidence: ${out.evidence.files.length} files in ${evidence} (SHA256SUMS lists them)
`);
    await print(out, io, values.json ? "json" : values.csv ? "csv" : "md");
    return 0;
  }
};
async function print(out, io, format) {
  const report = { ...out.report, verification: void 0 };
  if (format === "json") return io.out(toJson(report));
  const { renderCsv, renderTimeline } = await import('./hot-verify-CS61MYk-.js').then(function (n) { return n.r; });
  io.out(format === "csv" ? renderCsv(report) : renderTimeline(report));
}
async function verify(args, io) {
  const { values, positionals } = parseArgs("audit verify", args, {
    ref: { type: "string" },
    registry: { type: "boolean" },
    layout: { type: "string" },
    trust: { type: "string" }
  });
  if (values.layout && !values.registry) throw new UserError("--layout goes with --registry");
  const started = startReads(io, values.ref, true);
  const [{ runAudit }, { renderVerification }] = await Promise.all([
    Promise.resolve().then(function () { return run4B36M6AC; }),
    import('./hot-verify-CS61MYk-.js').then(function (n) { return n.r; }),
    import('./hot-verify-CS61MYk-.js').then(function (n) { return n.e; })
  ]);
  const trust = await trustPolicyFor(str(values.trust), io);
  const out = await runAudit({
    started,
    cwd: io.cwd,
    ref: str(values.ref),
    models: positionals,
    verify: true,
    ...trust ? { trust } : {},
    registry: values.registry ? {
      env: io.env,
      // default: .modelgate/images at the top of the repository (runAudit finds it from any folder)
      layout: values.layout ? resolve(io.cwd, String(values.layout)) : void 0,
      log: (l) => io.err(`${l}
`)
    } : void 0
  });
  const v = out.report.verification;
  if (values.json) io.out(toJson(out.report));
  else io.out(renderVerification(out.report));
  if (v && !v.ok) {
    throw new CheckFailed(
      `${v.findings.length} finding${v.findings.length === 1 ? "" : "s"}: the history has gaps (each is listed above with what was expected)`
    );
  }
  return 0;
}
async function trustPolicyFor(file, io) {
  if (!file) {
    const { mayNameTrustPolicy } = await import('./hot-verify-CS61MYk-.js').then(function (n) { return n.t; });
    if (!mayNameTrustPolicy(io.cwd)) return void 0;
  }
  const { readTrustPolicy } = await import('./trust-XNVHDQTX-D9W7YpDh.js');
  if (file) return readTrustPolicy(resolve(io.cwd, file));
  let named;
  let root = io.cwd;
  try {
    const { openWorkspace } = await import('./workspace-LEDLFSIA-D85lhU05.js');
    const repo = openWorkspace(io).repo;
    root = repo.root;
    named = repo.config.spec.trustPolicy;
  } catch {
    return void 0;
  }
  if (!named) return void 0;
  io.err(`trust policy: ${named} (modelgate.yaml spec.trustPolicy; an auditor passes their own with --trust)
`);
  return readTrustPolicy(resolve(root, named));
}

const require$2 = createRequire(import.meta.url);

var auditOSHRWCN2 = /*#__PURE__*/Object.freeze({
  __proto__: null,
  command: command
});

const require$1 = createRequire(import.meta.url);

var run4B36M6AC = /*#__PURE__*/Object.freeze({
  __proto__: null,
  ledgerAppendFindings: ledgerAppendFindings,
  runAudit: runAudit
});

export { ledgerAppendFindings as $, deregisterTag as A, placesVersion as B, CONFIG_PATH as C, promotionsPath as D, ledgerModels as E, boundRecord as F, prefixIndex as G, answerEvaluation as H, CSV_COLUMNS as I, describe as J, prose as K, renderAt as L, v as M, runAudit as N, parseLedger as O, stageTag as P, nextStageNumber as Q, commitMessage as R, SchemaNotLoaded as S, escapeMdBlock as T, metricName as U, fmt as V, fmtInterval as W, trainingRecordPath as X, useZodCheck as Y, ZERO as Z, monitoringTrailers as _, attestationPathBeside as a, judge as a0, worst as a1, modelFindings as a2, escapeMdLine as a3, metricValue as a4, deltaOf as a5, fmtDelta as a6, fmtCount as a7, lowerIsBetter as a8, escapeHtml as a9, GATE_RULES as aa, chainProblems as ab, deregistrationOf as ac, parseVersionArg as ad, unassignTag as ae, TRAINING_DIR as af, command as ag, auditOSHRWCN2 as ah, renderTimeline as b, canonicalJson as c, renderCsv as d, renderVerification as e, escapeMd as f, actionText as g, short as h, isModelName as i, gitBlobId as j, deployPathOf as k, escapeRe as l, configFrom as m, promotionTrailers as n, overlayOf as o, parseTag as p, readEvaluation as q, recordDigest as r, sha256Of as s, digestOf as t, evaluationCopyPath as u, bindingGaps as v, judgeEvaluation as w, addedBy as x, versionTag as y, currentIn as z };
