import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  UserError
} from "./chunk-VPZGVLTG.js";

// src/storage/location.ts
var LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;
function isObjectUrl(p) {
  return /^(s3|gs|https?):\/\//i.test(p);
}
function objectUrlProblem(p) {
  const m = /^(s3|gs):\/\/([^/]+)\/(.+)$/i.exec(p);
  if (/^(s3|gs):/i.test(p)) {
    if (!m) return `"${p}" needs a bucket and a key: ${p.slice(0, 2).toLowerCase()}://BUCKET/KEY`;
    if (m[3].endsWith("/")) return `"${p}" names a folder; name one object (a file), not a prefix`;
    return void 0;
  }
  let u;
  try {
    u = new URL(p);
  } catch {
    return `"${p}" is not a valid URL`;
  }
  if (u.username || u.password)
    return `"${p}" holds credentials; never write them in a manifest (use the store's own credential chain)`;
  if (u.protocol === "http:" && !LOOPBACK.test(u.hostname))
    return `"${p}" is plain http to another machine; use https (plain http is accepted only for a loopback address)`;
  return void 0;
}
function parseLocation(p) {
  if (isObjectUrl(p)) {
    const scheme = p.slice(0, p.indexOf(":")).toLowerCase();
    if (scheme === "s3" || scheme === "gs") {
      const rest = p.slice(5);
      const slash = rest.indexOf("/");
      return { kind: "object", url: p, scheme, bucket: rest.slice(0, slash), key: rest.slice(slash + 1) };
    }
    return { kind: "object", url: p, scheme };
  }
  const hash = p.indexOf("#");
  if (hash > 0 && /(^|\/)dvc\.lock$/.test(p.slice(0, hash)))
    return { kind: "dvc", file: p.slice(0, hash), out: p.slice(hash + 1) };
  if (/\.dvc$/.test(p)) return { kind: "dvc", file: p };
  return { kind: "file", path: p };
}
function contentName(p) {
  const loc = parseLocation(p);
  if (loc.kind === "object") return (loc.key ?? new URL(loc.url).pathname).replace(/[?#].*$/, "");
  if (loc.kind === "dvc") return loc.out ?? loc.file.replace(/\.dvc$/, "");
  return loc.path;
}

// src/manifest/basics.ts
import { existsSync } from "node:fs";
import { dirname, join, posix, resolve } from "node:path";
var CONFIG_FILE = "modelgate.yaml";
function findRoot(start) {
  let dir = resolve(start);
  for (; ; ) {
    if (existsSync(join(dir, CONFIG_FILE))) return dir;
    const up = dirname(dir);
    if (up === dir) {
      throw new UserError(
        `no model repository found: no ${CONFIG_FILE} in ${resolve(start)} or any folder above it; run inside a model repository (see examples/fraud-detection) or create ${CONFIG_FILE}`
      );
    }
    dir = up;
  }
}
var PROFILE_DISTINCT_CAP = 100;
var API_VERSION = "modelgate.dev/v1alpha1";
function repoPath(p) {
  const n = posix.normalize(p.trim());
  return n.length > 1 ? n.replace(/\/+$/, "") : n;
}
function isRelativePath(p) {
  return !p.startsWith("/") && !/^[A-Za-z]:[\\/]/.test(p);
}
function locationProblem(p) {
  if (isObjectUrl(p)) return objectUrlProblem(p);
  if (!isRelativePath(p))
    return "must be a relative path (relative to this manifest's folder) or a store URL (s3://, gs://, https://)";
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(p))
    return `the scheme of "${p}" is not one modelgate reads; use s3://, gs:// or https://`;
  return void 0;
}
var isLocation = (p) => locationProblem(p) === void 0;
var isCompleteDeploy = (d) => d.gitops !== "argocd" || Boolean(d.argocd.repoURL);

export {
  isObjectUrl,
  parseLocation,
  contentName,
  CONFIG_FILE,
  findRoot,
  PROFILE_DISTINCT_CAP,
  API_VERSION,
  repoPath,
  isRelativePath,
  locationProblem,
  isLocation,
  isCompleteDeploy
};
