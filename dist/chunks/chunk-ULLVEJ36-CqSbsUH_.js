import { createRequire } from 'node:module';
import { w as writeFileAtomic } from './hot-validate-plan-audit-verify-DglurztO.js';
import { p as parseRetryAfter, w as withRetry } from './chunk-DFUR2YEO-CrRpRbga.js';
import { U as UserError, M as ModelgateError, n as environmentFailure, C as CheckFailed } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { readFileSync, createReadStream, createWriteStream } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { Readable, PassThrough, Transform } from 'node:stream';
import { open, stat, mkdir, rename, rm, readFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';

const require$1 = createRequire(import.meta.url);
function registryCredentials(registry, env) {
  if (env.MODELGATE_REGISTRY_PASSWORD) {
    return { username: env.MODELGATE_REGISTRY_USERNAME || "modelgate", password: env.MODELGATE_REGISTRY_PASSWORD };
  }
  if (registry === "ghcr.io" && env.GITHUB_TOKEN) {
    return { username: env.GITHUB_ACTOR || "x-access-token", password: env.GITHUB_TOKEN };
  }
  const files = [
    env.REGISTRY_AUTH_FILE,
    env.XDG_RUNTIME_DIR ? join(env.XDG_RUNTIME_DIR, "containers", "auth.json") : void 0,
    join(env.DOCKER_CONFIG || join(env.HOME || homedir(), ".docker"), "config.json")
  ].filter((f) => Boolean(f));
  for (const file of files) {
    let auths;
    try {
      auths = JSON.parse(readFileSync(file, "utf8")).auths;
    } catch {
      continue;
    }
    const keys = registry === "docker.io" ? ["docker.io", "https://index.docker.io/v1/", "index.docker.io"] : [registry, `https://${registry}`];
    for (const k of keys) {
      const a = auths?.[k];
      if (!a) continue;
      if (a.username && a.password) return { username: a.username, password: a.password };
      if (a.auth) {
        const text = Buffer.from(a.auth, "base64").toString("utf8");
        const i = text.indexOf(":");
        if (i > 0) return { username: text.slice(0, i), password: text.slice(i + 1) };
      }
    }
  }
  return void 0;
}
var MediaType = {
  index: "application/vnd.oci.image.index.v1+json",
  manifest: "application/vnd.oci.image.manifest.v1+json",
  config: "application/vnd.oci.image.config.v1+json",
  layer: "application/vnd.oci.image.layer.v1.tar",
  layerGzip: "application/vnd.oci.image.layer.v1.tar+gzip",
  layerZstd: "application/vnd.oci.image.layer.v1.tar+zstd",
  empty: "application/vnd.oci.empty.v1+json",
  dockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
  dockerManifestList: "application/vnd.docker.distribution.manifest.list.v2+json",
  dockerConfig: "application/vnd.docker.container.image.v1+json",
  dockerLayerGzip: "application/vnd.docker.image.rootfs.diff.tar.gzip",
  dockerLayer: "application/vnd.docker.image.rootfs.diff.tar"
};
var DOCKER_TO_OCI = {
  [MediaType.dockerManifest]: MediaType.manifest,
  [MediaType.dockerManifestList]: MediaType.index,
  [MediaType.dockerConfig]: MediaType.config,
  [MediaType.dockerLayerGzip]: MediaType.layerGzip,
  [MediaType.dockerLayer]: MediaType.layer
};
var MANIFEST_TYPES = [
  MediaType.index,
  MediaType.manifest,
  MediaType.dockerManifestList,
  MediaType.dockerManifest
];
function isIndexType(mediaType) {
  return mediaType === MediaType.index || mediaType === MediaType.dockerManifestList;
}
var DIGEST_RE = /^sha256:[a-f0-9]{64}$/;
function isDigest(s) {
  return DIGEST_RE.test(s);
}
function sha256Digest(bytes) {
  return `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}
function hexOf(digest) {
  return digest.slice(digest.indexOf(":") + 1);
}
function jsonBytes(value) {
  return Buffer.from(JSON.stringify(value), "utf8");
}
function describe(mediaType, bytes, extra = {}) {
  return { mediaType, digest: sha256Digest(bytes), size: bytes.byteLength, ...extra };
}
var EMPTY_JSON = Buffer.from("{}", "utf8");
var EMPTY_DESCRIPTOR = {
  mediaType: MediaType.empty,
  digest: "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
  size: 2
};

// src/oci/reference.ts
var REPO_RE = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
var HOST_RE = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?$/;
var TAG_RE = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
function parseReference(ref, flag = "reference") {
  let rest = ref.trim();
  let digest;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!isDigest(digest)) throw new UserError(`${flag} "${ref}": "${digest}" is not a sha256 digest`);
  }
  let tag;
  const slash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG_RE.test(tag)) throw new UserError(`${flag} "${ref}": "${tag}" is not a valid tag`);
  }
  const first = rest.split("/")[0];
  let registry;
  let repository;
  if (rest.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost")) {
    registry = first;
    repository = rest.slice(first.length + 1);
  } else {
    registry = "docker.io";
    repository = rest.includes("/") ? rest : `library/${rest}`;
  }
  const host = HOST_RE.exec(registry);
  const port = host?.[1] === void 0 ? void 0 : Number(host[1]);
  if (!host || port !== void 0 && (port < 1 || port > 65535)) {
    throw new UserError(
      `${flag} "${ref}": "${registry}" is not a registry host${port !== void 0 && host ? ` (port ${host[1]} is not from 1 to 65535)` : ""}; write HOST[:PORT]/REPOSITORY, e.g. ghcr.io/acme/models or localhost:5000/models`
    );
  }
  if (!REPO_RE.test(repository)) {
    throw new UserError(
      `${flag} "${ref}": "${repository}" is not a valid repository name (lowercase letters, digits, . _ - and /)`
    );
  }
  return { registry, repository, tag, digest };
}
function formatReference(r) {
  return `${r.registry}/${r.repository}${r.tag ? `:${r.tag}` : ""}${r.digest ? `@${r.digest}` : ""}`;
}
function apiHost(registry) {
  return registry === "docker.io" ? "registry-1.docker.io" : registry;
}
function isLoopback(registry) {
  const host = registry.startsWith("[") ? registry.slice(1, registry.indexOf("]")) : registry.split(":")[0];
  return host === "localhost" || host === "::1" || /^127(?:\.\d{1,3}){3}$/.test(host);
}
var REGISTRY_TIMEOUT_MS = 3e4;
var REGISTRY_BUDGET_MS = 12e4;
function registryTuning(env) {
  const out = {};
  for (const [name, key] of [
    ["MODELGATE_REGISTRY_TIMEOUT", "timeoutMs"],
    ["MODELGATE_REGISTRY_BUDGET", "budgetMs"]
  ]) {
    const v = env[name];
    if (v === void 0 || v === "") continue;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0)
      throw new UserError(`${name}="${v}" is not a number of seconds above 0; set e.g. ${name}=60`);
    out[key] = Math.round(n * 1e3);
  }
  return out;
}
var seconds = (ms) => `${Math.round(ms / 100) / 10} s`;
var Transient = class extends Error {
  constructor(message, retryAfterMs) {
    super(message);
    this.retryAfterMs = retryAfterMs;
  }
  retryAfterMs;
};
function busy(what, res, why) {
  const after = parseRetryAfter(res.headers["retry-after"]);
  const asked = after === void 0 ? "" : ` (Retry-After: ${Math.round(after / 1e3)} s)`;
  return new Transient(`${what} answered ${res.status}${asked}${why ? `: ${why}` : ""}`, after);
}
var NETWORK_CODES = /* @__PURE__ */ new Set([
  "ECONNRESET",
  "EPIPE",
  "ECONNREFUSED",
  "ETIMEDOUT",
  "ECONNABORTED",
  "EAI_AGAIN",
  "UND_ERR_SOCKET"
]);
function registryFailure(err) {
  if (err instanceof ModelgateError || environmentFailure(err)) return err;
  const code = err?.code;
  if (err instanceof Transient) return new CheckFailed(`the registry failed: ${err.message}; try again later`);
  if (typeof code === "string") {
    return new CheckFailed(
      `cannot talk to the registry: ${err.message}; check that an OCI registry runs there and that the host and port are right`
    );
  }
  return err;
}
function isTransient(err) {
  if (err instanceof Transient) return true;
  const code = err?.code;
  return typeof code === "string" && (NETWORK_CODES.has(code) || code === "ERR_STREAM_PREMATURE_CLOSE");
}
async function readAll(res, limit = 8 << 20) {
  const chunks = [];
  let size = 0;
  for await (const c of res) {
    size += c.byteLength;
    if (size > limit) {
      res.destroy();
      throw new Error(`response larger than ${limit} bytes`);
    }
    chunks.push(c);
  }
  return Buffer.concat(chunks);
}
function drain(res) {
  return new Promise((resolve) => {
    res.on("end", resolve);
    res.on("error", () => resolve());
    res.on("close", resolve);
    res.resume();
  });
}
function parseChallenge(header) {
  const m = /^\s*(\w+)\s*(.*)$/s.exec(header);
  if (!m) return { scheme: "", params: {} };
  const params = {};
  for (const p of m[2].matchAll(/([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g)) {
    params[p[1].toLowerCase()] = (p[2] ?? p[3] ?? "").replace(/\\(.)/g, "$1");
  }
  return { scheme: m[1].toLowerCase(), params };
}
async function errorText(res) {
  try {
    const text = (await readAll(res.body, 64 << 10)).toString("utf8");
    const json = JSON.parse(text);
    if (json.errors?.length) return json.errors.map((e) => [e.code, e.message].filter(Boolean).join(": ")).join("; ");
    return text.slice(0, 300);
  } catch {
    return "";
  }
}
function pushScope(repo) {
  return `repository:${repo}:pull,push`;
}
function pullScope(repo) {
  return `repository:${repo}:pull`;
}
var RegistryClient = class {
  constructor(registry, opts = {}) {
    this.opts = opts;
    this.registry = registry;
    const plain = isLoopback(registry);
    this.baseUrl = new URL(`${plain ? "http" : "https"}://${apiHost(registry)}`);
    this.agent = plain ? new http.Agent({ keepAlive: true }) : new https.Agent({ keepAlive: true });
    this.retries = opts.retries ?? 5;
    this.retryDelayMs = opts.retryDelayMs ?? 500;
    this.chunkSize = opts.chunkSize ?? 0;
  }
  opts;
  registry;
  baseUrl;
  agent;
  challenge;
  tokens = /* @__PURE__ */ new Map();
  retries;
  retryDelayMs;
  chunkSize;
  close() {
    this.agent.destroy();
  }
  log(line) {
    this.opts.log?.(line);
  }
  /** One HTTP exchange; the body is streamed. Rejects on a broken connection. */
  exchange(method, url, headers, body) {
    return new Promise((resolve, reject) => {
      const mod = url.protocol === "https:" ? https : http;
      const req = mod.request(url, { method, headers, agent: url.host === this.baseUrl.host ? this.agent : void 0 });
      const idle = this.opts.timeoutMs ?? REGISTRY_TIMEOUT_MS;
      req.setTimeout(idle, () => {
        const err = new Error(
          `${method} ${url.pathname}: nothing sent or received for ${seconds(idle)} (MODELGATE_REGISTRY_TIMEOUT)`
        );
        err.code = "ETIMEDOUT";
        req.destroy(err);
      });
      let settled = false;
      const stop = new AbortController();
      const fail = (err) => {
        if (body instanceof Readable) body.destroy();
        stop.abort();
        if (!settled) {
          settled = true;
          reject(err);
        }
      };
      req.on("error", fail);
      req.on("response", (res) => {
        if (body instanceof Readable && !body.readableEnded) {
          body.unpipe(req);
          body.destroy();
        }
        stop.abort();
        settled = true;
        res.on("error", () => {
        });
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: res });
      });
      if (body instanceof Readable) {
        body.on("error", (err) => req.destroy(err));
        body.pipe(req);
      } else if (typeof body === "function") {
        body(req, stop.signal).then(
          () => {
            if (!stop.signal.aborted) req.end();
          },
          (err) => req.destroy(err)
        );
      } else {
        req.end(body);
      }
    });
  }
  async authorization(scopes) {
    const c = this.challenge;
    if (!c) return void 0;
    const creds = this.opts.credentials;
    if (c.scheme === "basic") {
      if (!creds) return void 0;
      return `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString("base64")}`;
    }
    if (c.scheme === "bearer") {
      const key = [...scopes].sort().join(" ");
      let token = this.tokens.get(key);
      if (!token) {
        token = await this.fetchToken(c.params, scopes);
        this.tokens.set(key, token);
      }
      return `Bearer ${token}`;
    }
    return void 0;
  }
  /** The Bearer token flow: GET realm?service=…&scope=…, with Basic credentials when there are some. */
  async fetchToken(params, scopes) {
    if (!params.realm) throw new CheckFailed(`registry ${this.registry} asked for a Bearer token without a realm`);
    const url = new URL(params.realm);
    if (url.protocol === "http:" && !isLoopback(url.host)) {
      throw new UserError(
        `registry ${this.registry}: token realm ${params.realm} is plain HTTP; refusing to send credentials`
      );
    }
    if (params.service) url.searchParams.set("service", params.service);
    for (const s of scopes) url.searchParams.append("scope", s);
    const headers = { accept: "application/json" };
    const creds = this.opts.credentials;
    if (creds) headers.authorization = `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString("base64")}`;
    const res = await this.withRetry(`token ${url.host}`, () => this.exchange("GET", url, headers));
    if (res.status === 401 || res.status === 403) {
      const why = await errorText(res);
      throw new UserError(
        `registry ${this.registry}: the token service refused ${creds ? `the credentials of "${creds.username}"` : "an anonymous request"} for ${scopes.join(" ")} (${res.status}${why ? `: ${why}` : ""}); set MODELGATE_REGISTRY_USERNAME and MODELGATE_REGISTRY_PASSWORD (or GITHUB_TOKEN for ghcr.io)`
      );
    }
    if (res.status !== 200)
      throw new CheckFailed(`registry ${this.registry}: token service answered ${res.status}: ${await errorText(res)}`);
    const json = JSON.parse((await readAll(res.body)).toString("utf8"));
    const token = json.token ?? json.access_token;
    if (!token) throw new CheckFailed(`registry ${this.registry}: token service gave no token`);
    return token;
  }
  /**
   * `fn` under modelgate's retry policy (src/util/retry.ts) for transient failures, within the retry budget: a log
   * line per retry; the error that ends the retries says how many were made and why they stopped.
   */
  async withRetry(what, fn, verb = "retrying") {
    const budget = this.opts.budgetMs ?? REGISTRY_BUDGET_MS;
    const started = Date.now();
    let made = 0;
    let stopped;
    try {
      return await withRetry(fn, {
        retries: this.retries,
        baseMs: this.retryDelayMs,
        maxMs: budget,
        retryable: (err) => {
          if (!isTransient(err)) return false;
          const left = started + budget - Date.now();
          const asked = err instanceof Transient ? err.retryAfterMs : void 0;
          if (asked !== void 0 && asked > left) {
            stopped = `the registry asked to wait ${seconds(asked)}, more than the ${seconds(Math.max(0, left))} left of the retry budget (${seconds(budget)}; MODELGATE_REGISTRY_BUDGET)`;
            return false;
          }
          if (left <= 0) {
            stopped = `the retry budget of ${seconds(budget)} is spent (MODELGATE_REGISTRY_BUDGET)`;
            return false;
          }
          return true;
        },
        retryAfterMs: (err) => err instanceof Transient ? err.retryAfterMs : void 0,
        onRetry: (err, n, delay) => {
          made = n;
          this.log(`${what}: ${err.message}; ${verb} in ${delay} ms (${n}/${this.retries})`);
        }
      });
    } catch (err) {
      if (isTransient(err) && err instanceof Error) {
        const tried = made ? `after ${made} ${made === 1 ? "retry" : "retries"} in ${seconds(Date.now() - started)}` : "not retried";
        err.message = `${err.message} (${stopped ? `${stopped}; ` : ""}${tried})`;
      }
      throw err;
    }
  }
  /**
   * A request with auth (answering a 401 challenge once) and retries on 5xx, 429 and broken connections.
   * `ok` lists the statuses the caller handles; any other is an error that names the request.
   */
  async request(method, pathOrUrl, opts) {
    const url = new URL(pathOrUrl, this.baseUrl);
    const once = async () => {
      for (let authTry = 0; ; authTry++) {
        const headers = { "user-agent": "modelgate", ...opts.headers ?? {} };
        const auth = url.host === this.baseUrl.host ? await this.authorization(opts.scopes) : void 0;
        if (auth) headers.authorization = auth;
        const res = await this.exchange(method, url, headers, opts.body?.());
        if (res.status === 401 && authTry === 0) {
          const header = res.headers["www-authenticate"];
          await drain(res.body);
          if (!header)
            throw new CheckFailed(
              `registry ${this.registry}: ${method} ${url.pathname} answered 401 without a challenge`
            );
          this.challenge = parseChallenge(Array.isArray(header) ? header[0] : header);
          this.tokens.clear();
          if (this.challenge.scheme === "basic" && !this.opts.credentials) {
            throw new UserError(
              `registry ${this.registry} needs credentials (Basic auth); set MODELGATE_REGISTRY_USERNAME and MODELGATE_REGISTRY_PASSWORD`
            );
          }
          continue;
        }
        if (opts.ok.includes(res.status)) return res;
        if (res.status >= 500 || res.status === 429) throw busy(`${method} ${url.pathname}`, res, await errorText(res));
        const why = await errorText(res);
        if (res.status === 401 || res.status === 403) {
          throw new UserError(
            `registry ${this.registry} denied ${method} ${url.pathname} (${res.status}${why ? `: ${why}` : ""}); check the credentials (MODELGATE_REGISTRY_USERNAME/MODELGATE_REGISTRY_PASSWORD, or GITHUB_TOKEN with packages: write for ghcr.io)`
          );
        }
        throw new CheckFailed(
          `registry ${this.registry}: ${method} ${url.pathname} answered ${res.status}${why ? `: ${why}` : ""}`
        );
      }
    };
    return opts.retry === false ? once() : this.withRetry(`${method} ${url.pathname}`, once);
  }
  /** GET /v2/: checks that the registry speaks the API (a 401 is fine here: auth comes per repository). */
  async ping() {
    const res = await this.withRetry("GET /v2/", async () => {
      const r = await this.exchange("GET", new URL("/v2/", this.baseUrl), { "user-agent": "modelgate" });
      await drain(r.body);
      if (r.status >= 500 || r.status === 429) throw busy("GET /v2/", r);
      return r;
    });
    if (res.status !== 200 && res.status !== 401) {
      throw new CheckFailed(`${this.baseUrl.origin}/v2/ answered ${res.status}: not an OCI registry`);
    }
  }
  async hasBlob(repo, digest, scopes = [pushScope(repo)]) {
    const res = await this.request("HEAD", `/v2/${repo}/blobs/${digest}`, { scopes, ok: [200, 404] });
    await drain(res.body);
    return res.status === 200;
  }
  /** Streams a blob (or bytes [start, end) of it). */
  async openBlob(repo, digest, start = 0, end) {
    const headers = {};
    if (start > 0 || end !== void 0) headers.range = `bytes=${start}-${end !== void 0 ? end - 1 : ""}`;
    let res = await this.request("GET", `/v2/${repo}/blobs/${digest}`, {
      scopes: [pullScope(repo)],
      headers,
      ok: [200, 206, 307, 302, 303]
    });
    for (let hops = 0; res.status >= 300 && res.status < 400 && hops < 5; hops++) {
      const to = new URL(String(res.headers.location), this.baseUrl);
      await drain(res.body);
      res = await this.withRetry(`GET ${to.host}`, () => this.exchange("GET", to, headers));
    }
    if (res.status !== 200 && res.status !== 206)
      throw new CheckFailed(`registry ${this.registry}: blob ${digest} answered ${res.status}`);
    return res.body;
  }
  async getManifest(repo, ref) {
    const res = await this.request("GET", `/v2/${repo}/manifests/${ref}`, {
      scopes: [pullScope(repo)],
      headers: { accept: MANIFEST_TYPES.join(", ") },
      ok: [200, 404]
    });
    if (res.status === 404) {
      await drain(res.body);
      return null;
    }
    const bytes = await readAll(res.body);
    const digest = sha256Digest(bytes);
    if (ref.startsWith("sha256:") && digest !== ref) {
      throw new CheckFailed(`registry ${this.registry}: manifest ${ref} of ${repo} came back with digest ${digest}`);
    }
    const mediaType = String(res.headers["content-type"] ?? "").split(";")[0].trim() || String(JSON.parse(bytes.toString("utf8")).mediaType);
    return { bytes, mediaType, digest };
  }
  /** PUTs a manifest under a tag or its digest; checks the digest the registry computed. */
  async putManifest(repo, ref, bytes, mediaType) {
    const res = await this.request("PUT", `/v2/${repo}/manifests/${ref}`, {
      scopes: [pushScope(repo)],
      headers: { "content-type": mediaType, "content-length": String(bytes.byteLength) },
      body: () => bytes,
      ok: [201, 200]
    });
    await drain(res.body);
    const digest = sha256Digest(bytes);
    const theirs = res.headers["docker-content-digest"];
    if (theirs && theirs !== digest) {
      throw new CheckFailed(`registry ${this.registry}: manifest pushed as ${digest} but the registry says ${theirs}`);
    }
    const subject = res.headers["oci-subject"];
    return { digest, subject: typeof subject === "string" ? subject : void 0 };
  }
  /** GET /v2/<name>/referrers/<digest>: the index of referrers, or null where the registry has no referrers API (404). */
  async referrers(repo, digest) {
    const res = await this.request("GET", `/v2/${repo}/referrers/${digest}`, {
      scopes: [pullScope(repo)],
      ok: [200, 404]
    });
    if (res.status === 404) {
      await drain(res.body);
      return null;
    }
    const type = String(res.headers["content-type"] ?? "");
    const bytes = await readAll(res.body);
    if (!type.includes("json")) return null;
    return JSON.parse(bytes.toString("utf8"));
  }
  /**
   * Uploads a blob unless the repository has it: HEAD first, then a cross-repository mount when `mountFrom` names
   * another repository of this registry, else a POST and a streamed PUT (or PATCH chunks, then PUT). A dropped
   * connection or a 5xx restarts the upload (resuming a chunked one where the registry says it stopped).
   *
   * A blob whose digest is not known yet (`digest` is "": the model layer, hashed as it is read) is sent without HEAD:
   * a POST, its bytes in PATCH requests (one, or chunks of `chunkSize`), then the PUT `?digest=` of what was hashed
   * on the way. `beforeCommit` runs between the last byte and that PUT: when it throws, the upload is cancelled and no
   * blob is made.
   */
  async pushBlob(repo, blob, opts = {}) {
    const streamed = !blob.digest;
    if (!streamed && await this.hasBlob(repo, blob.digest)) return "exists";
    const scopes = !streamed && opts.mountFrom && opts.mountFrom !== repo ? [pushScope(repo), pullScope(opts.mountFrom)] : [pushScope(repo)];
    return this.withRetry(
      `upload of ${blobLabel(blob)} to ${repo}`,
      () => this.uploadOnce(repo, blob, scopes, streamed ? { ...opts, mountFrom: void 0 } : opts),
      "restarting"
    );
  }
  async uploadOnce(repo, blob, scopes, opts) {
    const streamed = !blob.digest;
    const mount = opts.mountFrom && opts.mountFrom !== repo;
    const start = mount ? `/v2/${repo}/blobs/uploads/?mount=${encodeURIComponent(blob.digest)}&from=${encodeURIComponent(opts.mountFrom)}` : `/v2/${repo}/blobs/uploads/`;
    const res = await this.request("POST", start, {
      scopes,
      ok: [201, 202],
      headers: { "content-length": "0" },
      retry: false
    });
    await drain(res.body);
    if (res.status === 201) return "mounted";
    let location = this.location(res);
    const counted = (from, to) => {
      const writeTo = blob.writeTo?.bind(blob);
      if (writeTo) return (dest, signal) => writeTo(dest, from, to, opts.onBytes, signal);
      const s = blob.open(from, to);
      if (opts.onBytes) s.on("data", (c) => opts.onBytes(c.byteLength));
      return s;
    };
    let putBody;
    let putLength = 0;
    let resumes = 0;
    const afterResume = (err) => resumes > 0 && !isTransient(err) && !(err instanceof UserError) ? new Transient(`resumed upload refused (${err.message})`) : err;
    const chunk = this.chunkSize > 0 && blob.size > this.chunkSize ? this.chunkSize : streamed ? blob.size : 0;
    if (chunk > 0) {
      let offset = 0;
      while (offset < blob.size) {
        const end = Math.min(offset + chunk, blob.size);
        try {
          const r = await this.request("PATCH", location, {
            scopes,
            headers: {
              "content-type": "application/octet-stream",
              "content-length": String(end - offset),
              "content-range": `${offset}-${end - 1}`
            },
            body: () => counted(offset, end),
            ok: [202],
            retry: false
          });
          await drain(r.body);
          location = this.location(r);
          offset = end;
        } catch (err) {
          if (!isTransient(err)) throw afterResume(err);
          const resumed = resumes < 3 ? await this.uploadStatus(location, scopes) : null;
          if (!resumed) throw err;
          resumes++;
          this.log(
            `chunk at ${offset} of ${blobLabel(blob)}: ${err.message}; resuming at ${resumed.offset}`
          );
          location = resumed.location;
          offset = resumed.offset;
        }
      }
    } else {
      putBody = () => counted(0, blob.size);
      putLength = blob.size;
    }
    const digest = blob.digest;
    if (!digest) throw new Error(`the ${blobLabel(blob)} was sent, but not read in order: its digest is not known`);
    if (streamed && opts.beforeCommit) {
      try {
        opts.beforeCommit();
      } catch (err) {
        await this.cancelUpload(location, scopes);
        throw err;
      }
    }
    const url = new URL(location);
    url.searchParams.set("digest", digest);
    const put = await this.request("PUT", url.toString(), {
      scopes,
      headers: { "content-type": "application/octet-stream", "content-length": String(putLength) },
      body: putBody,
      ok: [201],
      retry: false
    }).catch((err) => {
      throw afterResume(err);
    });
    await drain(put.body);
    const theirs = put.headers["docker-content-digest"];
    if (theirs && theirs !== digest) {
      throw new CheckFailed(`registry ${this.registry}: blob pushed as ${digest} but the registry says ${theirs}`);
    }
    return "uploaded";
  }
  /** DELETE on an upload session, so that its bytes never become a blob (best effort: a registry may not allow it). */
  async cancelUpload(location, scopes) {
    try {
      const r = await this.request("DELETE", location, { scopes, ok: [204, 200, 202, 404, 405], retry: false });
      await drain(r.body);
    } catch {
    }
  }
  /** GET on an upload session: where to resume (the Range header says what the registry holds), or null. */
  async uploadStatus(location, scopes) {
    try {
      const r = await this.request("GET", location, { scopes, ok: [204, 200, 404, 400, 416], retry: false });
      await drain(r.body);
      if (r.status !== 204 && r.status !== 200) return null;
      const range = /^(?:bytes=)?0-(\d+)$/.exec(String(r.headers.range ?? ""));
      const last = range ? Number(range[1]) : 0;
      return { location: this.location(r, location), offset: last > 0 ? last + 1 : 0 };
    } catch {
      return null;
    }
  }
  location(res, fallback) {
    const loc = res.headers.location;
    if (!loc) {
      if (fallback) return fallback;
      throw new CheckFailed(`registry ${this.registry}: upload answered ${res.status} without a Location`);
    }
    return new URL(loc, this.baseUrl).toString();
  }
};
function blobLabel(blob) {
  return blob.digest ? blob.digest.slice(0, 19) : `layer of ${blob.size} bytes (hashed as it is sent)`;
}
function registryBlob(client, repo, d) {
  return {
    mediaType: d.mediaType,
    digest: d.digest,
    size: d.size,
    origin: { registry: client.registry, repository: repo },
    open(start = 0, end = d.size) {
      const out = new PassThrough();
      client.openBlob(repo, d.digest, start, end === d.size && start === 0 ? void 0 : end).then(
        (s) => {
          s.on("error", (e) => out.destroy(e));
          s.pipe(out);
        },
        (e) => out.destroy(e)
      );
      return out;
    }
  };
}
function descriptorOf(blob, extra = {}) {
  return { mediaType: blob.mediaType, digest: blob.digest, size: blob.size, ...extra };
}
function memoryBlob(mediaType, bytes) {
  return {
    mediaType,
    digest: sha256Digest(bytes),
    size: bytes.byteLength,
    bytes,
    open: (start = 0, end = bytes.byteLength) => Readable.from([Buffer.from(bytes.subarray(start, end))])
  };
}
function segmentSize(s) {
  return s instanceof Uint8Array ? s.byteLength : s.size;
}
var CHUNK = 1 << 20;
async function* readSegments(segments, start, end) {
  let offset = 0;
  for (const seg of segments) {
    const size = segmentSize(seg);
    const from = Math.max(start - offset, 0);
    const to = Math.min(end - offset, size);
    offset += size;
    if (to <= from) continue;
    if (seg instanceof Uint8Array) {
      yield seg.subarray(from, to);
      continue;
    }
    let got = 0;
    for await (const chunk of createReadStream(seg.file, { start: from, end: to - 1, highWaterMark: CHUNK })) {
      got += chunk.byteLength;
      yield chunk;
    }
    if (got !== to - from) throw new Error(`${seg.file} changed while it was read (expected ${size} bytes)`);
  }
}
function piecesOf(views, from, len) {
  const out = [];
  let at = 0;
  for (const v of views) {
    const a = Math.max(from - at, 0);
    const b = Math.min(from + len - at, v.byteLength);
    if (b > a) out.push(a === 0 && b === v.byteLength ? v : v.subarray(a, b));
    at += v.byteLength;
    if (at >= from + len) break;
  }
  return out;
}
var IOV_MAX = 1024;
async function readSegmentsInto(segments, start, views, handles) {
  const total = views.reduce((s, v) => s + v.byteLength, 0);
  const end = start + total;
  let offset = 0;
  for (const seg of segments) {
    const size = segmentSize(seg);
    const from = Math.max(start - offset, 0);
    const to = Math.min(end - offset, size);
    const dest = offset + from - start;
    offset += size;
    if (to <= from) continue;
    const pieces = piecesOf(views, dest, to - from);
    if (seg instanceof Uint8Array) {
      let at = from;
      for (const p of pieces) {
        p.set(seg.subarray(at, at + p.byteLength));
        at += p.byteLength;
      }
      continue;
    }
    let fh = handles?.get(seg.file);
    if (!fh) {
      fh = await open(seg.file, "r");
      handles?.set(seg.file, fh);
    }
    try {
      let pos = from;
      let i = 0;
      let skip = 0;
      while (i < pieces.length) {
        const batch = pieces.slice(i, i + IOV_MAX);
        if (skip) batch[0] = batch[0].subarray(skip);
        const { bytesRead } = await fh.readv(batch, pos);
        if (bytesRead === 0) throw new Error(`${seg.file} changed while it was read (expected ${size} bytes)`);
        pos += bytesRead;
        let left = bytesRead;
        while (left > 0) {
          const room = pieces[i].byteLength - skip;
          if (left >= room) {
            left -= room;
            i++;
            skip = 0;
          } else {
            skip += left;
            left = 0;
          }
        }
      }
    } finally {
      if (!handles) await fh.close();
    }
  }
  if (offset < end) throw new Error(`the segments hold ${offset} bytes, not ${end}`);
}
function segmentBlob(mediaType, segments, digest, size) {
  return {
    mediaType,
    digest,
    size,
    open: (start = 0, end = size) => Readable.from(readSegments(segments, start, end), { objectMode: false })
  };
}

// src/oci/layout.ts
var REF_NAME = "org.opencontainers.image.ref.name";
function blobPath(dir, digest) {
  const [alg, hex] = digest.split(":");
  return join(dir, "blobs", alg, hex);
}
async function intact(path, blob) {
  try {
    if ((await stat(path)).size !== blob.size) return false;
  } catch {
    return false;
  }
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk);
  return `sha256:${hash.digest("hex")}` === blob.digest;
}
async function writeLayoutBlob(dir, blob, onBytes, beforeCommit) {
  const streamed = !blob.digest;
  if (!streamed && await intact(blobPath(dir, blob.digest), blob)) return;
  await mkdir(join(dir, "blobs", "sha256"), { recursive: true });
  const suffix = `${randomBytes(4).toString("hex")}.tmp`;
  const tmp = streamed ? join(dir, "blobs", "sha256", `.layer.${suffix}`) : `${blobPath(dir, blob.digest)}.${suffix}`;
  const hash = createHash("sha256");
  let size = 0;
  const tee = new Transform({
    transform(chunk, _enc, cb) {
      hash.update(chunk);
      size += chunk.byteLength;
      onBytes?.(chunk.byteLength);
      cb(null, chunk);
    }
  });
  try {
    await pipeline(blob.open(), tee, createWriteStream(tmp)).catch((err) => {
      if (typeof err?.code === "string" && !err.path) err.path = tmp;
      throw err;
    });
    const digest = `sha256:${hash.digest("hex")}`;
    if (digest !== blob.digest || size !== blob.size) {
      throw new Error(
        `blob ${blob.digest || "(the model layer)"} read back as ${digest} (${size} bytes): its source changed while it was written, or is damaged`
      );
    }
    if (streamed) beforeCommit?.();
    await rename(tmp, blobPath(dir, digest));
  } finally {
    await rm(tmp, { force: true });
  }
}
async function readLayoutIndexIfAny(dir) {
  const file = join(dir, "index.json");
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if (err.code === "ENOENT") return void 0;
    throw err;
  }
  let index;
  let why = "not an image index (schemaVersion 2 and a list of manifests)";
  try {
    index = JSON.parse(text);
  } catch (err) {
    why = `not JSON (${err.message})`;
  }
  const ok = index?.schemaVersion === 2 && Array.isArray(index.manifests) && index.manifests.every(
    (m) => typeof m?.digest === "string" && isDigest(m.digest) && typeof m.mediaType === "string"
  );
  if (!ok || !index) {
    throw new CheckFailed(
      `${file} cannot be read: ${why}; it lists every image of the layout, so modelgate does not write a new one over it. Restore it (from a backup, or rebuild the layout), or write to another layout`
    );
  }
  return index;
}
async function readLayoutIndex(dir) {
  const index = await readLayoutIndexIfAny(dir);
  if (!index) {
    throw new UserError(
      `${dir} is not an OCI image layout (no index.json); write one with \`modelgate package --layout ${dir}\``
    );
  }
  return index;
}
async function addToLayoutIndex(dir, descriptor, refName) {
  const index = await readLayoutIndexIfAny(dir) ?? {
    schemaVersion: 2,
    mediaType: MediaType.index,
    manifests: []
  };
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(join(dir, "oci-layout"), `${JSON.stringify({ imageLayoutVersion: "1.0.0" })}
`);
  const entry = refName ? { ...descriptor, annotations: { ...descriptor.annotations ?? {}, [REF_NAME]: refName } } : descriptor;
  index.manifests = index.manifests.filter(
    (m) => refName ? m.annotations?.[REF_NAME] !== refName : !(m.digest === descriptor.digest && !m.annotations?.[REF_NAME])
  );
  index.manifests.push(entry);
  await writeFileAtomic(join(dir, "index.json"), `${JSON.stringify(index, null, 2)}
`);
}
async function resolveLayoutRef(dir, ref) {
  const index = await readLayoutIndex(dir);
  const named = index.manifests.filter((m) => m.annotations?.[REF_NAME] !== void 0);
  let found;
  if (ref && isDigest(ref)) found = index.manifests.find((m) => m.digest === ref);
  else if (ref) found = index.manifests.find((m) => m.annotations?.[REF_NAME] === ref);
  else if (index.manifests.length === 1) found = index.manifests[0];
  else if (named.length === 1) found = named[0];
  if (!found) {
    const names = named.map((m) => m.annotations?.[REF_NAME]).join(", ") || "none";
    throw new UserError(
      `${dir}: no image ${ref ? `"${ref}"` : "(the layout holds several; name one)"}; the layout's names: ${names}`
    );
  }
  return found;
}
function layoutBlob(dir, d) {
  return segmentBlob(d.mediaType, [{ file: blobPath(dir, d.digest), size: d.size }], d.digest, d.size);
}
async function readLayoutJson(dir, digest) {
  let bytes;
  try {
    bytes = await readFile(blobPath(dir, digest));
  } catch (err) {
    throw new UserError(
      `${dir}: blob ${hexOf(digest).slice(0, 12)} is missing or not JSON (${err.message})`
    );
  }
  const got = `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
  if (got !== digest) {
    throw new CheckFailed(
      `${blobPath(dir, digest)} is damaged: its bytes hash to ${got}, not to the digest it is named by; rebuild the layout`
    );
  }
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch (err) {
    throw new UserError(
      `${dir}: blob ${hexOf(digest).slice(0, 12)} is missing or not JSON (${err.message})`
    );
  }
}

// src/oci/referrers.ts
var ArtifactType = {
  evaluationRecord: "application/vnd.modelgate.evaluation-record.v1+json",
  modelCard: "application/vnd.modelgate.model-card.v1+markdown",
  promotionRecord: "application/vnd.modelgate.promotion-record.v1+json"
};
function artifactManifest(subject, a, created) {
  const layer = describe(a.mediaType, a.bytes, { annotations: { "org.opencontainers.image.title": a.title } });
  const annotations = { "org.opencontainers.image.created": created, ...a.annotations };
  const manifest = {
    schemaVersion: 2,
    mediaType: MediaType.manifest,
    artifactType: a.artifactType,
    config: EMPTY_DESCRIPTOR,
    layers: [layer],
    subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
    annotations
  };
  const bytes = jsonBytes(manifest);
  return {
    bytes,
    descriptor: describe(MediaType.manifest, bytes, { artifactType: a.artifactType, annotations }),
    blobs: [memoryBlob(MediaType.empty, EMPTY_JSON), memoryBlob(a.mediaType, a.bytes)]
  };
}
function fallbackTag(digest) {
  return `${digest.split(":")[0]}-${hexOf(digest)}`;
}
async function attachToRegistry(client, repo, artifact, subject) {
  for (const b of artifact.blobs) await client.pushBlob(repo, b);
  const put = await client.putManifest(repo, artifact.descriptor.digest, artifact.bytes, MediaType.manifest);
  if (put.subject) return { digest: put.digest, via: "referrers-api" };
  const tag = fallbackTag(subject.digest);
  const existing = await client.getManifest(repo, tag);
  const index = existing ? JSON.parse(existing.bytes.toString("utf8")) : { schemaVersion: 2, mediaType: MediaType.index, manifests: [] };
  if (!index.manifests.some((m) => m.digest === artifact.descriptor.digest)) {
    index.manifests.push(artifact.descriptor);
    await client.putManifest(repo, tag, jsonBytes(index), MediaType.index);
  }
  return { digest: put.digest, via: "fallback-tag" };
}
async function listRegistryReferrers(client, repo, digest, artifactType) {
  let index = await client.referrers(repo, digest);
  if (!index) {
    const fallback = await client.getManifest(repo, fallbackTag(digest));
    index = fallback ? JSON.parse(fallback.bytes.toString("utf8")) : null;
  }
  const list = index?.manifests ?? [];
  return artifactType ? list.filter((d) => d.artifactType === artifactType) : list;
}
async function attachToLayout(dir, artifact) {
  for (const b of artifact.blobs) await writeLayoutBlob(dir, b);
  await writeLayoutBlob(dir, memoryBlob(MediaType.manifest, artifact.bytes));
  await addToLayoutIndex(dir, artifact.descriptor);
}
async function listLayoutReferrers(dir, digest, artifactType) {
  const index = await readLayoutIndex(dir);
  const out = [];
  for (const d of index.manifests) {
    if (d.mediaType !== MediaType.manifest || !d.artifactType) continue;
    const m = await readLayoutJson(dir, d.digest);
    if (m.subject?.digest !== digest) continue;
    if (artifactType && m.artifactType !== artifactType) continue;
    out.push({
      mediaType: d.mediaType,
      digest: d.digest,
      size: d.size,
      artifactType: m.artifactType,
      annotations: m.annotations
    });
  }
  return out;
}

export { ArtifactType as A, readLayoutIndexIfAny as B, MANIFEST_TYPES as C, DOCKER_TO_OCI as D, pullScope as E, MediaType as M, RegistryClient as R, artifactManifest as a, attachToLayout as b, registryCredentials as c, attachToRegistry as d, describe as e, registryFailure as f, resolveLayoutRef as g, readLayoutJson as h, isIndexType as i, jsonBytes as j, REF_NAME as k, layoutBlob as l, registryBlob as m, formatReference as n, readSegmentsInto as o, parseReference as p, descriptorOf as q, readLayoutIndex as r, memoryBlob as s, addToLayoutIndex as t, sha256Digest as u, registryTuning as v, writeLayoutBlob as w, listLayoutReferrers as x, listRegistryReferrers as y, blobPath as z };
