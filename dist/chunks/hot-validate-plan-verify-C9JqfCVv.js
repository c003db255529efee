import { createRequire } from 'node:module';
import { f as fastYamlPositions, i as isCompleteDeploy, r as repoPath, a as isLocation, b as isRelativePath, c as fastYamlValue } from './hot-validate-plan-audit-verify-DglurztO.js';

const require$2 = createRequire(import.meta.url);

// src/manifest/source.ts
var parser;
function provideYamlParser(p) {
  parser = p;
}
var YamlNotLoaded = class extends Error {
  constructor() {
    super("internal: the manifest's YAML document was asked for before ./yaml.ts was loaded");
  }
};
var yamlParser = () => {
  if (!parser) throw new YamlNotLoaded();
  return parser;
};
function lazySource(file, text) {
  let full;
  const parsed = () => {
    full ??= yamlParser().parse(file, text);
    return full;
  };
  let fast;
  return {
    file,
    text,
    fastPosition: (path, key) => {
      if (full) return void 0;
      if (fast === void 0) fast = fastYamlPositions(text) ?? null;
      return fast?.(path, key);
    },
    get doc() {
      return parsed().doc;
    },
    get lines() {
      return parsed().lines;
    }
  };
}
function positionOf(src, path, key = false) {
  const fast = src.fastPosition?.(path, key);
  if (fast) return { line: fast.line, col: fast.col };
  return yamlParser().position(src, path, key);
}

// src/manifest/schema-check.ts
var D = /* @__PURE__ */ Symbol("defer");
var isObject = (x) => typeof x === "object" && x !== null && !Array.isArray(x);
var k0 = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
var k1 = /^sha256:[0-9a-f]{64}$/;
var k2 = /^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$/;
var k3 = /^[^/\s]+\/[^/\s]+$/;
var k4 = /^[0-9a-f]{64}$/;
var k5 = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*)?(?:\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?$/;
var k6 = /^[A-Za-z_][A-Za-z0-9_]*$/;
var k7 = /^[1-9]\d*(m|h|d|w)$/;
function c0(x) {
  if (!isObject(x)) return D;
  const out = {};
  let v;
  for (const k of Object.keys(x)) {
    if (k === "__proto__") return D;
    v = x[k];
    if (!(typeof v === "string")) return D;
    out[k] = v;
  }
  return out;
}
function c1(x) {
  if (!isObject(x)) return D;
  const out = {};
  let v;
  for (const k of Object.keys(x)) {
    if (k === "__proto__") return D;
    v = x[k];
    if (!(typeof v === "string")) return D;
    out[k] = v;
  }
  return out;
}
function c2(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "name")) {
    v = x["name"];
    if (!(typeof v === "string" && k0.test(v))) return D;
    out["name"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "labels")) {
    v = c0(x["labels"]);
    if (v === D) return D;
    out["labels"] = v;
    present++;
  }
  if (Object.hasOwn(x, "annotations")) {
    v = c1(x["annotations"]);
    if (v === D) return D;
    out["annotations"] = v;
    present++;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c3(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "image")) {
    v = x["image"];
    if (!(typeof v === "string")) return D;
    out["image"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "digest")) {
    v = x["digest"];
    if (!(typeof v === "string" && k1.test(v))) return D;
    out["digest"] = v;
    present++;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c4(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "version")) {
    v = x["version"];
    if (!(v === "0.20.0")) return D;
    out["version"] = v;
    present++;
  } else {
    out["version"] = "0.20.0";
  }
  if (Object.hasOwn(x, "storage")) {
    v = x["storage"];
    if (!(v === "modelcar" || v === "image-volume")) return D;
    out["storage"] = v;
    present++;
  } else {
    out["storage"] = "modelcar";
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c5(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "repoURL")) {
    v = x["repoURL"];
    if (!(typeof v === "string" && v.length >= 1)) return D;
    out["repoURL"] = v;
    present++;
  }
  if (Object.hasOwn(x, "targetRevision")) {
    v = x["targetRevision"];
    if (!(typeof v === "string" && v.length >= 1)) return D;
    out["targetRevision"] = v;
    present++;
  }
  if (Object.hasOwn(x, "namespace")) {
    v = x["namespace"];
    if (!(typeof v === "string" && k0.test(v))) return D;
    out["namespace"] = v;
    present++;
  } else {
    out["namespace"] = "argocd";
  }
  if (Object.hasOwn(x, "project")) {
    v = x["project"];
    if (!(typeof v === "string" && v.length >= 1)) return D;
    out["project"] = v;
    present++;
  } else {
    out["project"] = "default";
  }
  if (Object.hasOwn(x, "server")) {
    v = x["server"];
    if (!(typeof v === "string" && v.length >= 1)) return D;
    out["server"] = v;
    present++;
  } else {
    out["server"] = "https://kubernetes.default.svc";
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c6(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "kind")) {
    v = x["kind"];
    if (!(v === "GitRepository" || v === "OCIRepository" || v === "Bucket")) return D;
    out["kind"] = v;
    present++;
  } else {
    out["kind"] = "GitRepository";
  }
  if (Object.hasOwn(x, "name")) {
    v = x["name"];
    if (!(typeof v === "string" && k0.test(v))) return D;
    out["name"] = v;
    present++;
  } else {
    out["name"] = "flux-system";
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c7(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "namespace")) {
    v = x["namespace"];
    if (!(typeof v === "string" && k0.test(v))) return D;
    out["namespace"] = v;
    present++;
  } else {
    out["namespace"] = "flux-system";
  }
  if (Object.hasOwn(x, "sourceRef")) {
    v = c6(x["sourceRef"]);
    if (v === D) return D;
    out["sourceRef"] = v;
    present++;
  } else {
    v = c6({});
    if (v === D) return D;
    out["sourceRef"] = v;
  }
  if (Object.hasOwn(x, "interval")) {
    v = x["interval"];
    if (!(typeof v === "string" && k2.test(v))) return D;
    out["interval"] = v;
    present++;
  } else {
    out["interval"] = "10m";
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c8(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "gitops")) {
    v = x["gitops"];
    if (!(v === "argocd" || v === "flux")) return D;
    out["gitops"] = v;
    present++;
  }
  if (Object.hasOwn(x, "argocd")) {
    v = c5(x["argocd"]);
    if (v === D) return D;
    out["argocd"] = v;
    present++;
  } else {
    v = c5({});
    if (v === D) return D;
    out["argocd"] = v;
  }
  if (Object.hasOwn(x, "flux")) {
    v = c7(x["flux"]);
    if (v === D) return D;
    out["flux"] = v;
    present++;
  } else {
    v = c7({});
    if (v === D) return D;
    out["flux"] = v;
  }
  if (Object.keys(x).length !== present) return D;
  if (!isCompleteDeploy(out)) return D;
  return out;
}
function c9(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "name")) {
    v = x["name"];
    if (!(typeof v === "string" && k0.test(v))) return D;
    out["name"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "promotion")) {
    v = x["promotion"];
    if (!(v === "direct" || v === "pull-request")) return D;
    out["promotion"] = v;
    present++;
  } else {
    out["promotion"] = "direct";
  }
  if (Object.hasOwn(x, "requiresTag")) {
    v = x["requiresTag"];
    if (!(typeof v === "boolean")) return D;
    out["requiresTag"] = v;
    present++;
  } else {
    out["requiresTag"] = false;
  }
  if (Object.hasOwn(x, "githubEnvironment")) {
    v = x["githubEnvironment"];
    if (!(typeof v === "string")) return D;
    out["githubEnvironment"] = v;
    present++;
  }
  if (Object.hasOwn(x, "requiresApproval")) {
    v = x["requiresApproval"];
    if (!(typeof v === "boolean")) return D;
    out["requiresApproval"] = v;
    present++;
  } else {
    out["requiresApproval"] = false;
  }
  if (Object.hasOwn(x, "offlineReleases")) {
    v = x["offlineReleases"];
    if (!(typeof v === "boolean")) return D;
    out["offlineReleases"] = v;
    present++;
  } else {
    out["offlineReleases"] = false;
  }
  if (Object.hasOwn(x, "namespace")) {
    v = x["namespace"];
    if (!(typeof v === "string" && k0.test(v))) return D;
    out["namespace"] = v;
    present++;
  }
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
  if (!Array.isArray(x)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = x[i];
    if (!(typeof v === "string" && v.length >= 1)) return D;
    out[i] = v;
  }
  return out;
}
function c12(x) {
  if (!Array.isArray(x)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = x[i];
    if (!(typeof v === "string" && k3.test(v))) return D;
    out[i] = v;
  }
  return out;
}
function c13(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "users")) {
    v = c11(x["users"]);
    if (v === D) return D;
    out["users"] = v;
    present++;
  } else {
    out["users"] = [];
  }
  if (Object.hasOwn(x, "teams")) {
    v = c12(x["teams"]);
    if (v === D) return D;
    out["teams"] = v;
    present++;
  } else {
    out["teams"] = [];
  }
  if (Object.hasOwn(x, "codeowners")) {
    v = x["codeowners"];
    if (!(typeof v === "boolean")) return D;
    out["codeowners"] = v;
    present++;
  } else {
    out["codeowners"] = false;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c14(x) {
  if (!Array.isArray(x)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = x[i];
    if (!(typeof v === "string" && k3.test(v))) return D;
    out[i] = v;
  }
  return out;
}
function c15(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "extraApprovals")) {
    v = x["extraApprovals"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 0)) return D;
    out["extraApprovals"] = v;
    present++;
  } else {
    out["extraApprovals"] = 0;
  }
  if (Object.hasOwn(x, "teams")) {
    v = c14(x["teams"]);
    if (v === D) return D;
    out["teams"] = v;
    present++;
  } else {
    out["teams"] = [];
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c16(x) {
  if (!isObject(x)) return D;
  const out = {};
  let v;
  for (const k of Object.keys(x)) {
    if (!(k === "minimal" || k === "limited" || k === "high")) return D;
    v = c15(x[k]);
    if (v === D) return D;
    out[k] = v;
  }
  return out;
}
function c17(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "approvals")) {
    v = x["approvals"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 1)) return D;
    out["approvals"] = v;
    present++;
  } else {
    out["approvals"] = 1;
  }
  if (Object.hasOwn(x, "reviewers")) {
    v = c13(x["reviewers"]);
    if (v === D) return D;
    out["reviewers"] = v;
    present++;
  } else {
    out["reviewers"] = { "users": [], "teams": [], "codeowners": false };
  }
  if (Object.hasOwn(x, "riskClass")) {
    v = c16(x["riskClass"]);
    if (v === D) return D;
    out["riskClass"] = v;
    present++;
  } else {
    out["riskClass"] = {};
  }
  if (Object.hasOwn(x, "excludeCommitAuthors")) {
    v = x["excludeCommitAuthors"];
    if (!(typeof v === "boolean")) return D;
    out["excludeCommitAuthors"] = v;
    present++;
  } else {
    out["excludeCommitAuthors"] = false;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c18(x) {
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
function c19(x) {
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
function c20(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "users")) {
    v = c18(x["users"]);
    if (v === D) return D;
    out["users"] = v;
    present++;
  } else {
    out["users"] = [];
  }
  if (Object.hasOwn(x, "teams")) {
    v = c19(x["teams"]);
    if (v === D) return D;
    out["teams"] = v;
    present++;
  } else {
    out["teams"] = [];
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c21(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "psiWarn")) {
    v = x["psiWarn"];
    if (!(typeof v === "number" && Number.isFinite(v) && v > 0)) return D;
    out["psiWarn"] = v;
    present++;
  } else {
    out["psiWarn"] = 0.1;
  }
  if (Object.hasOwn(x, "psiFail")) {
    v = x["psiFail"];
    if (!(typeof v === "number" && Number.isFinite(v) && v > 0)) return D;
    out["psiFail"] = v;
    present++;
  } else {
    out["psiFail"] = 0.25;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c22(x) {
  if (!(typeof x === "string")) return D;
  return repoPath(x);
}
function c23(x) {
  if (!(typeof x === "string")) return D;
  return repoPath(x);
}
function c24(x) {
  if (!(typeof x === "string")) return D;
  return repoPath(x);
}
function c25(x) {
  if (!(typeof x === "string")) return D;
  return repoPath(x);
}
function c26(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "models")) {
    v = c22(x["models"]);
    if (v === D) return D;
    out["models"] = v;
    present++;
  } else {
    out["models"] = "models";
  }
  if (Object.hasOwn(x, "data")) {
    v = c23(x["data"]);
    if (v === D) return D;
    out["data"] = v;
    present++;
  } else {
    out["data"] = "data";
  }
  if (Object.hasOwn(x, "deploy")) {
    v = c24(x["deploy"]);
    if (v === D) return D;
    out["deploy"] = v;
    present++;
  } else {
    out["deploy"] = "deploy";
  }
  if (Object.hasOwn(x, "records")) {
    v = c25(x["records"]);
    if (v === D) return D;
    out["records"] = v;
    present++;
  } else {
    out["records"] = "records";
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c27(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "remote")) {
    v = x["remote"];
    if (!(typeof v === "string")) return D;
    out["remote"] = v;
    present++;
  }
  if (Object.hasOwn(x, "branch")) {
    v = x["branch"];
    if (!(typeof v === "string")) return D;
    out["branch"] = v;
    present++;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c28(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "name")) {
    v = x["name"];
    if (!(typeof v === "string" && v.length >= 1)) return D;
    out["name"] = v;
    present++;
  } else {
    out["name"] = "modelgate[bot]";
  }
  if (Object.hasOwn(x, "email")) {
    v = x["email"];
    if (!(typeof v === "string" && v.length >= 1)) return D;
    out["email"] = v;
    present++;
  } else {
    out["email"] = "modelgate-bot@users.noreply.github.com";
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c29(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "app")) {
    v = x["app"];
    if (!(typeof v === "string" && v.length >= 1)) return D;
    out["app"] = v;
    present++;
  } else {
    out["app"] = "github-actions";
  }
  if (Object.hasOwn(x, "statusCreator")) {
    v = x["statusCreator"];
    if (!(typeof v === "string" && v.length >= 1)) return D;
    out["statusCreator"] = v;
    present++;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c30(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "forcePathStyle")) {
    v = x["forcePathStyle"];
    if (!(typeof v === "boolean")) return D;
    out["forcePathStyle"] = v;
    present++;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c31(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "s3")) {
    v = c30(x["s3"]);
    if (v === D) return D;
    out["s3"] = v;
    present++;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c32(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "registry")) {
    v = x["registry"];
    if (!(typeof v === "string")) return D;
    out["registry"] = v;
    present++;
  }
  if (Object.hasOwn(x, "base")) {
    v = c3(x["base"]);
    if (v === D) return D;
    out["base"] = v;
    present++;
  }
  if (Object.hasOwn(x, "kserve")) {
    v = c4(x["kserve"]);
    if (v === D) return D;
    out["kserve"] = v;
    present++;
  } else {
    v = c4({});
    if (v === D) return D;
    out["kserve"] = v;
  }
  if (Object.hasOwn(x, "deploy")) {
    v = c8(x["deploy"]);
    if (v === D) return D;
    out["deploy"] = v;
    present++;
  } else {
    v = c8({});
    if (v === D) return D;
    out["deploy"] = v;
  }
  if (Object.hasOwn(x, "environments")) {
    v = c10(x["environments"]);
    if (v === D) return D;
    out["environments"] = v;
    present++;
  } else {
    out["environments"] = [{ "name": "staging", "promotion": "direct", "requiresTag": false, "requiresApproval": false, "offlineReleases": false }, { "name": "production", "promotion": "direct", "requiresTag": true, "requiresApproval": false, "offlineReleases": false }];
  }
  if (Object.hasOwn(x, "approval")) {
    v = c17(x["approval"]);
    if (v === D) return D;
    out["approval"] = v;
    present++;
  } else {
    out["approval"] = { "approvals": 1, "reviewers": { "users": [], "teams": [], "codeowners": false }, "riskClass": {}, "excludeCommitAuthors": false };
  }
  if (Object.hasOwn(x, "releasers")) {
    v = c20(x["releasers"]);
    if (v === D) return D;
    out["releasers"] = v;
    present++;
  } else {
    out["releasers"] = { "users": [], "teams": [] };
  }
  if (Object.hasOwn(x, "drift")) {
    v = c21(x["drift"]);
    if (v === D) return D;
    out["drift"] = v;
    present++;
  } else {
    out["drift"] = { "psiWarn": 0.1, "psiFail": 0.25 };
  }
  if (Object.hasOwn(x, "paths")) {
    v = c26(x["paths"]);
    if (v === D) return D;
    out["paths"] = v;
    present++;
  } else {
    out["paths"] = { "models": "models", "data": "data", "deploy": "deploy", "records": "records" };
  }
  if (Object.hasOwn(x, "gitops")) {
    v = c27(x["gitops"]);
    if (v === D) return D;
    out["gitops"] = v;
    present++;
  } else {
    out["gitops"] = {};
  }
  if (Object.hasOwn(x, "identity")) {
    v = c28(x["identity"]);
    if (v === D) return D;
    out["identity"] = v;
    present++;
  } else {
    out["identity"] = { "name": "modelgate[bot]", "email": "modelgate-bot@users.noreply.github.com" };
  }
  if (Object.hasOwn(x, "github")) {
    v = c29(x["github"]);
    if (v === D) return D;
    out["github"] = v;
    present++;
  } else {
    out["github"] = { "app": "github-actions" };
  }
  if (Object.hasOwn(x, "storage")) {
    v = c31(x["storage"]);
    if (v === D) return D;
    out["storage"] = v;
    present++;
  }
  if (Object.hasOwn(x, "allowWarn")) {
    v = x["allowWarn"];
    if (!(typeof v === "boolean")) return D;
    out["allowWarn"] = v;
    present++;
  } else {
    out["allowWarn"] = true;
  }
  if (Object.hasOwn(x, "attest")) {
    v = x["attest"];
    if (!(v === "required" || v === "optional" || v === "off")) return D;
    out["attest"] = v;
    present++;
  }
  if (Object.hasOwn(x, "trustPolicy")) {
    v = x["trustPolicy"];
    if (!(typeof v === "string")) return D;
    out["trustPolicy"] = v;
    present++;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c33(x) {
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
    if (!(v === "Config")) return D;
    out["kind"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "metadata")) {
    v = c2(x["metadata"]);
    if (v === D) return D;
    out["metadata"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "spec")) {
    v = c32(x["spec"]);
    if (v === D) return D;
    out["spec"] = v;
    present++;
  } else {
    v = c32({});
    if (v === D) return D;
    out["spec"] = v;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c34(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "delimiter")) {
    v = x["delimiter"];
    if (!(v === "," || v === ";" || v === "	" || v === "|")) return D;
    out["delimiter"] = v;
    present++;
  } else {
    out["delimiter"] = ",";
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c35(x) {
  if (!Array.isArray(x)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = x[i];
    if (!(typeof v === "string" && k4.test(v))) return D;
    out[i] = v;
  }
  return out;
}
function c36(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "size")) {
    v = x["size"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 4096)) return D;
    out["size"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "sha256")) {
    v = c35(x["sha256"]);
    if (v === D) return D;
    out["sha256"] = v;
    present++;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c37(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "min")) {
    v = x["min"];
    if (!(typeof v === "number" && Number.isFinite(v))) return D;
    out["min"] = v;
    present++;
  }
  if (Object.hasOwn(x, "max")) {
    v = x["max"];
    if (!(typeof v === "number" && Number.isFinite(v))) return D;
    out["max"] = v;
    present++;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c38(x) {
  if (!Array.isArray(x)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = x[i];
    if (!(typeof v === "string" || typeof v === "number" && Number.isFinite(v) || typeof v === "boolean")) return D;
    out[i] = v;
  }
  return out;
}
function c39(x) {
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
  if (Object.hasOwn(x, "type")) {
    v = x["type"];
    if (!(v === "float" || v === "integer" || v === "string" || v === "boolean")) return D;
    out["type"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "role")) {
    v = x["role"];
    if (!(v === "feature" || v === "label" || v === "id" || v === "slice" || v === "ignore")) return D;
    out["role"] = v;
    present++;
  } else {
    out["role"] = "feature";
  }
  if (Object.hasOwn(x, "nullable")) {
    v = x["nullable"];
    if (!(typeof v === "boolean")) return D;
    out["nullable"] = v;
    present++;
  } else {
    out["nullable"] = false;
  }
  if (Object.hasOwn(x, "maxNullFraction")) {
    v = x["maxNullFraction"];
    if (!(typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 1)) return D;
    out["maxNullFraction"] = v;
    present++;
  }
  if (Object.hasOwn(x, "min")) {
    v = x["min"];
    if (!(typeof v === "number" && Number.isFinite(v))) return D;
    out["min"] = v;
    present++;
  }
  if (Object.hasOwn(x, "max")) {
    v = x["max"];
    if (!(typeof v === "number" && Number.isFinite(v))) return D;
    out["max"] = v;
    present++;
  }
  if (Object.hasOwn(x, "expected")) {
    v = c37(x["expected"]);
    if (v === D) return D;
    out["expected"] = v;
    present++;
  }
  if (Object.hasOwn(x, "values")) {
    v = c38(x["values"]);
    if (v === D) return D;
    out["values"] = v;
    present++;
  }
  if (Object.hasOwn(x, "unique")) {
    v = x["unique"];
    if (!(typeof v === "boolean")) return D;
    out["unique"] = v;
    present++;
  } else {
    out["unique"] = false;
  }
  if (Object.hasOwn(x, "description")) {
    v = x["description"];
    if (!(typeof v === "string")) return D;
    out["description"] = v;
    present++;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c40(x) {
  if (!Array.isArray(x) || !(x.length >= 1)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = c39(x[i]);
    if (v === D) return D;
    out[i] = v;
  }
  return out;
}
function c41(x) {
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
function c42(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "minRows")) {
    v = x["minRows"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 0)) return D;
    out["minRows"] = v;
    present++;
  }
  if (Object.hasOwn(x, "maxRows")) {
    v = x["maxRows"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 0)) return D;
    out["maxRows"] = v;
    present++;
  }
  if (Object.hasOwn(x, "uniqueBy")) {
    v = c41(x["uniqueBy"]);
    if (v === D) return D;
    out["uniqueBy"] = v;
    present++;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c43(x) {
  if (!Array.isArray(x)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = x[i];
    if (!(typeof v === "number" && Number.isFinite(v))) return D;
    out[i] = v;
  }
  return out;
}
function c44(x) {
  if (!Array.isArray(x)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = x[i];
    if (!(typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 1)) return D;
    out[i] = v;
  }
  return out;
}
function c45(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "kind")) {
    v = x["kind"];
    if (!(v === "numeric")) return D;
    out["kind"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "edges")) {
    v = c43(x["edges"]);
    if (v === D) return D;
    out["edges"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "fractions")) {
    v = c44(x["fractions"]);
    if (v === D) return D;
    out["fractions"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "nullFraction")) {
    v = x["nullFraction"];
    if (!(typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 1)) return D;
    out["nullFraction"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "count")) {
    v = x["count"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 0)) return D;
    out["count"] = v;
    present++;
  }
  if (Object.hasOwn(x, "distinct")) {
    v = x["distinct"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 0)) return D;
    out["distinct"] = v;
    present++;
  }
  if (Object.hasOwn(x, "mean")) {
    v = x["mean"];
    if (!(typeof v === "number" && Number.isFinite(v))) return D;
    out["mean"] = v;
    present++;
  }
  if (Object.hasOwn(x, "std")) {
    v = x["std"];
    if (!(typeof v === "number" && Number.isFinite(v))) return D;
    out["std"] = v;
    present++;
  }
  if (Object.hasOwn(x, "min")) {
    v = x["min"];
    if (!(typeof v === "number" && Number.isFinite(v))) return D;
    out["min"] = v;
    present++;
  }
  if (Object.hasOwn(x, "max")) {
    v = x["max"];
    if (!(typeof v === "number" && Number.isFinite(v))) return D;
    out["max"] = v;
    present++;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c46(x) {
  if (!isObject(x)) return D;
  const out = {};
  let v;
  for (const k of Object.keys(x)) {
    if (k === "__proto__") return D;
    v = x[k];
    if (!(typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 1)) return D;
    out[k] = v;
  }
  return out;
}
function c47(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "kind")) {
    v = x["kind"];
    if (!(v === "categorical")) return D;
    out["kind"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "fractions")) {
    v = c46(x["fractions"]);
    if (v === D) return D;
    out["fractions"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "nullFraction")) {
    v = x["nullFraction"];
    if (!(typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 1)) return D;
    out["nullFraction"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "count")) {
    v = x["count"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 0)) return D;
    out["count"] = v;
    present++;
  }
  if (Object.hasOwn(x, "distinct")) {
    v = x["distinct"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 0)) return D;
    out["distinct"] = v;
    present++;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c48(x) {
  let v;
  v = c45(x);
  if (v !== D) return v;
  v = c47(x);
  if (v !== D) return v;
  return D;
}
function c49(x) {
  if (!isObject(x)) return D;
  const out = {};
  let v;
  for (const k of Object.keys(x)) {
    if (k === "__proto__") return D;
    v = c48(x[k]);
    if (v === D) return D;
    out[k] = v;
  }
  return out;
}
function c50(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "psiWarn")) {
    v = x["psiWarn"];
    if (!(typeof v === "number" && Number.isFinite(v) && v > 0)) return D;
    out["psiWarn"] = v;
    present++;
  } else {
    out["psiWarn"] = 0.1;
  }
  if (Object.hasOwn(x, "psiFail")) {
    v = x["psiFail"];
    if (!(typeof v === "number" && Number.isFinite(v) && v > 0)) return D;
    out["psiFail"] = v;
    present++;
  } else {
    out["psiFail"] = 0.25;
  }
  if (Object.hasOwn(x, "reference")) {
    v = x["reference"];
    if (!(typeof v === "string" && k0.test(v))) return D;
    out["reference"] = v;
    present++;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c51(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "motivation")) {
    v = x["motivation"];
    if (!(typeof v === "string")) return D;
    out["motivation"] = v;
    present++;
  }
  if (Object.hasOwn(x, "composition")) {
    v = x["composition"];
    if (!(typeof v === "string")) return D;
    out["composition"] = v;
    present++;
  }
  if (Object.hasOwn(x, "collection")) {
    v = x["collection"];
    if (!(typeof v === "string")) return D;
    out["collection"] = v;
    present++;
  }
  if (Object.hasOwn(x, "preprocessing")) {
    v = x["preprocessing"];
    if (!(typeof v === "string")) return D;
    out["preprocessing"] = v;
    present++;
  }
  if (Object.hasOwn(x, "uses")) {
    v = x["uses"];
    if (!(typeof v === "string")) return D;
    out["uses"] = v;
    present++;
  }
  if (Object.hasOwn(x, "distribution")) {
    v = x["distribution"];
    if (!(typeof v === "string")) return D;
    out["distribution"] = v;
    present++;
  }
  if (Object.hasOwn(x, "maintenance")) {
    v = x["maintenance"];
    if (!(typeof v === "string")) return D;
    out["maintenance"] = v;
    present++;
  }
  if (Object.hasOwn(x, "license")) {
    v = x["license"];
    if (!(typeof v === "string")) return D;
    out["license"] = v;
    present++;
  }
  if (Object.hasOwn(x, "personalData")) {
    v = x["personalData"];
    if (!(typeof v === "string")) return D;
    out["personalData"] = v;
    present++;
  }
  if (Object.hasOwn(x, "knownBiases")) {
    v = x["knownBiases"];
    if (!(typeof v === "string")) return D;
    out["knownBiases"] = v;
    present++;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c52(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "path")) {
    v = x["path"];
    if (!(typeof v === "string" && v.length >= 1 && isLocation(v))) return D;
    out["path"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "format")) {
    v = x["format"];
    if (!(v === "csv" || v === "jsonl" || v === "parquet")) return D;
    out["format"] = v;
    present++;
  }
  if (Object.hasOwn(x, "csv")) {
    v = c34(x["csv"]);
    if (v === D) return D;
    out["csv"] = v;
    present++;
  }
  if (Object.hasOwn(x, "sha256")) {
    v = x["sha256"];
    if (!(typeof v === "string" && k4.test(v))) return D;
    out["sha256"] = v;
    present++;
  }
  if (Object.hasOwn(x, "sizeBytes")) {
    v = x["sizeBytes"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 0)) return D;
    out["sizeBytes"] = v;
    present++;
  }
  if (Object.hasOwn(x, "blocks")) {
    v = c36(x["blocks"]);
    if (v === D) return D;
    out["blocks"] = v;
    present++;
  }
  if (Object.hasOwn(x, "rows")) {
    v = x["rows"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 0)) return D;
    out["rows"] = v;
    present++;
  }
  if (Object.hasOwn(x, "columns")) {
    v = c40(x["columns"]);
    if (v === D) return D;
    out["columns"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "checks")) {
    v = c42(x["checks"]);
    if (v === D) return D;
    out["checks"] = v;
    present++;
  }
  if (Object.hasOwn(x, "profile")) {
    v = c49(x["profile"]);
    if (v === D) return D;
    out["profile"] = v;
    present++;
  }
  if (Object.hasOwn(x, "drift")) {
    v = c50(x["drift"]);
    if (v === D) return D;
    out["drift"] = v;
    present++;
  }
  if (Object.hasOwn(x, "datasheet")) {
    v = c51(x["datasheet"]);
    if (v === D) return D;
    out["datasheet"] = v;
    present++;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c53(x) {
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
    if (!(v === "Dataset")) return D;
    out["kind"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "metadata")) {
    v = c2(x["metadata"]);
    if (v === D) return D;
    out["metadata"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "spec")) {
    v = c52(x["spec"]);
    if (v === D) return D;
    out["spec"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c54(x) {
  if (!Array.isArray(x) || !(x.length >= 1)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = x[i];
    if (!(typeof v === "string" && v.length >= 1)) return D;
    out[i] = v;
  }
  return out;
}
function c55(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "path")) {
    v = x["path"];
    if (!(typeof v === "string" && v.length >= 1 && isLocation(v))) return D;
    out["path"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "sha256")) {
    v = x["sha256"];
    if (!(typeof v === "string" && k4.test(v))) return D;
    out["sha256"] = v;
    present++;
  }
  if (Object.hasOwn(x, "sizeBytes")) {
    v = x["sizeBytes"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 0)) return D;
    out["sizeBytes"] = v;
    present++;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c56(x) {
  if (!Array.isArray(x)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = x[i];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) || typeof v === "string")) return D;
    out[i] = v;
  }
  return out;
}
function c57(x) {
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
  if (Object.hasOwn(x, "type")) {
    v = x["type"];
    if (!(typeof v === "string" && v.length >= 1)) return D;
    out["type"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "shape")) {
    v = c56(x["shape"]);
    if (v === D) return D;
    out["shape"] = v;
    present++;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c58(x) {
  if (!Array.isArray(x) || !(x.length >= 1)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = c57(x[i]);
    if (v === D) return D;
    out[i] = v;
  }
  return out;
}
function c59(x) {
  if (!Array.isArray(x) || !(x.length >= 1)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = c57(x[i]);
    if (v === D) return D;
    out[i] = v;
  }
  return out;
}
function c60(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "inputs")) {
    v = c58(x["inputs"]);
    if (v === D) return D;
    out["inputs"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "outputs")) {
    v = c59(x["outputs"]);
    if (v === D) return D;
    out["outputs"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c61(x) {
  if (!Array.isArray(x) || !(x.length >= 1)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = x[i];
    if (!(typeof v === "string" && v.length >= 1)) return D;
    out[i] = v;
  }
  return out;
}
function c62(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "mode")) {
    v = x["mode"];
    if (!(v === "tensor" || v === "columns")) return D;
    out["mode"] = v;
    present++;
  } else {
    out["mode"] = "tensor";
  }
  if (Object.hasOwn(x, "tensor")) {
    v = x["tensor"];
    if (!(typeof v === "string")) return D;
    out["tensor"] = v;
    present++;
  }
  if (Object.hasOwn(x, "features")) {
    v = c61(x["features"]);
    if (v === D) return D;
    out["features"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c63(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "probability")) {
    v = x["probability"];
    if (!(typeof v === "string")) return D;
    out["probability"] = v;
    present++;
  }
  if (Object.hasOwn(x, "label")) {
    v = x["label"];
    if (!(typeof v === "string")) return D;
    out["label"] = v;
    present++;
  }
  if (Object.hasOwn(x, "value")) {
    v = x["value"];
    if (!(typeof v === "string")) return D;
    out["value"] = v;
    present++;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c64(x) {
  if (!Array.isArray(x)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = x[i];
    if (!(typeof v === "string" || typeof v === "number" && Number.isFinite(v) || typeof v === "boolean")) return D;
    out[i] = v;
  }
  return out;
}
function c65(x) {
  if (!isObject(x)) return D;
  const out = {};
  let v;
  for (const k of Object.keys(x)) {
    if (k === "__proto__") return D;
    v = x[k];
    if (!(typeof v === "string" || typeof v === "number" && Number.isFinite(v) || typeof v === "boolean")) return D;
    out[k] = v;
  }
  return out;
}
function c66(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "column")) {
    v = x["column"];
    if (!(typeof v === "string" && v.length >= 1)) return D;
    out["column"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "classes")) {
    v = c64(x["classes"]);
    if (v === D) return D;
    out["classes"] = v;
    present++;
  }
  if (Object.hasOwn(x, "positive")) {
    v = x["positive"];
    if (!(typeof v === "string" || typeof v === "number" && Number.isFinite(v) || typeof v === "boolean")) return D;
    out["positive"] = v;
    present++;
  }
  if (Object.hasOwn(x, "labels")) {
    v = c65(x["labels"]);
    if (v === D) return D;
    out["labels"] = v;
    present++;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c67(x) {
  if (!Array.isArray(x) || !(x.length >= 1)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = x[i];
    if (!(typeof v === "string" && v.length >= 1)) return D;
    out[i] = v;
  }
  return out;
}
function c68(x) {
  if (!isObject(x)) return D;
  const out = {};
  let v;
  for (const k of Object.keys(x)) {
    if (k === "__proto__") return D;
    v = x[k];
    out[k] = v;
  }
  return out;
}
function c69(x) {
  if (!Array.isArray(x)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = x[i];
    if (!(typeof v === "string" && k0.test(v))) return D;
    out[i] = v;
  }
  return out;
}
function c70(x) {
  if (!Array.isArray(x)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = x[i];
    if (!(typeof v === "string" && k6.test(v))) return D;
    out[i] = v;
  }
  return out;
}
function c71(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "command")) {
    v = c67(x["command"]);
    if (v === D) return D;
    out["command"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "shell")) {
    v = x["shell"];
    if (!(typeof v === "boolean")) return D;
    out["shell"] = v;
    present++;
  } else {
    out["shell"] = false;
  }
  if (Object.hasOwn(x, "workdir")) {
    v = x["workdir"];
    if (!(typeof v === "string" && v.length >= 1 && isRelativePath(v))) return D;
    out["workdir"] = v;
    present++;
  } else {
    out["workdir"] = ".";
  }
  if (Object.hasOwn(x, "params")) {
    v = c68(x["params"]);
    if (v === D) return D;
    out["params"] = v;
    present++;
  } else {
    out["params"] = {};
  }
  if (Object.hasOwn(x, "datasets")) {
    v = c69(x["datasets"]);
    if (v === D) return D;
    out["datasets"] = v;
    present++;
  } else {
    out["datasets"] = [];
  }
  if (Object.hasOwn(x, "output")) {
    v = x["output"];
    if (!(typeof v === "string" && v.length >= 1 && isRelativePath(v))) return D;
    out["output"] = v;
    present++;
  }
  if (Object.hasOwn(x, "env")) {
    v = c70(x["env"]);
    if (v === D) return D;
    out["env"] = v;
    present++;
  } else {
    out["env"] = [];
  }
  if (Object.hasOwn(x, "timeoutMinutes")) {
    v = x["timeoutMinutes"];
    if (!(typeof v === "number" && Number.isFinite(v) && v > 0 && v <= 35791)) return D;
    out["timeoutMinutes"] = v;
    present++;
  } else {
    out["timeoutMinutes"] = 60;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c72(x) {
  if (!Array.isArray(x) || !(x.length >= 1)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = x[i];
    if (!(typeof v === "string" && k0.test(v))) return D;
    out[i] = v;
  }
  return out;
}
function c73(x) {
  if (!Array.isArray(x)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = x[i];
    if (!(typeof v === "number" && Number.isFinite(v))) return D;
    out[i] = v;
  }
  return out;
}
function c74(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "column")) {
    v = x["column"];
    if (!(typeof v === "string" && v.length >= 1)) return D;
    out["column"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "buckets")) {
    v = c73(x["buckets"]);
    if (v === D) return D;
    out["buckets"] = v;
    present++;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c75(x) {
  if (!Array.isArray(x)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = c74(x[i]);
    if (v === D) return D;
    out[i] = v;
  }
  return out;
}
function c76(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "resamples")) {
    v = x["resamples"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 0 && v <= 1e5)) return D;
    out["resamples"] = v;
    present++;
  } else {
    out["resamples"] = 1e3;
  }
  if (Object.hasOwn(x, "seed")) {
    v = x["seed"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v))) return D;
    out["seed"] = v;
    present++;
  } else {
    out["seed"] = 42;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c77(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "datasets")) {
    v = c72(x["datasets"]);
    if (v === D) return D;
    out["datasets"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "slices")) {
    v = c75(x["slices"]);
    if (v === D) return D;
    out["slices"] = v;
    present++;
  } else {
    out["slices"] = [];
  }
  if (Object.hasOwn(x, "minSliceSupport")) {
    v = x["minSliceSupport"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 1)) return D;
    out["minSliceSupport"] = v;
    present++;
  } else {
    out["minSliceSupport"] = 30;
  }
  if (Object.hasOwn(x, "nanPolicy")) {
    v = x["nanPolicy"];
    if (!(v === "fail" || v === "count")) return D;
    out["nanPolicy"] = v;
    present++;
  } else {
    out["nanPolicy"] = "fail";
  }
  if (Object.hasOwn(x, "shards")) {
    v = x["shards"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 1 && v <= 256)) return D;
    out["shards"] = v;
    present++;
  }
  if (Object.hasOwn(x, "shardRows")) {
    v = x["shardRows"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 1)) return D;
    out["shardRows"] = v;
    present++;
  }
  if (Object.hasOwn(x, "bootstrap")) {
    v = c76(x["bootstrap"]);
    if (v === D) return D;
    out["bootstrap"] = v;
    present++;
  } else {
    out["bootstrap"] = { "resamples": 1e3, "seed": 42 };
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c78(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "metric")) {
    v = x["metric"];
    if (!(typeof v === "string" && v.length >= 1)) return D;
    out["metric"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "min")) {
    v = x["min"];
    if (!(typeof v === "number" && Number.isFinite(v))) return D;
    out["min"] = v;
    present++;
  }
  if (Object.hasOwn(x, "max")) {
    v = x["max"];
    if (!(typeof v === "number" && Number.isFinite(v))) return D;
    out["max"] = v;
    present++;
  }
  if (Object.hasOwn(x, "maxDrop")) {
    v = x["maxDrop"];
    if (!(typeof v === "number" && Number.isFinite(v) && v >= 0)) return D;
    out["maxDrop"] = v;
    present++;
  }
  if (Object.hasOwn(x, "maxRise")) {
    v = x["maxRise"];
    if (!(typeof v === "number" && Number.isFinite(v) && v >= 0)) return D;
    out["maxRise"] = v;
    present++;
  }
  if (Object.hasOwn(x, "severity")) {
    v = x["severity"];
    if (!(v === "fail" || v === "warn")) return D;
    out["severity"] = v;
    present++;
  } else {
    out["severity"] = "fail";
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c79(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "sliceGap")) {
    v = x["sliceGap"];
    if (!(typeof v === "string" && v.length >= 1)) return D;
    out["sliceGap"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "over")) {
    v = x["over"];
    if (!(typeof v === "string" && v.length >= 1)) return D;
    out["over"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "max")) {
    v = x["max"];
    if (!(typeof v === "number" && Number.isFinite(v) && v >= 0)) return D;
    out["max"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "severity")) {
    v = x["severity"];
    if (!(v === "fail" || v === "warn")) return D;
    out["severity"] = v;
    present++;
  } else {
    out["severity"] = "fail";
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c80(x) {
  let v;
  v = c78(x);
  if (v !== D) return v;
  v = c79(x);
  if (v !== D) return v;
  return D;
}
function c81(x) {
  if (!Array.isArray(x)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = c80(x[i]);
    if (v === D) return D;
    out[i] = v;
  }
  return out;
}
function c82(x) {
  if (!Array.isArray(x)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = x[i];
    if (!(typeof v === "string" && v.length >= 1)) return D;
    out[i] = v;
  }
  return out;
}
function c83(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "features")) {
    v = c82(x["features"]);
    if (v === D) return D;
    out["features"] = v;
    present++;
  }
  if (Object.hasOwn(x, "prediction")) {
    v = x["prediction"];
    if (!(typeof v === "boolean")) return D;
    out["prediction"] = v;
    present++;
  } else {
    out["prediction"] = true;
  }
  if (Object.hasOwn(x, "test")) {
    v = x["test"];
    if (!(v === "auto" || v === "ks" || v === "chisquare" || v === "z" || v === "wasserstein" || v === "jensenshannon")) return D;
    out["test"] = v;
    present++;
  } else {
    out["test"] = "auto";
  }
  if (Object.hasOwn(x, "alpha")) {
    v = x["alpha"];
    if (!(typeof v === "number" && Number.isFinite(v) && v > 0 && v < 1)) return D;
    out["alpha"] = v;
    present++;
  } else {
    out["alpha"] = 0.05;
  }
  if (Object.hasOwn(x, "correction")) {
    v = x["correction"];
    if (!(v === "holm" || v === "bonferroni" || v === "benjamini-hochberg" || v === "none")) return D;
    out["correction"] = v;
    present++;
  } else {
    out["correction"] = "holm";
  }
  if (Object.hasOwn(x, "wasserstein")) {
    v = x["wasserstein"];
    if (!(typeof v === "number" && Number.isFinite(v) && v > 0)) return D;
    out["wasserstein"] = v;
    present++;
  } else {
    out["wasserstein"] = 0.1;
  }
  if (Object.hasOwn(x, "jensenshannon")) {
    v = x["jensenshannon"];
    if (!(typeof v === "number" && Number.isFinite(v) && v > 0)) return D;
    out["jensenshannon"] = v;
    present++;
  } else {
    out["jensenshannon"] = 0.1;
  }
  if (Object.hasOwn(x, "share")) {
    v = x["share"];
    if (!(typeof v === "number" && Number.isFinite(v) && v > 0 && v <= 1)) return D;
    out["share"] = v;
    present++;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c84(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "metric")) {
    v = x["metric"];
    if (!(typeof v === "string" && v.length >= 1)) return D;
    out["metric"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "min")) {
    v = x["min"];
    if (!(typeof v === "number" && Number.isFinite(v))) return D;
    out["min"] = v;
    present++;
  }
  if (Object.hasOwn(x, "max")) {
    v = x["max"];
    if (!(typeof v === "number" && Number.isFinite(v))) return D;
    out["max"] = v;
    present++;
  }
  if (Object.hasOwn(x, "maxDrop")) {
    v = x["maxDrop"];
    if (!(typeof v === "number" && Number.isFinite(v) && v >= 0)) return D;
    out["maxDrop"] = v;
    present++;
  }
  if (Object.hasOwn(x, "maxRise")) {
    v = x["maxRise"];
    if (!(typeof v === "number" && Number.isFinite(v) && v >= 0)) return D;
    out["maxRise"] = v;
    present++;
  }
  if (Object.hasOwn(x, "severity")) {
    v = x["severity"];
    if (!(v === "fail" || v === "warn")) return D;
    out["severity"] = v;
    present++;
  } else {
    out["severity"] = "fail";
  }
  if (Object.hasOwn(x, "estimated")) {
    v = x["estimated"];
    if (!(typeof v === "boolean")) return D;
    out["estimated"] = v;
    present++;
  } else {
    out["estimated"] = true;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c85(x) {
  if (!Array.isArray(x)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = c84(x[i]);
    if (v === D) return D;
    out[i] = v;
  }
  return out;
}
function c86(x) {
  if (!Array.isArray(x)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = x[i];
    if (!(v === "issue" || v === "retrain" || v === "rollback")) return D;
    out[i] = v;
  }
  return out;
}
function c87(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "environment")) {
    v = x["environment"];
    if (!(typeof v === "string" && k0.test(v))) return D;
    out["environment"] = v;
    present++;
  }
  if (Object.hasOwn(x, "window")) {
    v = x["window"];
    if (!(typeof v === "string" && k7.test(v))) return D;
    out["window"] = v;
    present++;
  } else {
    out["window"] = "7d";
  }
  if (Object.hasOwn(x, "minRows")) {
    v = x["minRows"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 1)) return D;
    out["minRows"] = v;
    present++;
  } else {
    out["minRows"] = 1e3;
  }
  if (Object.hasOwn(x, "drift")) {
    v = c83(x["drift"]);
    if (v === D) return D;
    out["drift"] = v;
    present++;
  } else {
    v = c83({});
    if (v === D) return D;
    out["drift"] = v;
  }
  if (Object.hasOwn(x, "gates")) {
    v = c85(x["gates"]);
    if (v === D) return D;
    out["gates"] = v;
    present++;
  } else {
    out["gates"] = [];
  }
  if (Object.hasOwn(x, "onAlert")) {
    v = c86(x["onAlert"]);
    if (v === D) return D;
    out["onAlert"] = v;
    present++;
  } else {
    out["onAlert"] = ["issue"];
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c88(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "approvals")) {
    v = x["approvals"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 1)) return D;
    out["approvals"] = v;
    present++;
  }
  if (Object.hasOwn(x, "reviewers")) {
    v = c13(x["reviewers"]);
    if (v === D) return D;
    out["reviewers"] = v;
    present++;
  }
  if (Object.hasOwn(x, "riskClass")) {
    v = c16(x["riskClass"]);
    if (v === D) return D;
    out["riskClass"] = v;
    present++;
  }
  if (Object.hasOwn(x, "excludeCommitAuthors")) {
    v = x["excludeCommitAuthors"];
    if (!(typeof v === "boolean")) return D;
    out["excludeCommitAuthors"] = v;
    present++;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c89(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "cpu")) {
    v = x["cpu"];
    if (!(typeof v === "string")) return D;
    out["cpu"] = v;
    present++;
  }
  if (Object.hasOwn(x, "memory")) {
    v = x["memory"];
    if (!(typeof v === "string")) return D;
    out["memory"] = v;
    present++;
  }
  if (Object.hasOwn(x, "gpu")) {
    v = x["gpu"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 0)) return D;
    out["gpu"] = v;
    present++;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c90(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "target")) {
    v = x["target"];
    if (!(v === "kserve" || v === "triton")) return D;
    out["target"] = v;
    present++;
  } else {
    out["target"] = "kserve";
  }
  if (Object.hasOwn(x, "replicas")) {
    v = x["replicas"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 0)) return D;
    out["replicas"] = v;
    present++;
  } else {
    out["replicas"] = 1;
  }
  if (Object.hasOwn(x, "resources")) {
    v = c89(x["resources"]);
    if (v === D) return D;
    out["resources"] = v;
    present++;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c91(x) {
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
function c92(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "summary")) {
    v = x["summary"];
    if (!(typeof v === "string")) return D;
    out["summary"] = v;
    present++;
  }
  if (Object.hasOwn(x, "intendedUse")) {
    v = x["intendedUse"];
    if (!(typeof v === "string")) return D;
    out["intendedUse"] = v;
    present++;
  }
  if (Object.hasOwn(x, "outOfScopeUse")) {
    v = x["outOfScopeUse"];
    if (!(typeof v === "string")) return D;
    out["outOfScopeUse"] = v;
    present++;
  }
  if (Object.hasOwn(x, "limitations")) {
    v = x["limitations"];
    if (!(typeof v === "string")) return D;
    out["limitations"] = v;
    present++;
  }
  if (Object.hasOwn(x, "ethicalConsiderations")) {
    v = x["ethicalConsiderations"];
    if (!(typeof v === "string")) return D;
    out["ethicalConsiderations"] = v;
    present++;
  }
  if (Object.hasOwn(x, "humanOversight")) {
    v = x["humanOversight"];
    if (!(typeof v === "string")) return D;
    out["humanOversight"] = v;
    present++;
  }
  if (Object.hasOwn(x, "postMarketMonitoring")) {
    v = x["postMarketMonitoring"];
    if (!(typeof v === "string")) return D;
    out["postMarketMonitoring"] = v;
    present++;
  }
  if (Object.hasOwn(x, "license")) {
    v = x["license"];
    if (!(typeof v === "string")) return D;
    out["license"] = v;
    present++;
  }
  if (Object.hasOwn(x, "contact")) {
    v = x["contact"];
    if (!(typeof v === "string")) return D;
    out["contact"] = v;
    present++;
  }
  if (Object.hasOwn(x, "tags")) {
    v = c91(x["tags"]);
    if (v === D) return D;
    out["tags"] = v;
    present++;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c93(x) {
  if (!isObject(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "version")) {
    v = x["version"];
    if (!(typeof v === "string" && k5.test(v))) return D;
    out["version"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "description")) {
    v = x["description"];
    if (!(typeof v === "string")) return D;
    out["description"] = v;
    present++;
  }
  if (Object.hasOwn(x, "owners")) {
    v = c54(x["owners"]);
    if (v === D) return D;
    out["owners"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "task")) {
    v = x["task"];
    if (!(v === "binary-classification" || v === "multiclass-classification" || v === "regression")) return D;
    out["task"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "riskClass")) {
    v = x["riskClass"];
    if (!(v === "minimal" || v === "limited" || v === "high")) return D;
    out["riskClass"] = v;
    present++;
  } else {
    out["riskClass"] = "minimal";
  }
  if (Object.hasOwn(x, "artifact")) {
    v = c55(x["artifact"]);
    if (v === D) return D;
    out["artifact"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "signature")) {
    v = c60(x["signature"]);
    if (v === D) return D;
    out["signature"] = v;
    present++;
  }
  if (Object.hasOwn(x, "inputs")) {
    v = c62(x["inputs"]);
    if (v === D) return D;
    out["inputs"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "outputs")) {
    v = c63(x["outputs"]);
    if (v === D) return D;
    out["outputs"] = v;
    present++;
  } else {
    out["outputs"] = {};
  }
  if (Object.hasOwn(x, "label")) {
    v = c66(x["label"]);
    if (v === D) return D;
    out["label"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "threshold")) {
    v = x["threshold"];
    if (!(typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 1)) return D;
    out["threshold"] = v;
    present++;
  } else {
    out["threshold"] = 0.5;
  }
  if (Object.hasOwn(x, "training")) {
    v = c71(x["training"]);
    if (v === D) return D;
    out["training"] = v;
    present++;
  }
  if (Object.hasOwn(x, "evaluation")) {
    v = c77(x["evaluation"]);
    if (v === D) return D;
    out["evaluation"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "gates")) {
    v = c81(x["gates"]);
    if (v === D) return D;
    out["gates"] = v;
    present++;
  } else {
    out["gates"] = [];
  }
  if (Object.hasOwn(x, "monitoring")) {
    v = c87(x["monitoring"]);
    if (v === D) return D;
    out["monitoring"] = v;
    present++;
  }
  if (Object.hasOwn(x, "approval")) {
    v = c88(x["approval"]);
    if (v === D) return D;
    out["approval"] = v;
    present++;
  }
  if (Object.hasOwn(x, "deployment")) {
    v = c90(x["deployment"]);
    if (v === D) return D;
    out["deployment"] = v;
    present++;
  } else {
    out["deployment"] = { "target": "kserve", "replicas": 1 };
  }
  if (Object.hasOwn(x, "card")) {
    v = c92(x["card"]);
    if (v === D) return D;
    out["card"] = v;
    present++;
  } else {
    out["card"] = {};
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c94(x) {
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
    if (!(v === "Model")) return D;
    out["kind"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "metadata")) {
    v = c2(x["metadata"]);
    if (v === D) return D;
    out["metadata"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "spec")) {
    v = c93(x["spec"]);
    if (v === D) return D;
    out["spec"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function checkConfig(input) {
  const v = c33(input);
  return v === D ? void 0 : v;
}
function checkDataset(input) {
  const v = c53(input);
  return v === D ? void 0 : v;
}
function checkModel(input) {
  const v = c94(input);
  return v === D ? void 0 : v;
}

// src/manifest/plain.ts
var generatedChecks = {
  Config: checkConfig,
  Dataset: checkDataset,
  Model: checkModel
};
var parsedManifests = /* @__PURE__ */ new Map();
var PARSED_MANIFESTS_KEPT = 256;
var cacheKey = (file, text, expect) => `${expect ?? ""}\0${file}\0${text}`;
function rememberManifest(file, text, expect, r) {
  if (!r.manifest?.value) return;
  if (parsedManifests.size >= PARSED_MANIFESTS_KEPT) parsedManifests.delete(parsedManifests.keys().next().value);
  parsedManifests.set(cacheKey(file, text, expect), {
    kind: r.manifest.kind,
    value: structuredClone(r.manifest.value),
    findings: r.findings.map((f) => ({ ...f }))
  });
}
function plainManifest(file, text, expect) {
  const hit = parsedManifests.get(cacheKey(file, text, expect));
  if (hit) {
    return {
      manifest: { kind: hit.kind, src: lazySource(file, text), value: structuredClone(hit.value) },
      findings: hit.findings.map((f) => ({ ...f }))
    };
  }
  const raw = fastYamlValue(text);
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return void 0;
  const kind = raw.kind;
  if (kind !== "Config" && kind !== "Dataset" && kind !== "Model") return void 0;
  if (expect && kind !== expect) return void 0;
  const value = generatedChecks[kind](raw);
  if (value === void 0) return void 0;
  return { manifest: { kind, src: lazySource(file, text), value }, findings: [] };
}

const require$1 = createRequire(import.meta.url);

// src/manifest/findings.ts
function findingLocation(f) {
  let loc = f.file;
  if (f.line) loc += `:${f.line}:${f.col ?? 1}`;
  if (f.column) loc += ` (column "${f.column}")`;
  return loc;
}
function sortFindings(findings) {
  return [...findings].sort(
    (a, b) => compareNames(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0)
  );
}
var PLAIN_NAME = /^[a-z0-9./-]*$/;
function compareNames(a, b) {
  if (PLAIN_NAME.test(a) && PLAIN_NAME.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}
function levenshtein(a, b) {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}
function didYouMean(word, iterable) {
  const options = [...iterable];
  let best;
  let bestD = Infinity;
  for (const o of options) {
    const d = levenshtein(word.toLowerCase(), o.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = o;
    }
  }
  const limit = Math.max(2, Math.floor(word.length / 3));
  if (best !== void 0 && bestD <= limit) return best;
  const parts = [...options].filter(
    (o) => o.toLowerCase().split(/[_\-.]/).includes(word.toLowerCase())
  );
  return parts.length === 1 ? parts[0] : void 0;
}

export { YamlNotLoaded as Y, provideYamlParser as a, positionOf as b, compareNames as c, didYouMean as d, checkConfig as e, findingLocation as f, lazySource as l, plainManifest as p, rememberManifest as r, sortFindings as s };
