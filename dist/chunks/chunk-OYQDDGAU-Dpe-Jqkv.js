import { createRequire } from 'node:module';
import { N as NetworkError, c as cachedEntry, a as cacheDir, b as blockPinProblem, B as BlockFile, d as download, e as downloadStreaming, F as FileObject, H as HttpObject, D as Dos2UnixMd5, v as verifiedEntry } from './chunk-U6HQLEKJ-DFuKjzG7.js';
import { h as serveData, j as readLfsPointer, s as sha256File } from './hot-validate-Cbhe7qur.js';
import { m as worktreePrefix } from './hot-validate-plan-DjS3M9MR.js';
import { r as require_dist } from './hot-plan-YWGJn6IT.js';
import { p as parseLocation } from './hot-validate-plan-audit-verify-DglurztO.js';
import { c as __toESM, U as UserError, C as CheckFailed } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { randomBytes, createHash } from 'node:crypto';
import { readFileSync, existsSync, statSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { resolve, dirname, posix, relative, sep, join, isAbsolute, basename } from 'node:path';

const require$1 = createRequire(import.meta.url);

// src/git/lfs.ts
async function lfsVersion(git) {
  return await git.tryRun(["lfs", "version"]) || void 0;
}
async function lfsPull(git, paths) {
  const prefix = await worktreePrefix(git);
  await git.run(["lfs", "pull", `--include=${paths.map((p) => `${prefix}${p}`).join(",")}`, "--exclude="]);
}

// src/storage/dvc.ts
var import_yaml = __toESM(require_dist(), 1);
function readDvcOutput(dir, file, out, shown) {
  const abs = resolve(dir, file);
  let doc;
  try {
    doc = (0, import_yaml.parse)(readFileSync(abs, "utf8"));
  } catch (err) {
    const code = err.code;
    throw new UserError(
      code === "ENOENT" ? `${shown}: ${file} does not exist; commit the DVC file the manifest names (dvc add writes FILE.dvc, dvc repro writes dvc.lock)` : `${shown}: ${file} is not a DVC file that modelgate can read (${err.message})`
    );
  }
  const folder = dirname(abs);
  let entry;
  let wdir = folder;
  if (out === void 0) {
    const outs = Array.isArray(doc?.outs) ? doc.outs : [];
    if (outs.length !== 1)
      throw new UserError(
        `${shown}: ${file} has ${outs.length} outputs; modelgate reads a .dvc file with exactly one (track each file with its own \`dvc add\`)`
      );
    entry = outs[0];
    if (typeof doc.wdir === "string") wdir = resolve(folder, doc.wdir);
  } else {
    const want = posix.normalize(out.replace(/\\/g, "/"));
    const found = [];
    for (const stage of Object.values(doc?.stages ?? {})) {
      const w = typeof stage?.wdir === "string" ? resolve(folder, stage.wdir) : folder;
      for (const o of Array.isArray(stage?.outs) ? stage.outs : []) {
        const p = typeof o?.path === "string" ? relative(folder, resolve(w, o.path)).split(sep).join("/") : void 0;
        if (p === want) found.push({ entry: o, wdir: w });
      }
    }
    if (found.length === 0)
      throw new UserError(
        `${shown}: no stage of ${file} has the output "${out}"; name an output as dvc.lock lists it (relative to dvc.lock's folder), after \`dvc repro\``
      );
    ({ entry, wdir } = found[0]);
  }
  const md5 = typeof entry?.md5 === "string" ? entry.md5 : void 0;
  if (!md5 || typeof entry.path !== "string")
    throw new UserError(`${shown}: the output in ${file} has no md5 and path; run \`dvc commit\` (or dvc repro) first`);
  if (md5.endsWith(".dir"))
    throw new UserError(
      `${shown}: ${entry.path} is a folder tracked by DVC; a Dataset or Model names one file: track it on its own, or name dvc.lock#FILE`
    );
  if (!/^[0-9a-f]{32}$/.test(md5)) throw new UserError(`${shown}: ${file} records md5 "${md5}", which is not an md5`);
  const hash = entry.hash;
  if (hash !== void 0 && hash !== "md5")
    throw new UserError(`${shown}: ${file} hashes with "${hash}"; modelgate reads DVC outputs hashed with md5`);
  return {
    name: out === void 0 ? file : `${file}#${out}`,
    md5,
    size: typeof entry.size === "number" ? entry.size : void 0,
    dvc3: hash === "md5",
    workTree: resolve(wdir, entry.path),
    project: projectRoot(folder, shown),
    remote: typeof entry.remote === "string" ? entry.remote : void 0
  };
}
function projectRoot(start, shown) {
  for (let d = start; ; d = dirname(d)) {
    if (existsSync(join(d, ".dvc")) && statSync(join(d, ".dvc")).isDirectory()) return d;
    if (dirname(d) === d)
      throw new UserError(`${shown}: no DVC project around it (no .dvc/ folder from ${start} up); commit .dvc/config`);
  }
}
function objectPath(o) {
  return `${o.dvc3 ? "files/md5/" : ""}${o.md5.slice(0, 2)}/${o.md5.slice(2)}`;
}
function readDvcConfig(project) {
  const sections = /* @__PURE__ */ new Map();
  for (const f of ["config", "config.local"]) {
    const p = join(project, ".dvc", f);
    if (!existsSync(p)) continue;
    let current;
    for (const raw of readFileSync(p, "utf8").split(/\r?\n/)) {
      const line = raw.trim();
      if (!line || line.startsWith("#") || line.startsWith(";")) continue;
      const head = /^\[\s*'?(.*?)'?\s*\]$/.exec(line);
      if (head) {
        const name = head[1].replace(/\s+/g, " ").replace(/"/g, "").trim();
        current = sections.get(name) ?? /* @__PURE__ */ new Map();
        sections.set(name, current);
        continue;
      }
      const kv = /^([^=]+?)\s*=\s*(.*)$/.exec(line);
      if (kv && current) current.set(kv[1].trim().toLowerCase(), kv[2].trim());
    }
  }
  return sections;
}
function remoteOf(o, shown) {
  const config = readDvcConfig(o.project);
  const name = o.remote ?? config.get("core")?.get("remote");
  if (!name)
    throw new UserError(
      `${shown}: the DVC project has no default remote (core.remote in .dvc/config) and the output names none; run \`dvc remote add -d NAME URL\` and commit .dvc/config`
    );
  const section = config.get(`remote ${name}`);
  const url = section?.get("url");
  if (!url) throw new UserError(`${shown}: .dvc/config has no url for the remote "${name}"`);
  if (/^(s3|gs|https?):\/\//i.test(url))
    return { url: url.replace(/\/+$/, ""), endpoint: section?.get("endpointurl"), name };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url))
    throw new UserError(
      `${shown}: the DVC remote "${name}" is ${url.split(":")[0]}://, which modelgate does not read; it reads DVC remotes on s3://, gs://, https:// and local folders`
    );
  return { url: isAbsolute(url) ? url : resolve(o.project, ".dvc", url), name };
}
function dvcCacheDir(project) {
  const dir = readDvcConfig(project).get("cache")?.get("dir");
  if (!dir) return join(project, ".dvc", "cache");
  return isAbsolute(dir) ? dir : resolve(project, ".dvc", dir);
}

// src/storage/gcs.ts
var loaded;
function sdk() {
  loaded ??= import('./src-3N3EO326-C6YVcxy2.js').then(
    (m) => m.Storage ? m : m.default
  );
  return loaded;
}
var clients = /* @__PURE__ */ new Map();
function client(env) {
  const endpoint = env.STORAGE_EMULATOR_HOST || void 0;
  const key = endpoint ?? "";
  let c = clients.get(key);
  if (!c) {
    c = sdk().then(
      ({ Storage }) => new Storage({ ...endpoint ? { apiEndpoint: endpoint } : {}, retryOptions: { autoRetry: false } })
    );
    clients.set(key, c);
  }
  return c;
}
var CHAIN = "Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS, `gcloud auth application-default login`, the metadata server, or in Actions google-github-actions/auth with workload identity federation)";
var GcsObject = class {
  constructor(name, bucket, key, env) {
    this.name = name;
    this.bucket = bucket;
    this.key = key;
    this.env = env;
  }
  name;
  bucket;
  key;
  env;
  /** Size, and the MD5 (hex) Cloud Storage keeps for an object written in one piece; never a SHA-256. */
  async head() {
    const file = (await client(this.env)).bucket(this.bucket).file(this.key);
    try {
      const [md] = await file.getMetadata();
      const size = typeof md.size === "string" || typeof md.size === "number" ? Number(md.size) : void 0;
      const md5 = typeof md.md5Hash === "string" ? Buffer.from(md.md5Hash, "base64") : void 0;
      return {
        size: Number.isSafeInteger(size) ? size : void 0,
        ...md5?.length === 16 ? { md5: md5.toString("hex") } : {}
      };
    } catch (err) {
      throw this.explain(err);
    }
  }
  /**
   * The bytes from `start` on, by objects.get with alt=media (the JSON API's download): a resumed read names the
   * generation the first read got (`version`) and sends a Range header, so a replaced object answers 404 rather than
   * other bytes, and is read again from the start. The request carries the client's credentials (its ADC auth
   * client; none for an emulator) and is sent with Node's fetch: the client's own createReadStream warns of an
   * EventEmitter leak on every download (MaxListenersExceededWarning, googleapis/google-cloud-node#9185, open at
   * @google-cloud/storage 8.x).
   */
  async read(start = 0, version, end) {
    const resume = start > 0 && version !== void 0 || end !== void 0;
    const storage = await client(this.env);
    const url = new URL(
      `${storage.apiEndpoint}/storage/v1/b/${encodeURIComponent(this.bucket)}/o/${encodeURIComponent(this.key)}`
    );
    url.searchParams.set("alt", "media");
    if (version) url.searchParams.set("generation", version);
    const headers = new Headers(this.env.STORAGE_EMULATOR_HOST ? {} : await this.credentials(storage, url));
    if (resume) headers.set("range", `bytes=${start}-${end === void 0 ? "" : end - 1}`);
    let res;
    try {
      res = await fetch(url, { headers });
    } catch (err) {
      const cause = err.cause;
      throw new NetworkError(
        `cannot reach Cloud Storage for ${this.name}: ${cause?.code ?? cause?.message ?? err.message}`
      );
    }
    if (!res.ok || !res.body) {
      const message = await errorMessage(res);
      if (resume && version !== void 0 && res.status === 404) return this.read(0, void 0, end);
      throw this.explain({ code: res.status, message });
    }
    const range = res.headers.get("content-range");
    const ranged = resume && res.status === 206 && range?.startsWith(`bytes ${start}-`) === true;
    return {
      body: res.body,
      start: ranged ? start : 0,
      version: res.headers.get("x-goog-generation") ?? version
    };
  }
  /** The Authorization header of the client's credentials (Application Default Credentials). */
  async credentials(storage, url) {
    try {
      return await storage.authClient.getRequestHeaders(url);
    } catch (err) {
      throw this.explain(err);
    }
  }
  /** The client's failure as modelgate says it: what, which object, and what to do. */
  explain(err) {
    const e = err;
    const code = status(err);
    const message = e.message ?? String(err);
    if (code === 404)
      return /bucket/i.test(message) ? new UserError(`${this.name}: the bucket ${this.bucket} does not exist (Cloud Storage answered 404)`) : new UserError(`${this.name} does not exist (Cloud Storage answered 404); check the bucket and object name`);
    if (code === 401 || code === 403)
      return new UserError(
        `${this.name}: Cloud Storage refused access (${code}: ${message}); give the identity of ${CHAIN} the storage.objects.get permission on the object`
      );
    if (/default credentials|could not load the default|GOOGLE_APPLICATION_CREDENTIALS/i.test(message))
      return new UserError(
        `${this.name}: no usable Google Cloud credentials (${message.split("\n")[0]}); provide them through ${CHAIN}`
      );
    if (code !== void 0 && code >= 400 && code < 500 && code !== 408 && code !== 429)
      return new UserError(`${this.name}: Cloud Storage answered ${code} (${message})`);
    return new NetworkError(`cannot read ${this.name}: ${message}`);
  }
};
function status(err) {
  const c = err?.code;
  return typeof c === "number" ? c : typeof c === "string" && /^\d{3}$/.test(c) ? Number(c) : void 0;
}
async function errorMessage(res) {
  const text = await res.text().catch(() => "");
  try {
    const m = JSON.parse(text).error?.message;
    if (typeof m === "string" && m) return m;
  } catch {
  }
  return `${res.status} ${res.statusText}`.trim();
}

// src/storage/s3.ts
var loaded2;
function sdk2() {
  loaded2 ??= import('./dist-cjs-USJV4RJS-CkoQF-lU.js').then(function (n) { return n.n; }).then(
    (m) => m.S3Client ? m : m.default
  );
  return loaded2;
}
var clients2 = /* @__PURE__ */ new Map();
async function client2(opts) {
  const env = opts.env ?? process.env;
  const endpoint = opts.endpoint ?? (env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL || void 0);
  const key = `${endpoint ?? ""}|${opts.forcePathStyle ? 1 : 0}`;
  let c = clients2.get(key);
  if (!c) {
    c = (async () => {
      process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
      const { S3Client } = await sdk2();
      const base = {
        forcePathStyle: opts.forcePathStyle,
        followRegionRedirects: true,
        ...endpoint ? { endpoint } : {}
      };
      const first = new S3Client(base);
      try {
        await first.config.region();
        return first;
      } catch {
        first.destroy();
        return new S3Client({ ...base, region: "us-east-1" });
      }
    })();
    clients2.set(key, c);
  }
  return c;
}
function forcePathStyle(env, setting) {
  const v = env.MODELGATE_S3_FORCE_PATH_STYLE?.trim().toLowerCase();
  if (v === "1" || v === "true") return true;
  if (v === "0" || v === "false") return false;
  return setting ?? false;
}
var S3Object = class {
  constructor(name, bucket, key, opts) {
    this.name = name;
    this.bucket = bucket;
    this.key = key;
    this.opts = opts;
  }
  name;
  bucket;
  key;
  opts;
  async head() {
    const { HeadObjectCommand } = await sdk2();
    const c = await client2(this.opts);
    try {
      const r = await c.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.key, ChecksumMode: "ENABLED" }));
      return { size: r.ContentLength, sha256: trustedSha256(r.ChecksumSHA256, r.ChecksumType) };
    } catch (err) {
      throw this.explain(err);
    }
  }
  async read(start = 0, version, end) {
    const { GetObjectCommand } = await sdk2();
    const c = await client2(this.opts);
    const resume = start > 0 && version !== void 0 || end !== void 0;
    const range = `bytes=${start}-${end === void 0 ? "" : end - 1}`;
    try {
      const r = await c.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: this.key,
          ...resume ? { Range: range } : {},
          ...resume && version ? { IfMatch: version } : {}
        })
      );
      if (!r.Body) throw new NetworkError(`${this.name}: the store sent no body`);
      const ranged = resume && typeof r.ContentRange === "string" && r.ContentRange.startsWith(`bytes ${start}-`);
      const size = ranged ? void 0 : r.ContentLength;
      return { body: r.Body, start: ranged ? start : 0, version: r.ETag, size };
    } catch (err) {
      throw this.explain(err);
    }
  }
  /** The SDK's failure as modelgate says it: what, which object, and what to do. */
  explain(err) {
    const e = err;
    const status2 = e.$metadata?.httpStatusCode;
    const chain = "the AWS SDK's default credential chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, SSO, or a web-identity role: aws-actions/configure-aws-credentials in Actions)";
    if (e.name === "NoSuchKey" || e.name === "NotFound" || status2 === 404)
      return new UserError(`${this.name} does not exist (the store answered 404); check the bucket and key`);
    if (e.name === "NoSuchBucket") return new UserError(`${this.name}: the bucket ${this.bucket} does not exist`);
    if (e.name === "CredentialsProviderError")
      return new UserError(`${this.name}: no AWS credentials found; provide them through ${chain}`);
    if (status2 === 403 || e.name === "AccessDenied" || e.name === "InvalidAccessKeyId" || e.name === "SignatureDoesNotMatch")
      return new UserError(
        `${this.name}: the store refused access (${e.name ?? status2}); give the credentials of ${chain} read access to the object`
      );
    if (e.name === "PreconditionFailed" || status2 === 412)
      return new NetworkError(`${this.name} changed while it was being read`);
    if (status2 !== void 0 && status2 < 500 && status2 !== 429)
      return new UserError(`${this.name}: the store answered ${status2} (${e.name}: ${e.message})`);
    return new NetworkError(`cannot read ${this.name}: ${e.name ?? "error"}: ${e.message ?? String(err)}`);
  }
};
function trustedSha256(checksum, type) {
  if (!checksum || type === "COMPOSITE" || checksum.includes("-")) return void 0;
  const bytes = Buffer.from(checksum, "base64");
  return bytes.length === 32 ? bytes.toString("hex") : void 0;
}

// src/storage/source.ts
function storageContext(ws) {
  return {
    env: ws.env,
    io: ws.io,
    s3ForcePathStyle: ws.repo.config.spec.storage?.s3?.forcePathStyle,
    get git() {
      return ws.git;
    }
  };
}
async function localFile(ctx, src, pin, opts = {}) {
  if (src.kind === "file") {
    if (src.error) throw new UserError(src.error);
    if (existsSync(src.abs)) {
      const pulled = await workTreeContent(ctx, src);
      return { file: src.abs, via: pulled ? "git lfs" : "work tree" };
    }
    return { file: src.abs, via: "work tree" };
  }
  if (!pin.sha256 && !opts.unpinned)
    throw new UserError(
      `${src.path} is not pinned: a remote file needs the sha256 of its bytes in the manifest; run \`modelgate lock\``
    );
  if (src.location.kind === "dvc") return dvcFile(ctx, src, src.location, pin, opts.stream);
  if (opts.part && pin.sha256 && !cachedEntry(cacheDir(ctx.env), pin.sha256, pin.size)) {
    const blocks = opts.part.blocks;
    if (blocks?.sha256 && pin.size !== void 0) {
      const pinned = { size: blocks.size, sha256: blocks.sha256 };
      return blocksFile(ctx, objectFor(ctx, src.location.url), src.path, pin.sha256, pin.size, pinned);
    }
    ctx.io?.err(
      `${src.path}: the manifest has no spec.blocks digests${blocks?.sha256 ? " (nor spec.sizeBytes)" : ""}, so this shard downloads the whole object to check its sha256; \`modelgate lock\` with spec.blocks (e.g. blocks: {size: 67108864}) lets each shard fetch only its blocks
`
    );
  }
  return fetched(objectFor(ctx, src.location.url), pin, ctx, void 0, opts.stream);
}
function blocksFile(ctx, obj, label, sha256, size, blocks) {
  const problem = blockPinProblem(blocks, size);
  if (problem) throw new UserError(`${label}: ${problem}`);
  const cache = cacheDir(ctx.env);
  mkdirSync(join(cache, "tmp"), { recursive: true });
  const file = join(cache, "tmp", `${process.pid}-${randomBytes(6).toString("hex")}.blocks-${basename(label)}`);
  writeFileSync(file, "");
  const reader = new BlockFile(obj, label, size, blocks, cache, ctx.io);
  const stop = serveData(file, reader);
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    stop();
    placeholders.delete(file);
    rmSync(file, { force: true });
    ctx.io?.err(`${reader.summary()}
`);
  };
  placeholders.add(file);
  return { file, via: "download", sha256, arriving: { arrival: Promise.resolve(sha256), abort: end } };
}
var placeholders = /* @__PURE__ */ new Set();
process.once("exit", () => {
  for (const f of placeholders) rmSync(f, { force: true });
});
async function fetched(obj, expected, ctx, label, stream) {
  if (!stream) {
    const got2 = await download(obj, expected, ctx.env, ctx.io, label);
    return { file: got2.file, via: got2.downloaded ? "download" : "cache", sha256: got2.sha256 };
  }
  const got = await downloadStreaming(obj, expected, ctx.env, ctx.io, label, stream === "footer-first");
  if ("sha256" in got) return { file: got.file, via: "cache", sha256: got.sha256 };
  const arrival = got.done.then((d) => d.sha256);
  arrival.catch(() => void 0);
  return { file: got.file, via: "download", arriving: { arrival, abort: got.abort } };
}
async function workTreeContent(ctx, src) {
  const pointer = readLfsPointer(src.abs);
  if (!pointer) return false;
  const rel = ctx.git ? relative(ctx.git.dir, src.abs).split(sep).join("/") : src.path;
  const command = `git lfs install && git lfs pull --include="${rel}"`;
  const what = `${src.path} is a git-lfs pointer (oid sha256:${pointer.sha256}, ${pointer.size.toLocaleString("en-US")} bytes), not the file itself`;
  if (!ctx.git || !await lfsVersion(ctx.git))
    throw new UserError(`${what}, and git-lfs is not installed here; install it and fetch the file: ${command}`);
  ctx.io?.err(`${src.path}: a git-lfs pointer; fetching it with git lfs pull
`);
  try {
    await lfsPull(ctx.git, [rel]);
  } catch (err) {
    throw new UserError(
      `${what}; \`git lfs pull\` failed (${err.message.trim()}); fetch it with: ${command}`
    );
  }
  if (readLfsPointer(src.abs))
    throw new UserError(
      `${what}; git lfs pull did not replace it (is the object on the LFS server?); fetch it with: ${command}`
    );
  return true;
}
function objectFor(ctx, url, endpoint) {
  const loc = parseLocation(url);
  if (loc.kind !== "object") return new FileObject(url);
  if (loc.scheme === "s3") {
    return new S3Object(url, loc.bucket, loc.key, {
      forcePathStyle: forcePathStyle(ctx.env, ctx.s3ForcePathStyle),
      endpoint,
      env: ctx.env
    });
  }
  if (loc.scheme === "gs") return new GcsObject(url, loc.bucket, loc.key, ctx.env);
  return new HttpObject(url);
}
async function hashFile(abs) {
  const sha = createHash("sha256");
  const md5 = createHash("md5");
  const lf = new Dos2UnixMd5();
  let size = 0;
  const fh = await open(abs, "r");
  try {
    const buf = Buffer.allocUnsafe(4 << 20);
    for (; ; ) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      const b = buf.subarray(0, bytesRead);
      sha.update(b);
      md5.update(b);
      lf.update(b);
      size += bytesRead;
    }
  } finally {
    await fh.close();
  }
  return { sha256: sha.digest("hex"), md5: md5.digest("hex"), md5Lf: lf.digest(), size };
}
function md5Matches(out, h) {
  return h.md5 === out.md5 || !out.dvc3 && h.md5Lf === out.md5;
}
async function dvcFile(ctx, src, loc, pin, stream) {
  const out = readDvcOutput(src.dir, loc.file, loc.out, src.path);
  const expected = { sha256: pin.sha256, size: out.size ?? pin.size, md5: out.md5, md5Dos2Unix: !out.dvc3 };
  const refuseSha = (sha256, where) => {
    if (pin.sha256 && sha256 !== pin.sha256)
      throw new CheckFailed(
        `${src.path}: ${where} has sha256 ${sha256}, not the ${pin.sha256} the manifest pins; if the new data is intended, run \`modelgate lock\``
      );
  };
  if (existsSync(out.workTree) && !readLfsPointer(out.workTree)) {
    const h = await hashFile(out.workTree);
    if (!md5Matches(out, h))
      throw new UserError(
        `${src.path}: ${relative(src.root, out.workTree)} in the work tree has md5 ${h.md5}, not the ${out.md5} that ${loc.file} records; run \`dvc checkout\` to restore it, or \`dvc add\`/\`dvc commit\` if the change is intended`
      );
    refuseSha(h.sha256, `the file in the work tree`);
    return { file: out.workTree, via: "dvc work tree", sha256: h.sha256 };
  }
  const inDvcCache = `${dvcCacheDir(out.project)}/${objectPath(out)}`;
  if (existsSync(inDvcCache)) {
    const h = await hashFile(inDvcCache);
    if (md5Matches(out, h)) {
      refuseSha(h.sha256, "DVC's cache");
      return { file: inDvcCache, via: "dvc cache", sha256: h.sha256 };
    }
  }
  const hit = pin.sha256 ? await verifiedEntry(cacheDir(ctx.env), pin.sha256, expected.size) : void 0;
  if (hit) return { file: hit, via: "cache", sha256: pin.sha256 };
  const remote = remoteOf(out, src.path);
  const url = `${remote.url}/${objectPath(out)}`;
  return fetched(objectFor(ctx, url, remote.endpoint), expected, ctx, `${src.path} (${url})`, stream);
}
async function remoteDigest(ctx, src, pin) {
  const dir = cacheDir(ctx.env);
  if (pin.sha256 && cachedEntry(dir, pin.sha256, pin.size)) {
    if (await verifiedEntry(dir, pin.sha256, pin.size)) return { sha256: pin.sha256, size: pin.size, how: "cache" };
  }
  if (src.location.kind !== "object" || src.location.scheme !== "s3") return void 0;
  const head = await objectFor(ctx, src.location.url).head();
  if (pin.size !== void 0 && head.size !== void 0 && head.size !== pin.size)
    return { size: head.size, how: "checksum" };
  return head.sha256 ? { sha256: head.sha256, size: head.size, how: "checksum" } : void 0;
}
async function currentFile(ctx, src, pin) {
  if (src.kind === "file" || !pin.sha256) return localFile(ctx, src, {}, { unpinned: true });
  if (src.location.kind === "object") {
    const head = await objectFor(ctx, src.location.url).head();
    const cached = head.md5 !== void 0 ? await cachedMd5(ctx.env, pin) : void 0;
    const changed = pin.size !== void 0 && head.size !== void 0 && head.size !== pin.size || head.sha256 !== void 0 && head.sha256 !== pin.sha256 || cached !== void 0 && cached !== head.md5;
    if (changed) return localFile(ctx, src, {}, { unpinned: true });
  }
  try {
    return await localFile(ctx, src, { sha256: pin.sha256 }, {});
  } catch (err) {
    if (err instanceof CheckFailed) return localFile(ctx, src, {}, { unpinned: true });
    throw err;
  }
}
async function cachedMd5(env, pin) {
  const file = cachedCopy(env, pin);
  return file ? (await hashFile(file)).md5 : void 0;
}
async function workTreeDigest(abs) {
  return readLfsPointer(abs)?.sha256 ?? await sha256File(abs);
}
function cachedCopy(env, pin) {
  return pin.sha256 ? cachedEntry(cacheDir(env), pin.sha256, pin.size) : void 0;
}

export { currentFile as a, cachedCopy as c, localFile as l, objectFor as o, remoteDigest as r, storageContext as s, workTreeDigest as w };
