import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  canonicalOf,
  sha256Of
} from "./chunk-XKBXOX3L.js";

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

export {
  useZodCheck,
  SchemaNotLoaded,
  parsePromotionRecord,
  placesVersion,
  actionText,
  promotionsPath,
  evaluationCopyPath,
  parseLedger,
  chainProblems,
  attestationPathBeside,
  currentIn
};
