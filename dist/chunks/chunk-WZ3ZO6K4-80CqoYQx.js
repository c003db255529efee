import { createRequire } from 'node:module';
import { p as parseRecord } from './chunk-VK5GUTCG-BuY9l5Ac.js';
import { M as MediaType, e as describe, j as jsonBytes, D as DOCKER_TO_OCI, i as isIndexType, f as registryFailure, g as resolveLayoutRef, h as readLayoutJson, l as layoutBlob, k as REF_NAME, p as parseReference, m as registryBlob, n as formatReference, o as readSegmentsInto, q as descriptorOf, s as memoryBlob, w as writeLayoutBlob, t as addToLayoutIndex, A as ArtifactType, u as sha256Digest, R as RegistryClient, v as registryTuning, c as registryCredentials, a as artifactManifest, b as attachToLayout, d as attachToRegistry } from './chunk-ULLVEJ36-CqSbsUH_.js';
import { b as bindingFacts, r as recordMismatches, s as staleRecordMessage } from './chunk-FESBZRCF-DVFrC6lj.js';
import { a as servedGraph, s as servedGraphNote } from './chunk-UBMSCOQN-DvpQ3ehE.js';
import { l as localFile, s as storageContext } from './chunk-OYQDDGAU-Dpe-Jqkv.js';
import { b as readOnnxSignature } from './chunk-2ZLDIS45-ZCAU1cz0.js';
import { a as cacheDir } from './chunk-U6HQLEKJ-DFuKjzG7.js';
import { P as Progress } from './chunk-YK35P24K-BysRypHz.js';
import { q as sha256Bytes, i as isRemote, u as resolveSource, s as sha256File } from './hot-validate-Cbhe7qur.js';
import { o as openWorkspace } from './hot-plan-YWGJn6IT.js';
import { o as findModel } from './hot-validate-plan-DjS3M9MR.js';
import { o as openGit } from './hot-validate-plan-audit-verify-DglurztO.js';
import { U as UserError, C as CheckFailed } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { open, stat, readFile, mkdir, writeFile, rename, rm } from 'node:fs/promises';
import { isAbsolute, resolve, join, extname, basename } from 'node:path';
import * as zlib from 'node:zlib';
import { createGunzip } from 'node:zlib';
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const require$1 = createRequire(import.meta.url);

// src/git/commit-time.ts
async function headCommitTime(git) {
  const t = await git.tryRun(["log", "-1", "--format=%ct"]);
  return t ? Number(t) : void 0;
}
var GRAPH = 7;
var KEEP_IN_GRAPH = /* @__PURE__ */ new Set([2, 11, 12]);
var INITIALIZER = 5;
var TENSOR_NAME = 8;
var MAX_COPY = 16 << 20;
var NotProtobuf = class extends Error {
  constructor(what, at) {
    super(what);
    this.at = at;
  }
  at;
};
var Reader = class {
  constructor(fh, size) {
    this.fh = fh;
    this.size = size;
  }
  fh;
  size;
  async bytes(pos, len) {
    const buf = Buffer.alloc(len);
    let got = 0;
    while (got < len) {
      const { bytesRead } = await this.fh.read(buf, got, len - got, pos + got);
      if (bytesRead === 0) throw new NotProtobuf("the file ends inside a field", pos + got);
      got += bytesRead;
    }
    return buf;
  }
  async varint(pos) {
    const buf = await this.bytes(pos, Math.min(10, this.size - pos));
    let value = 0;
    let mul = 1;
    for (let i = 0; i < buf.length; i++) {
      value += (buf[i] & 127) * mul;
      mul *= 128;
      if ((buf[i] & 128) === 0) return { value, next: pos + i + 1 };
    }
    throw new NotProtobuf("a malformed varint", pos);
  }
};
async function* fields(r, from, to) {
  let pos = from;
  while (pos < to) {
    const key = await r.varint(pos);
    const field2 = Math.floor(key.value / 8);
    const wire = key.value % 8;
    if (field2 === 0) throw new NotProtobuf("field number 0", pos);
    let start = key.next;
    let end;
    if (wire === 0) end = (await r.varint(start)).next;
    else if (wire === 1) end = start + 8;
    else if (wire === 5) end = start + 4;
    else if (wire === 2) {
      const len = await r.varint(start);
      start = len.next;
      end = start + len.value;
    } else throw new NotProtobuf(`an unknown wire type ${wire}`, pos);
    if (end > to) throw new NotProtobuf("a field longer than what holds it", pos);
    yield { field: field2, wire, keyStart: pos, start, end };
    pos = end;
  }
}
function varint(n) {
  const out = [];
  while (n >= 128) {
    out.push(n % 128 | 128);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return Buffer.from(out);
}
function lenField(field2, body) {
  return Buffer.concat([varint(field2 * 8 + 2), varint(body.byteLength), body]);
}
async function readOnnxHead(path) {
  const fh = await open(path, "r");
  try {
    return await skim(fh);
  } catch (err) {
    if (err instanceof NotProtobuf) {
      throw new UserError(
        `${path} is not an ONNX model (${err.message} at byte ${err.at}); export the model to ONNX first`
      );
    }
    throw err;
  } finally {
    await fh.close();
  }
}
async function skim(fh) {
  const r = new Reader(fh, (await fh.stat()).size);
  const top = [];
  const graph = [];
  for await (const f of fields(r, 0, r.size)) {
    if (f.field === GRAPH && f.wire === 2) {
      for await (const g of fields(r, f.start, f.end)) {
        if (KEEP_IN_GRAPH.has(g.field) && g.end - g.keyStart <= MAX_COPY) {
          graph.push(await r.bytes(g.keyStart, g.end - g.keyStart));
        } else if (g.field === INITIALIZER && g.wire === 2) {
          for await (const t of fields(r, g.start, g.end)) {
            if (t.field === TENSOR_NAME && t.wire === 2) {
              graph.push(lenField(INITIALIZER, lenField(TENSOR_NAME, await r.bytes(t.start, t.end - t.start))));
              break;
            }
          }
        }
      }
    } else if (f.end - f.keyStart <= MAX_COPY) {
      top.push(await r.bytes(f.keyStart, f.end - f.keyStart));
    }
  }
  top.push(lenField(GRAPH, Buffer.concat(graph)));
  return Buffer.concat(top);
}

// src/oci/image.ts
var DEFAULT_PLATFORMS = [
  { os: "linux", architecture: "amd64" },
  { os: "linux", architecture: "arm64" }
];
function scratchBase(platforms = DEFAULT_PLATFORMS) {
  return {
    name: "scratch",
    platforms: platforms.map((platform) => ({
      platform,
      manifestDigest: "",
      manifest: {
        schemaVersion: 2,
        mediaType: MediaType.manifest,
        config: describe(MediaType.config, jsonBytes({})),
        layers: []
      },
      config: {
        architecture: platform.architecture,
        os: platform.os,
        ...platform.variant ? { variant: platform.variant } : {},
        config: {},
        rootfs: { type: "layers", diff_ids: [] },
        history: []
      }
    }))
  };
}
function ociType(mediaType) {
  return DOCKER_TO_OCI[mediaType] ?? mediaType;
}
function sortedRecord(r) {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
}
function appendLayer(spec) {
  const configs = [];
  const manifests = [];
  const isScratch = spec.base.name === "scratch";
  for (const bp of spec.base.platforms) {
    const baseCfg = bp.config;
    const config = {
      ...baseCfg,
      created: spec.created,
      architecture: baseCfg.architecture,
      os: baseCfg.os,
      config: {
        ...baseCfg.config ?? {},
        Labels: sortedRecord({ ...baseCfg.config?.Labels ?? {}, ...spec.labels })
      },
      rootfs: { type: "layers", diff_ids: [...baseCfg.rootfs.diff_ids, spec.diffId] },
      history: [...baseCfg.history ?? [], { created: spec.created, created_by: spec.createdBy }]
    };
    const configBytes = jsonBytes(config);
    const configDesc = describe(MediaType.config, configBytes);
    configs.push({ descriptor: configDesc, bytes: configBytes });
    const baseAnnotations = isScratch ? {} : {
      "org.opencontainers.image.base.digest": bp.manifestDigest,
      "org.opencontainers.image.base.name": spec.base.name
    };
    const manifest = {
      schemaVersion: 2,
      mediaType: MediaType.manifest,
      config: configDesc,
      layers: [...bp.manifest.layers.map((l) => ({ ...l, mediaType: ociType(l.mediaType) })), spec.layer],
      annotations: sortedRecord({ ...spec.labels, ...baseAnnotations })
    };
    const bytes = jsonBytes(manifest);
    manifests.push({
      descriptor: describe(MediaType.manifest, bytes, { platform: bp.platform }),
      bytes,
      platform: bp.platform
    });
  }
  const indexAnnotations = isScratch ? { ...spec.labels } : {
    ...spec.labels,
    "org.opencontainers.image.base.digest": spec.base.digest ?? "",
    "org.opencontainers.image.base.name": spec.base.name
  };
  const index = {
    schemaVersion: 2,
    mediaType: MediaType.index,
    manifests: manifests.map((m) => m.descriptor),
    annotations: sortedRecord(indexAnnotations)
  };
  const indexBytes = jsonBytes(index);
  return { index: { descriptor: describe(MediaType.index, indexBytes), bytes: indexBytes }, manifests, configs };
}
function rfc3339(epochSeconds) {
  return new Date(epochSeconds * 1e3).toISOString().replace(/\.\d{3}Z$/, "Z");
}
var BLOCK = 512;
function clean(path) {
  return path.split("/").filter((p) => p !== "" && p !== ".").join("/");
}
function field(h, offset, width) {
  const raw = h.subarray(offset, offset + width);
  const nul = raw.indexOf(0);
  return raw.subarray(0, nul < 0 ? width : nul).toString("utf8");
}
function numeric(h, offset, width) {
  if (h[offset] & 128) {
    let v = 0;
    for (let i = offset + 1; i < offset + width; i++) v = v * 256 + h[i];
    return v;
  }
  const s = field(h, offset, width).trim();
  return s ? Number.parseInt(s, 8) : 0;
}
function paxRecords(body) {
  const out = {};
  let i = 0;
  while (i < body.length) {
    const sp = body.indexOf(32, i);
    if (sp < 0) break;
    const len = Number(body.subarray(i, sp).toString("ascii"));
    if (!Number.isSafeInteger(len) || len <= 0) break;
    const rec = body.subarray(sp + 1, i + len - 1).toString("utf8");
    const eq = rec.indexOf("=");
    if (eq > 0) out[rec.slice(0, eq)] = rec.slice(eq + 1);
    i += len;
  }
  return out;
}
async function tarHeaders(stream) {
  const out = [];
  let buf = Buffer.alloc(0);
  let skip = 0;
  let collect2;
  let pax = {};
  let longName;
  let longLink;
  for await (const chunk of stream) {
    buf = buf.byteLength ? Buffer.concat([buf, chunk]) : chunk;
    for (; ; ) {
      if (collect2) {
        const take = Math.min(collect2.size - collect2.got, buf.byteLength);
        collect2.parts.push(buf.subarray(0, take));
        collect2.got += take;
        buf = buf.subarray(take);
        if (collect2.got < collect2.size) break;
        const body = Buffer.concat(collect2.parts);
        if (collect2.type === "x") pax = { ...pax, ...paxRecords(body) };
        else if (collect2.type === "L") longName = body.toString("utf8").replace(/\0+$/, "");
        else if (collect2.type === "K") longLink = body.toString("utf8").replace(/\0+$/, "");
        skip = (BLOCK - collect2.size % BLOCK) % BLOCK;
        collect2 = void 0;
      }
      if (skip > 0) {
        const n = Math.min(skip, buf.byteLength);
        skip -= n;
        buf = buf.subarray(n);
        if (skip > 0) break;
      }
      if (buf.byteLength < BLOCK) break;
      const h = buf.subarray(0, BLOCK);
      buf = buf.subarray(BLOCK);
      if (h.every((b) => b === 0)) continue;
      const typeflag = String.fromCharCode(h[156] || 48);
      const size = numeric(h, 124, 12);
      if (typeflag === "x" || typeflag === "g" || typeflag === "L" || typeflag === "K") {
        if (typeflag === "g") skip = size + (BLOCK - size % BLOCK) % BLOCK;
        else collect2 = { type: typeflag, size, parts: [], got: 0 };
        continue;
      }
      const prefix = field(h, 257, 6).startsWith("ustar") ? field(h, 345, 155) : "";
      const name = field(h, 0, 100);
      out.push({
        path: clean(pax.path ?? longName ?? (prefix ? `${prefix}/${name}` : name)),
        typeflag,
        mode: numeric(h, 100, 8),
        linkname: pax.linkpath ?? longLink ?? field(h, 157, 100)
      });
      pax = {};
      longName = longLink = void 0;
      skip = typeflag === "1" || typeflag === "2" || typeflag === "5" ? 0 : size + (BLOCK - size % BLOCK) % BLOCK;
    }
  }
  return out;
}
var GZIP_TYPES = /* @__PURE__ */ new Set([
  "application/vnd.oci.image.layer.v1.tar+gzip",
  "application/vnd.docker.image.rootfs.diff.tar.gzip"
]);
var TAR_TYPES = /* @__PURE__ */ new Set(["application/vnd.oci.image.layer.v1.tar", "application/vnd.docker.image.rootfs.diff.tar"]);
async function layerHeaders(layer) {
  if (GZIP_TYPES.has(layer.mediaType)) {
    const src = layer.open();
    const gunzip = createGunzip();
    src.on("error", (err) => gunzip.destroy(err));
    return tarHeaders(src.pipe(gunzip));
  }
  if (TAR_TYPES.has(layer.mediaType)) return tarHeaders(layer.open());
  return void 0;
}
function applyLayer(fs, headers) {
  for (const h of headers) {
    const slash = h.path.lastIndexOf("/");
    const dir = slash < 0 ? "" : h.path.slice(0, slash);
    const base = h.path.slice(slash + 1);
    if (base === ".wh..wh..opq") {
      for (const p of [...fs.keys()]) if (dir === "" || p.startsWith(`${dir}/`)) fs.delete(p);
    } else if (base.startsWith(".wh.")) {
      const gone = dir ? `${dir}/${base.slice(4)}` : base.slice(4);
      for (const p of [...fs.keys()]) if (p === gone || p.startsWith(`${gone}/`)) fs.delete(p);
    }
  }
  for (const h of headers) {
    if (h.path.split("/").pop().startsWith(".wh.")) continue;
    const type = h.typeflag === "0" || h.typeflag === "1" || h.typeflag === "7" ? "file" : h.typeflag === "5" ? "dir" : h.typeflag === "2" ? "symlink" : "other";
    const entry = { type, mode: h.mode, ...type === "symlink" ? { target: h.linkname } : {} };
    if (h.typeflag === "1") {
      const target = fs.get(clean(h.linkname));
      if (target) entry.mode = target.mode;
    }
    fs.set(h.path, entry);
  }
}
async function readRootfs(layers, cache = /* @__PURE__ */ new Map()) {
  const fs = /* @__PURE__ */ new Map();
  for (const layer of layers) {
    let p = cache.get(layer.digest);
    if (!p) {
      p = layerHeaders(layer);
      cache.set(layer.digest, p);
    }
    const headers = await p;
    if (!headers) return void 0;
    applyLayer(fs, headers);
  }
  return fs;
}
function lookup(fs, path, depth = 0) {
  if (depth > 40) return void 0;
  const parts = clean(path).split("/");
  const at = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part === "..") {
      at.pop();
      continue;
    }
    const p = [...at, part].join("/");
    const e = fs.get(p);
    const last = i === parts.length - 1;
    if (e?.type === "symlink") {
      const target = e.target.startsWith("/") ? e.target : [...at, e.target].join("/");
      return lookup(fs, [target, ...parts.slice(i + 1)].join("/"), depth + 1);
    }
    if (last) return e;
    if (e && e.type !== "dir") return void 0;
    at.push(part);
  }
  return void 0;
}
var DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
function missingCommands(fs, config, names) {
  const env = config?.config?.Env ?? [];
  const path = env.find((e) => e.startsWith("PATH="))?.slice(5) || DEFAULT_PATH;
  const dirs = path.split(":").filter((d) => d.startsWith("/"));
  return names.filter(
    (name) => !dirs.some((d) => {
      const e = lookup(fs, `${d}/${name}`);
      return e?.type === "file" && (e.mode & 73) !== 0;
    })
  );
}

// src/oci/base.ts
var MODELCAR_COMMANDS = ["sh", "mkdir", "ln", "sleep"];
var DEFAULT_MODELCAR_BASE = "docker.io/library/busybox:1.37.0@sha256:bdf57e528e45e4433820e045b29b4597825a1c9e38353532d90a01445013f82e";
function anchored(spec, dir) {
  if (!spec.startsWith("oci:")) return spec;
  const rest = spec.slice(4);
  return isAbsolute(rest) ? spec : `oci:${resolve(dir, rest)}`;
}
function chooseBase(opts) {
  const volume = opts.config?.storage === "image-volume";
  if (opts.flag) return { spec: anchored(opts.flag, opts.cwd), from: "--base", modelcar: volume ? void 0 : "warn" };
  const cfg = opts.config;
  if (cfg?.base) {
    const image = cfg.base.digest && !cfg.base.image.includes("@") ? `${cfg.base.image}@${cfg.base.digest}` : cfg.base.image;
    return {
      spec: anchored(image, cfg.root),
      from: "modelgate.yaml spec.base",
      modelcar: volume ? void 0 : "require"
    };
  }
  if (volume) return { spec: "scratch", from: "the default base for image volumes" };
  return { spec: DEFAULT_MODELCAR_BASE, from: "the default base", modelcar: "require" };
}
function platformName(p) {
  return [p.os, p.architecture, p.variant].filter(Boolean).join("/");
}
function matches(want, p) {
  return want.os === p.os && want.architecture === p.architecture && (!want.variant || want.variant === p.variant);
}
function isPlatformImage(d) {
  return Boolean(d.platform && d.platform.os !== "unknown" && d.platform.architecture !== "unknown");
}
async function collect(top, getJson, blobOf, wanted, what) {
  let candidates;
  const read = /* @__PURE__ */ new Map();
  if (isIndexType(top.mediaType)) {
    const index = await getJson(top);
    candidates = index.manifests.filter(isPlatformImage).map((d) => ({ descriptor: d, platform: d.platform }));
  } else {
    const manifest = await getJson(top);
    const config = await getJson(manifest.config);
    read.set(top.digest, { manifest, config });
    const platform = {
      architecture: config.architecture,
      os: config.os,
      ...config.variant ? { variant: config.variant } : {}
    };
    candidates = [{ descriptor: top, platform }];
  }
  const has = candidates.map((c) => platformName(c.platform));
  const layers = /* @__PURE__ */ new Map();
  const platforms = [];
  for (const want of wanted) {
    const found = candidates.filter((c) => matches(want, c.platform));
    if (found.length === 0) {
      throw new UserError(
        `${what} has no ${platformName(want)} image (it has ${has.join(", ") || "none"}); build for the platforms it has with --platform ${has.join(",")}, or choose a base that has ${platformName(want)}`
      );
    }
    if (found.length > 1) {
      throw new UserError(
        `${what} has several ${platformName(want)} images (${found.map((c) => platformName(c.platform)).join(", ")}); name the variant in --platform, e.g. ${platformName(found[0].platform)}`
      );
    }
    const { descriptor, platform } = found[0];
    const got = read.get(descriptor.digest) ?? await readPlatform(descriptor, getJson);
    for (const l of got.manifest.layers) layers.set(l.digest, blobOf(l));
    platforms.push({ platform, manifest: got.manifest, manifestDigest: descriptor.digest, config: got.config });
  }
  return { platforms, layers };
}
async function readPlatform(d, getJson) {
  const manifest = await getJson(d);
  return { manifest, config: await getJson(manifest.config) };
}
function checkPlatforms(platforms) {
  const names = platforms.map(platformName);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new UserError(`--platform lists ${twice} twice; name each platform once`);
  if (names.length === 0) throw new UserError("--platform names no platform; e.g. --platform linux/amd64,linux/arm64");
}
async function checkModelcar(base, mode, what) {
  const cache = /* @__PURE__ */ new Map();
  const lacking = [];
  const unread = [];
  for (const bp of base.image.platforms) {
    const fs = await readRootfs(
      bp.manifest.layers.map((l) => base.layers.get(l.digest)),
      cache
    );
    if (!fs) {
      unread.push(platformName(bp.platform));
      continue;
    }
    const missing = missingCommands(fs, bp.config, MODELCAR_COMMANDS);
    if (missing.length) lacking.push(`no ${missing.join(", ")} on ${platformName(bp.platform)}`);
  }
  const warnings = [];
  if (unread.length) {
    warnings.push(
      `${what}: cannot read the layers of ${unread.join(", ")} (not tar or gzip) to check for ${MODELCAR_COMMANDS.join(", ")}, which KServe's modelcar sidecar runs`
    );
  }
  if (lacking.length === 0) return warnings;
  const sidecar = `KServe's modelcar sidecar (storageUri oci://) runs \`sh -c "mkdir -p \u2026 && ln -sf /proc/$$/root/models \u2026 && sleep infinity"\` in the image`;
  if (mode === "require") {
    throw new UserError(
      `${what} cannot run as a modelcar: ${lacking.join("; ")}. ${sidecar} (modelgate.yaml spec.kserve.storage: modelcar). Use a base that has them (the default is busybox), or set spec.kserve.storage: image-volume where the clusters mount images as volumes (oci+native://)`
    );
  }
  warnings.push(
    `${what} cannot run as a modelcar (${lacking.join("; ")}): ${sidecar}. KServe can mount it as an image volume (oci+native://, spec.kserve.storage: image-volume)`
  );
  return warnings;
}
async function resolveBase(spec, opts) {
  const wanted = opts.platforms ?? DEFAULT_PLATFORMS;
  checkPlatforms(wanted);
  const what = `${opts.from ?? "--base"} ${spec}`;
  try {
    const resolved = await resolveFor(spec, wanted, opts.clientFor, what);
    if (opts.modelcar) resolved.warnings.push(...await checkModelcar(resolved, opts.modelcar, what));
    return resolved;
  } catch (err) {
    const failure = registryFailure(err);
    if (!(failure instanceof CheckFailed) || failure === err) throw failure;
    throw new CheckFailed(
      `${what}: ${failure.message}${spec === DEFAULT_MODELCAR_BASE ? "; where Docker Hub is out of reach, copy this image to a registry you reach (skopeo copy --all keeps its digest) and name it in modelgate.yaml spec.base or --base" : ""}`
    );
  }
}
async function resolveFor(spec, wanted, clientFor, what) {
  if (spec === "scratch") return { image: scratchBase(wanted), layers: /* @__PURE__ */ new Map(), warnings: [] };
  if (spec.startsWith("oci:")) {
    const rest = spec.slice(4);
    const m = /^(.*?)(?:@(sha256:[a-f0-9]{64})|:([^/:]+(?::[^/]+)?))?$/.exec(rest);
    const dir = m[1];
    const top2 = await resolveLayoutRef(dir, m[2] ?? m[3]);
    const { platforms: platforms2, layers: layers2 } = await collect(
      top2,
      (d) => readLayoutJson(dir, d.digest),
      (d) => layoutBlob(dir, d),
      wanted,
      what
    );
    const name2 = top2.annotations?.[REF_NAME] ?? m[3] ?? "oci-layout";
    return { image: { name: name2, digest: top2.digest, platforms: platforms2 }, layers: layers2, warnings: [] };
  }
  const ref = parseReference(spec, "--base");
  const client = clientFor(ref.registry);
  const got = await client.getManifest(ref.repository, ref.digest ?? ref.tag ?? "latest");
  if (!got) throw new UserError(`${what}: no such image in ${ref.registry}`);
  const top = { mediaType: got.mediaType, digest: got.digest, size: got.bytes.byteLength };
  const cache = /* @__PURE__ */ new Map([[got.digest, JSON.parse(got.bytes.toString("utf8"))]]);
  const { platforms, layers } = await collect(
    top,
    async (d) => {
      if (cache.has(d.digest)) return cache.get(d.digest);
      if (d.mediaType.includes("manifest") || d.mediaType.includes("index")) {
        const m = await client.getManifest(ref.repository, d.digest);
        if (!m) throw new UserError(`${what}: manifest ${d.digest} is missing from ${ref.registry}`);
        return JSON.parse(m.bytes.toString("utf8"));
      }
      const s = await client.openBlob(ref.repository, d.digest);
      const chunks = [];
      for await (const c of s) chunks.push(c);
      return JSON.parse(Buffer.concat(chunks).toString("utf8"));
    },
    (d) => registryBlob(client, ref.repository, d),
    wanted,
    what
  );
  const name = formatReference({ ...ref, digest: void 0, tag: ref.tag });
  return {
    image: { name, digest: got.digest, platforms },
    layers,
    unpinned: ref.digest ? void 0 : got.digest,
    warnings: []
  };
}
var table;
function crc32Js(data, value = 0) {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c2 = n;
      for (let k = 0; k < 8; k++) c2 = c2 & 1 ? 3988292384 ^ c2 >>> 1 : c2 >>> 1;
      table[n] = c2 >>> 0;
    }
  }
  let c = ~value >>> 0;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 255] ^ c >>> 8;
  return ~c >>> 0;
}
var nativeCrc32 = zlib.crc32;
function crc322(data, value = 0) {
  return nativeCrc32 ? nativeCrc32(data, value) : crc32Js(data, value);
}
var Stream = { GZ: 0, TAR: 1, CRC: 2, FILE: 3 };
function hashState() {
  const hashes = /* @__PURE__ */ new Map();
  let crc = 0;
  return {
    apply(bytes, ops) {
      for (let i = 0; i < ops.length; i += 3) {
        const s = ops[i];
        const view = bytes.subarray(ops[i + 1], ops[i + 1] + ops[i + 2]);
        if (s === Stream.CRC) {
          crc = crc322(view, crc);
          continue;
        }
        let h = hashes.get(s);
        if (!h) hashes.set(s, h = createHash("sha256"));
        h.update(view);
      }
    },
    crc: () => crc,
    digests() {
      const out = {};
      for (const [s, h] of hashes) out[s] = h.digest("hex");
      return out;
    }
  };
}
var builtScript;
function workerScript() {
  if (true) return '"use strict";\nvar __create = Object.create;\nvar __defProp = Object.defineProperty;\nvar __getOwnPropDesc = Object.getOwnPropertyDescriptor;\nvar __getOwnPropNames = Object.getOwnPropertyNames;\nvar __getProtoOf = Object.getPrototypeOf;\nvar __hasOwnProp = Object.prototype.hasOwnProperty;\nvar __copyProps = (to, from, except, desc) => {\n  if (from && typeof from === "object" || typeof from === "function") {\n    for (let key of __getOwnPropNames(from))\n      if (!__hasOwnProp.call(to, key) && key !== except)\n        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });\n  }\n  return to;\n};\nvar __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(\n  // If the importer is in node compatibility mode or this is not an ESM\n  // file that has been converted to a CommonJS file using a Babel-\n  // compatible transform (i.e. "__esModule" has not been set), then set\n  // "default" to the CommonJS "module.exports" for node compatibility.\n  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,\n  mod\n));\n\n// src/oci/layer-hash-worker.ts\nvar import_node_worker_threads = require("node:worker_threads");\n\n// src/oci/hash-ops.ts\nvar import_node_crypto = require("node:crypto");\n\n// src/oci/crc32.ts\nvar zlib = __toESM(require("node:zlib"), 1);\nvar table;\nfunction crc32Js(data, value = 0) {\n  if (!table) {\n    table = new Uint32Array(256);\n    for (let n = 0; n < 256; n++) {\n      let c2 = n;\n      for (let k = 0; k < 8; k++) c2 = c2 & 1 ? 3988292384 ^ c2 >>> 1 : c2 >>> 1;\n      table[n] = c2 >>> 0;\n    }\n  }\n  let c = ~value >>> 0;\n  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 255] ^ c >>> 8;\n  return ~c >>> 0;\n}\nvar nativeCrc32 = zlib.crc32;\nfunction crc322(data, value = 0) {\n  return nativeCrc32 ? nativeCrc32(data, value) : crc32Js(data, value);\n}\n\n// src/oci/hash-ops.ts\nvar Stream = { GZ: 0, TAR: 1, CRC: 2, FILE: 3 };\nfunction hashState() {\n  const hashes = /* @__PURE__ */ new Map();\n  let crc = 0;\n  return {\n    apply(bytes, ops) {\n      for (let i = 0; i < ops.length; i += 3) {\n        const s = ops[i];\n        const view = bytes.subarray(ops[i + 1], ops[i + 1] + ops[i + 2]);\n        if (s === Stream.CRC) {\n          crc = crc322(view, crc);\n          continue;\n        }\n        let h = hashes.get(s);\n        if (!h) hashes.set(s, h = (0, import_node_crypto.createHash)("sha256"));\n        h.update(view);\n      }\n    },\n    crc: () => crc,\n    digests() {\n      const out = {};\n      for (const [s, h] of hashes) out[s] = h.digest("hex");\n      return out;\n    }\n  };\n}\n\n// src/oci/layer-hash-worker.ts\nvar port = import_node_worker_threads.parentPort;\nif (port) {\n  const state = hashState();\n  port.on(\n    "message",\n    (m) => {\n      if (m.end) {\n        port.postMessage({ digests: state.digests(), crc: state.crc() });\n        port.close();\n        return;\n      }\n      if (m.crc) {\n        port.postMessage({ crc: state.crc() });\n        return;\n      }\n      state.apply(m.bytes instanceof Uint8Array ? m.bytes : new Uint8Array(m.bytes), m.ops);\n      port.postMessage({ ack: m.id });\n    }\n  );\n}\n';
  builtScript ??= createRequire(import.meta.url)("../../scripts/worker-script.cjs").workerScript(
    fileURLToPath(new URL("./layer-hash-worker.ts", import.meta.url))
  );
  return builtScript;
}
function hashThreadsFor(size) {
  return size >= 32 << 20 ? 1 : 0;
}
var LayerHasher = class {
  workers = [];
  local;
  /** Which worker each stream goes to. */
  assign;
  nextId = 0;
  pending = /* @__PURE__ */ new Map();
  outstanding = 0;
  waiters = [];
  answers = [];
  failed;
  constructor(threads) {
    if (threads <= 0) {
      this.local = hashState();
      this.assign = () => 0;
      return;
    }
    const order = [Stream.GZ, Stream.TAR, Stream.FILE, Stream.CRC];
    this.assign = (s) => order.indexOf(s >= Stream.FILE ? Stream.FILE : s) % threads;
    for (let i = 0; i < threads; i++) {
      const w = new Worker(workerScript(), { eval: true });
      w.unref();
      this.answers.push([]);
      w.on("message", (m) => this.onMessage(i, m));
      w.on("error", (err) => this.fail(err));
      this.workers.push(w);
    }
  }
  fail(err) {
    this.failed ??= err;
    for (const p of this.pending.values()) p.done();
    this.pending.clear();
    this.outstanding = 0;
    for (const w of this.waiters.splice(0)) w();
    for (const q of this.answers) for (const answer of q.splice(0)) answer({ error: err });
    this.keepAlive();
  }
  onMessage(i, m) {
    if (typeof m.ack === "number") {
      const p = this.pending.get(m.ack);
      if (p && --p.left === 0) {
        this.pending.delete(m.ack);
        p.done();
        this.outstanding--;
        this.keepAlive();
        for (const w of this.waiters.splice(0)) w();
      }
      return;
    }
    this.answers[i].shift()?.(m);
    this.keepAlive();
  }
  /**
   * The workers keep the process alive only while something waits for them (an ack or an answer): a layer whose
   * reading was given up leaves idle workers that end with the process.
   */
  keepAlive() {
    const busy = this.outstanding > 0 || this.answers.some((q) => q.length > 0);
    for (const w of this.workers) busy ? w.ref() : w.unref();
  }
  /** Hashes `ops` over `bytes`; `done` runs when no hash needs the bytes any more. */
  feed(bytes, ops, done) {
    if (this.failed) throw this.failed;
    if (this.local) {
      this.local.apply(bytes, ops);
      done();
      return;
    }
    const shared = bytes.buffer instanceof SharedArrayBuffer;
    const base = shared ? bytes.byteOffset : 0;
    const byWorker = this.workers.map(() => []);
    for (let i = 0; i < ops.length; i += 3) byWorker[this.assign(ops[i])].push(ops[i], base + ops[i + 1], ops[i + 2]);
    const to = byWorker.flatMap((o, w) => o.length ? [w] : []);
    if (to.length === 0) {
      done();
      return;
    }
    const id = this.nextId++;
    this.pending.set(id, { left: to.length, done });
    this.outstanding++;
    this.keepAlive();
    for (const w of to) {
      this.workers[w].postMessage({ id, bytes: shared ? bytes.buffer : bytes, ops: Float64Array.from(byWorker[w]) });
    }
  }
  /** Resolves when fewer than `limit` chunks wait for the workers (so reading never runs far ahead of hashing). */
  async room(limit) {
    while (this.outstanding >= limit && !this.failed) await new Promise((r) => this.waiters.push(r));
    if (this.failed) throw this.failed;
  }
  ask(w, msg) {
    return new Promise((resolve3, reject) => {
      if (this.failed) return reject(this.failed);
      this.answers[w].push((m) => m.error ? reject(m.error) : resolve3(m));
      this.keepAlive();
      this.workers[w].postMessage(msg);
    });
  }
  /** The CRC-32 of the tar bytes fed so far. */
  async crc() {
    if (this.local) return this.local.crc();
    return (await this.ask(this.assign(Stream.CRC), { crc: true })).crc;
  }
  /** Every hash, once all is fed; the workers end. */
  async finish() {
    let digests = {};
    let crc = 0;
    if (this.local) {
      digests = this.local.digests();
      crc = this.local.crc();
    } else {
      const answers = await Promise.all(this.workers.map((_, i) => this.ask(i, { end: true })));
      for (const [i, a] of answers.entries()) {
        Object.assign(digests, a.digests);
        if (i === this.assign(Stream.CRC)) crc = a.crc;
      }
      this.workers.length = 0;
    }
    const empty = createHash("sha256").digest("hex");
    const files = /* @__PURE__ */ new Map();
    for (const [s, hex] of Object.entries(digests))
      if (Number(s) >= Stream.FILE) files.set(Number(s) - Stream.FILE, hex);
    return { gz: digests[Stream.GZ] ?? empty, tar: digests[Stream.TAR] ?? empty, crc, files };
  }
  /** Ends the workers (a layer read out of order, or given up): each closes its port and ends on its own. */
  close() {
    for (const w of this.workers) w.postMessage({ end: true });
    this.workers.length = 0;
  }
};

// src/oci/gzip.ts
var HEADER = Buffer.from([31, 139, 8, 0, 0, 0, 0, 0, 0, 255]);
var BLOCK2 = 65535;
function trailer(crc, size) {
  const b = Buffer.alloc(8);
  b.writeUInt32LE(crc >>> 0, 0);
  b.writeUInt32LE(size % 2 ** 32, 4);
  return b;
}
function blocks(size) {
  return Math.max(1, Math.ceil(size / BLOCK2));
}
function storedGzipSize(size) {
  return HEADER.byteLength + size + 5 * blocks(size) + 8;
}
function layoutOf(segments) {
  let at = 0;
  return segments.map((seg) => {
    const size = seg instanceof Uint8Array ? seg.byteLength : seg.size;
    const entry = { at, size, ...seg instanceof Uint8Array ? {} : { file: seg.file } };
    at += size;
    return entry;
  });
}
var CHUNK_BLOCKS = 64;
var SPAN = BLOCK2 + 5;
var HASH_BACKLOG = 8;
var noop = () => {
};
function drained(dest) {
  return new Promise((resolve3) => {
    const done = () => {
      dest.off("drain", done);
      dest.off("close", done);
      dest.off("error", done);
      resolve3();
    };
    dest.on("drain", done);
    dest.on("close", done);
    dest.on("error", done);
  });
}
var GzipLayer = class {
  constructor(mediaType, segments, known, opts = {}) {
    this.mediaType = mediaType;
    this.segments = segments;
    this.parts = layoutOf(segments);
    this.tarSize = this.parts.reduce((s, p) => s + p.size, 0);
    this.size = storedGzipSize(this.tarSize);
    this.digests = known;
    this.hashThreads = opts.hashThreads ?? hashThreadsFor(this.tarSize);
  }
  mediaType;
  segments;
  size;
  digests;
  tarSize;
  parts;
  hashThreads;
  hasher;
  /** How far the member and the tar have been hashed, in order; a read that skipped ahead ends the hashing. */
  gzTo = 0;
  tarTo = 0;
  gap = false;
  pool = [];
  /** The digest when known, else "" (the layer has not been read whole yet). */
  get digest() {
    return this.digests?.digest ?? "";
  }
  /** The gzip bytes [start, end) as a stream; the first read in order hashes them. */
  open(start = 0, end = this.size) {
    const chunks = this.chunks(start, end, false);
    return Readable.from(
      (async function* () {
        for await (const c of chunks) yield c.bytes;
      })(),
      { objectMode: false }
    );
  }
  /**
   * Writes the gzip bytes [start, end) into `dest` (not ending it), each chunk's buffer reused once `dest` has taken
   * it; the first write in order hashes them. Stops, resolving, when `dest` is destroyed or `signal` aborts. `dest`
   * must be done with a chunk when it calls back, as a socket or a file is (not a PassThrough, which hands it on).
   */
  async writeTo(dest, start = 0, end = this.size, onBytes, signal) {
    for await (const c of this.chunks(start, end, true)) {
      if (dest.destroyed || signal?.aborted) {
        c.release();
        return;
      }
      onBytes?.(c.bytes.byteLength);
      if (!dest.write(c.bytes, () => c.release())) await drained(dest);
    }
  }
  /** Reads the layer whole (for its digests alone) unless they are known. */
  async hash() {
    if (!this.digests) for await (const c of this.chunks(this.gzTo, this.size, true)) c.release();
    if (!this.digests) throw new Error("the model layer was read out of order; its digest is not known");
    return this.digests;
  }
  /** The part of [at, at + len) not hashed yet, as [skip, length], after which `to` is at + len; undefined if none. */
  fresh(kind, at, len) {
    const to = kind === "gz" ? this.gzTo : this.tarTo;
    if (at > to) {
      this.gap = true;
      this.hasher?.close();
      this.hasher = void 0;
      return void 0;
    }
    const skip = to - at;
    if (skip >= len) return void 0;
    if (kind === "gz") this.gzTo = at + len;
    else this.tarTo = at + len;
    return [skip, len - skip];
  }
  hashing() {
    return !this.digests && !this.gap;
  }
  /** Feeds bytes at member offset `gzAt` (the gzip header or trailer, in memory) to the member's hash. */
  feedSmall(bytes, gzAt) {
    if (!this.hashing()) return;
    const f = this.fresh("gz", gzAt, bytes.byteLength);
    if (!f || !this.hashing()) return;
    this.hasher ??= new LayerHasher(this.hashThreads);
    this.hasher.feed(bytes, [Stream.GZ, f[0], f[1]], noop);
  }
  /** The hash ops of a filled chunk: the member's bytes, and each block's tar bytes into the tar, CRC and files. */
  opsOf(c) {
    const ops = [];
    const gz = this.fresh("gz", c.gzAt, c.len);
    if (!this.hashing()) return [];
    const [gzFrom, gzTo] = gz ? [gz[0], gz[0] + gz[1]] : [0, 0];
    let off = 0;
    for (let b = c.firstBlock; b <= c.lastBlock; b++) {
      const tarAt = b * BLOCK2;
      const len = Math.min(BLOCK2, this.tarSize - tarAt);
      const g0 = Math.max(off, gzFrom);
      const g1 = Math.min(off + 5 + len, gzTo);
      if (g1 > g0) ops.push(Stream.GZ, g0, g1 - g0);
      const f = this.fresh("tar", tarAt, len);
      if (!this.hashing()) return [];
      if (f) {
        const [skip, n] = f;
        const from = tarAt + skip;
        const at = off + 5 + skip;
        ops.push(Stream.TAR, at, n, Stream.CRC, at, n);
        for (const [i, p] of this.parts.entries()) {
          if (!p.file || p.at + p.size <= from || p.at >= from + n) continue;
          const a = Math.max(p.at, from);
          ops.push(Stream.FILE + i, at + (a - from), Math.min(p.at + p.size, from + n) - a);
        }
      }
      off += 5 + len;
    }
    return ops;
  }
  /** A buffer for a chunk: a reused one, or a new one (shared memory when threads hash it). */
  take(recycle) {
    const shared = this.hashing() && this.hashThreads > 0;
    const reused = recycle ? this.pool.pop() : void 0;
    if (reused && (!shared || reused.buffer instanceof SharedArrayBuffer)) return reused;
    const bytes = CHUNK_BLOCKS * SPAN;
    return shared ? new Uint8Array(new SharedArrayBuffer(bytes)) : Buffer.allocUnsafeSlow(bytes);
  }
  /** Blocks [first, last] read into a chunk buffer, each after its stored-block header. */
  async fill(first, last, recycle, handles) {
    const n = blocks(this.tarSize);
    const slot = this.take(recycle);
    const views = [];
    let off = 0;
    for (let b = first; b <= last; b++) {
      const len = Math.min(BLOCK2, this.tarSize - b * BLOCK2);
      slot[off] = b === n - 1 ? 1 : 0;
      slot[off + 1] = len & 255;
      slot[off + 2] = len >>> 8;
      slot[off + 3] = ~len & 255;
      slot[off + 4] = ~len >>> 8 & 255;
      views.push(slot.subarray(off + 5, off + 5 + len));
      off += 5 + len;
    }
    await readSegmentsInto(this.segments, first * BLOCK2, views, handles);
    return { slot, len: off, gzAt: HEADER.byteLength + first * SPAN, firstBlock: first, lastBlock: last };
  }
  settle(d) {
    const files = /* @__PURE__ */ new Map();
    const empty = createHash("sha256").digest("hex");
    for (const [i, p] of this.parts.entries()) if (p.file) files.set(p.file, d.files.get(i) ?? empty);
    this.digests = { digest: `sha256:${d.gz}`, diffId: `sha256:${d.tar}`, crc: d.crc, files };
  }
  /**
   * The gzip bytes [start, end), in chunks: the header, the blocks that overlap the range (read a chunk ahead), then
   * the trailer, each cut to the range.
   */
  async *chunks(start, end, recycle) {
    const cut = (bytes, at) => bytes.subarray(Math.max(start - at, 0), Math.max(Math.min(end - at, bytes.byteLength), 0));
    const total = this.size;
    if (start < HEADER.byteLength) {
      this.feedSmall(HEADER, 0);
      const h = cut(HEADER, 0);
      if (h.byteLength) yield { bytes: h, release: noop };
    }
    const lo = Math.max(start, HEADER.byteLength);
    const hi = Math.min(end, total - 8);
    if (hi > lo) {
      const n = blocks(this.tarSize);
      const first = Math.min(n - 1, Math.floor((lo - HEADER.byteLength) / SPAN));
      const last = Math.min(n - 1, Math.floor((hi - 1 - HEADER.byteLength) / SPAN));
      const handles = /* @__PURE__ */ new Map();
      const next = async (b) => {
        if (this.hasher && this.hashing()) await this.hasher.room(HASH_BACKLOG);
        return this.fill(b, Math.min(last, b + CHUNK_BLOCKS - 1), recycle, handles);
      };
      let ahead = next(first);
      try {
        for (let b = first; b <= last; b += CHUNK_BLOCKS) {
          const c = await ahead;
          ahead = b + CHUNK_BLOCKS <= last ? next(b + CHUNK_BLOCKS) : void 0;
          ahead?.catch(noop);
          let refs = 1;
          const release = () => {
            if (--refs === 0 && recycle) this.pool.push(c.slot);
          };
          const ops = this.hashing() ? this.opsOf(c) : [];
          if (ops.length && this.hasher) {
            refs++;
            this.hasher.feed(c.slot.subarray(0, c.len), ops, release);
          }
          const bytes = cut(c.slot.subarray(0, c.len), c.gzAt);
          if (bytes.byteLength) yield { bytes, release };
          else release();
        }
      } finally {
        await ahead?.catch(noop);
        for (const fh of handles.values()) await fh.close();
      }
    }
    if (end > total - 8) {
      const t = trailer(await this.crc(), this.tarSize);
      this.feedSmall(t, total - 8);
      if (this.hasher && this.hashing() && this.gzTo === total) {
        const hasher = this.hasher;
        this.hasher = void 0;
        this.settle(await hasher.finish());
      }
      const b = cut(t, total - 8);
      if (b.byteLength) yield { bytes: b, release: noop };
    }
  }
  /** The CRC-32 for the trailer: known, or hashed by now (the trailer comes after every byte of the tar). */
  async crc() {
    if (this.digests) return this.digests.crc;
    if (this.gap || this.tarTo !== this.tarSize || !this.hasher) {
      throw new Error("the model layer was read out of order; its gzip trailer is not known");
    }
    return this.hasher.crc();
  }
};
var RACY_MS = 1e3;
async function identity(file) {
  try {
    const s = await stat(file, { bigint: true });
    return { dev: String(s.dev), ino: String(s.ino), size: String(s.size), mtimeNs: s.mtimeNs, ctimeNs: s.ctimeNs };
  } catch {
    return void 0;
  }
}
var same = (a, b) => a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;
async function layerKey(mediaType, segments) {
  const at = Date.now();
  const h = createHash("sha256").update(`${mediaType}
`);
  const files = [];
  for (const seg of segments) {
    if (seg instanceof Uint8Array) {
      h.update(`bytes ${seg.byteLength} ${createHash("sha256").update(seg).digest("hex")}
`);
      continue;
    }
    const id = await identity(seg.file);
    if (!id || id.size !== String(seg.size)) return void 0;
    files.push({ file: seg.file, id });
    h.update(`file ${JSON.stringify(seg.file)} ${id.dev} ${id.ino} ${id.size} ${id.mtimeNs} ${id.ctimeNs}
`);
  }
  return { key: h.digest("hex"), files, at };
}
async function cachedLayer(dir, key) {
  try {
    const e = JSON.parse(await readFile(join(dir, `${key.key}.json`), "utf8"));
    if (typeof e.digest !== "string" || typeof e.diffId !== "string" || typeof e.crc !== "number") return void 0;
    return { digest: e.digest, diffId: e.diffId, crc: e.crc, files: new Map(e.files) };
  } catch {
    return void 0;
  }
}
async function enterLayer(dir, key, digests) {
  const limit = BigInt(key.at - RACY_MS) * 1000000n;
  for (const f of key.files) {
    const now = await identity(f.file);
    if (!now || !same(now, f.id) || now.mtimeNs >= limit || now.ctimeNs >= limit) return false;
  }
  const entry = {
    digest: digests.digest,
    diffId: digests.diffId,
    crc: digests.crc,
    files: [...digests.files]
  };
  const path = join(dir, `${key.key}.json`);
  const tmp = `${path}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(tmp, `${JSON.stringify(entry)}
`);
    await rename(tmp, path);
    return true;
  } catch {
    await rm(tmp, { force: true }).catch(() => {
    });
    return false;
  }
}

// src/oci/tar.ts
var BLOCK3 = 512;
var USTAR_MAX_SIZE = 8589934591;
var TAR_MAX_MTIME = 8589934591;
function normalize(path) {
  const parts = path.split("/").filter((p) => p !== "" && p !== ".");
  if (parts.length === 0 || parts.includes("..")) throw new Error(`tar: bad entry path "${path}"`);
  return parts.join("/");
}
function octal(value, width) {
  const digits = value.toString(8);
  if (!Number.isSafeInteger(value) || value < 0 || digits.length > width - 1) {
    throw new RangeError(`tar: ${value} does not fit a ${width - 1}-digit octal header field`);
  }
  return digits.padStart(width - 1, "0");
}
function writeString(buf, offset, width, s) {
  buf.write(s, offset, Math.min(Buffer.byteLength(s), width), "utf8");
}
function paxRecord(key, value) {
  const body = ` ${key}=${value}
`;
  let len = Buffer.byteLength(body) + 1;
  while (String(len).length + Buffer.byteLength(body) !== len) len = String(len).length + Buffer.byteLength(body);
  return `${len}${body}`;
}
function isPortable(s) {
  return /^[\x20-\x7e]*$/.test(s);
}
function header(h) {
  const buf = Buffer.alloc(BLOCK3, 0);
  writeString(buf, 0, 100, h.name);
  writeString(buf, 100, 8, octal(h.mode, 8));
  writeString(buf, 108, 8, octal(0, 8));
  writeString(buf, 116, 8, octal(0, 8));
  writeString(buf, 124, 12, octal(h.size, 12));
  writeString(buf, 136, 12, octal(h.mtime, 12));
  buf.fill(32, 148, 156);
  writeString(buf, 156, 1, h.typeflag);
  if (h.linkname) writeString(buf, 157, 100, h.linkname);
  writeString(buf, 257, 6, "ustar\0");
  writeString(buf, 263, 2, "00");
  writeString(buf, 329, 8, octal(0, 8));
  writeString(buf, 337, 8, octal(0, 8));
  let sum = 0;
  for (const b of buf) sum += b;
  writeString(buf, 148, 8, `${sum.toString(8).padStart(6, "0")}\0 `);
  return buf;
}
function padding(size) {
  return (BLOCK3 - size % BLOCK3) % BLOCK3;
}
function entryHeaders(name, h) {
  const records = [];
  const linkname = h.linkname ?? "";
  if (Buffer.byteLength(name) > 100 || !isPortable(name)) records.push(paxRecord("path", name));
  if (Buffer.byteLength(linkname) > 100 || !isPortable(linkname)) records.push(paxRecord("linkpath", linkname));
  if (h.size > USTAR_MAX_SIZE) records.push(paxRecord("size", String(h.size)));
  const out = [];
  if (records.length > 0) {
    const body = Buffer.from(records.join(""), "utf8");
    const base = name.replace(/\/$/, "").split("/").pop();
    const paxName = `PaxHeaders/${isPortable(base) ? base : "entry"}`.slice(0, 99);
    out.push(header({ name: paxName, mode: 420, size: body.byteLength, mtime: h.mtime, typeflag: "x" }));
    out.push(body, Buffer.alloc(padding(body.byteLength)));
  }
  const shortName = Buffer.byteLength(name) > 100 || !isPortable(name) ? truncateAscii(name, 100) : name;
  const shortLink = Buffer.byteLength(linkname) > 100 || !isPortable(linkname) ? truncateAscii(linkname, 100) : linkname;
  out.push(
    header({
      ...h,
      name: shortName,
      linkname: shortLink || void 0,
      size: h.size > USTAR_MAX_SIZE ? 0 : h.size
    })
  );
  return out;
}
function truncateAscii(s, max) {
  return s.replace(/[^\x20-\x7e]/g, "_").slice(0, max);
}
function byteOrder(a, b) {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
function tarSegments(entries, mtime) {
  const byPath = /* @__PURE__ */ new Map();
  for (const e of entries) {
    const path = normalize(e.path);
    if (byPath.has(path)) throw new Error(`tar: duplicate entry "${path}"`);
    byPath.set(path, { ...e, path });
  }
  for (const path of [...byPath.keys()]) {
    const parts = path.split("/");
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join("/");
      const existing = byPath.get(parent);
      if (!existing) byPath.set(parent, { type: "dir", path: parent });
      else if (existing.type !== "dir") throw new Error(`tar: "${parent}" is both a file and a directory`);
    }
  }
  const sorted = [...byPath.values()].sort((a, b) => byteOrder(a.path, b.path));
  const segments = [];
  let pending = [];
  const flush = () => {
    if (pending.length > 0) segments.push(Buffer.concat(pending));
    pending = [];
  };
  for (const e of sorted) {
    if (e.type === "dir") {
      pending.push(...entryHeaders(`${e.path}/`, { mode: e.mode ?? 493, size: 0, mtime, typeflag: "5" }));
    } else if (e.type === "symlink") {
      pending.push(...entryHeaders(e.path, { mode: 511, size: 0, mtime, typeflag: "2", linkname: e.target }));
    } else {
      const size = "content" in e ? e.content.byteLength : e.size;
      pending.push(...entryHeaders(e.path, { mode: e.mode ?? 420, size, mtime, typeflag: "0" }));
      if ("content" in e) {
        pending.push(Buffer.from(e.content));
      } else {
        flush();
        segments.push({ file: e.file, size: e.size });
      }
      pending.push(Buffer.alloc(padding(size)));
    }
  }
  pending.push(Buffer.alloc(2 * BLOCK3));
  flush();
  return segments;
}

// src/oci/triton.ts
var TRITON_TYPE = {
  bool: "TYPE_BOOL",
  uint8: "TYPE_UINT8",
  uint16: "TYPE_UINT16",
  uint32: "TYPE_UINT32",
  uint64: "TYPE_UINT64",
  int8: "TYPE_INT8",
  int16: "TYPE_INT16",
  int32: "TYPE_INT32",
  int64: "TYPE_INT64",
  float16: "TYPE_FP16",
  float32: "TYPE_FP32",
  float64: "TYPE_FP64",
  bfloat16: "TYPE_BF16",
  string: "TYPE_STRING"
};
var DEFAULT_MAX_BATCH_SIZE = 4;
function quote(s) {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}
function isDynamic(d) {
  return typeof d === "string" || d < 0;
}
function tensorBlock(t, batched) {
  const type = TRITON_TYPE[t.type];
  if (!type) throw new UserError(`the ONNX ${t.name} has element type ${t.type}, which Triton cannot serve`);
  const dims = (batched ? t.shape.slice(1) : t.shape).map((d) => isDynamic(d) ? -1 : Number(d));
  const lines = ["  {", `    name: ${quote(t.name)}`, `    data_type: ${type}`];
  if (dims.length === 0) {
    lines.push("    dims: [ 1 ]", "    reshape: { shape: [ ] }");
  } else {
    lines.push(`    dims: [ ${dims.join(", ")} ]`);
  }
  lines.push("  }");
  return lines.join("\n");
}
function tritonConfig(name, sig, maxBatchSize = DEFAULT_MAX_BATCH_SIZE) {
  const skipped = sig.outputs.filter((o) => o.kind !== "tensor").map((o) => o.name);
  const outputs = sig.outputs.filter((o) => o.kind === "tensor");
  const inputs = sig.inputs;
  const badInput = inputs.find((i) => i.kind !== "tensor");
  if (badInput) {
    throw new UserError(`the ONNX input ${badInput.name} is a ${badInput.type}; Triton serves tensor inputs only`);
  }
  if (outputs.length === 0) {
    throw new UserError(
      "the ONNX model has no tensor output (a ZipMap output cannot be served by Triton); export it without ZipMap (skl2onnx: options={'zipmap': False})"
    );
  }
  const tensors = [...inputs, ...outputs];
  const batchable = maxBatchSize > 0 && tensors.every((t) => t.shape.length > 0 && isDynamic(t.shape[0]));
  const mbs = batchable ? maxBatchSize : 0;
  const text = [
    `name: ${quote(name)}`,
    `platform: "onnxruntime_onnx"`,
    `max_batch_size: ${mbs}`,
    "input [",
    inputs.map((t) => tensorBlock(t, batchable)).join(",\n"),
    "]",
    "output [",
    outputs.map((t) => tensorBlock(t, batchable)).join(",\n"),
    "]",
    ""
  ].join("\n");
  return { text, maxBatchSize: mbs, skipped };
}

// src/oci/build.ts
var Label = {
  modelName: "dev.modelgate.model.name",
  /** The artifact's sha256: the file the manifest, the evaluation record and the approval name. */
  modelSha256: "dev.modelgate.model.sha256",
  /** The sha256 of /models/<name>/1/model.onnx, the file served (differs from the artifact when a ZipMap is removed). */
  servedSha256: "dev.modelgate.served.sha256",
  /** How the served graph differs from the artifact (absent when it is the artifact itself). */
  servedGraph: "dev.modelgate.served.graph",
  evaluationDigest: "dev.modelgate.evaluation.digest"
};
function modelcarEntries(name, model, configText) {
  const path = `models/${name}/1/model.onnx`;
  return [
    { type: "file", path: `models/${name}/config.pbtxt`, content: Buffer.from(configText, "utf8") },
    model instanceof Uint8Array ? { type: "file", path, content: Buffer.from(model.buffer, model.byteOffset, model.byteLength) } : { type: "file", path, file: model.file, size: model.size }
  ];
}
function prepareLayer(input) {
  const triton = tritonConfig(input.name, input.signature, input.maxBatchSize);
  const segments = tarSegments(
    modelcarEntries(input.name, input.served?.bytes ?? { file: input.modelFile, size: input.modelSize }, triton.text),
    input.created
  );
  return { triton, segments, layer: new GzipLayer(MediaType.layerGzip, segments) };
}
function modelDigests(input, d) {
  const served = input.served;
  const modelSha256 = served ? served.modelSha256 : d.files.get(input.modelFile);
  const servedSha256 = served ? sha256Bytes(served.bytes) : modelSha256;
  if (input.expectedSha256 && input.expectedSha256 !== modelSha256) {
    throw new CheckFailed(
      `${input.modelFile} has sha256 ${modelSha256}, but the manifest declares ${input.expectedSha256}; the model differs from the one that was evaluated and approved`
    );
  }
  return { modelSha256, servedSha256 };
}
function baseLayerBlobs(input) {
  const blobs = [];
  const seen = /* @__PURE__ */ new Set();
  for (const bp of input.base.image.platforms) {
    for (const l of bp.manifest.layers) {
      if (seen.has(l.digest)) continue;
      seen.add(l.digest);
      blobs.push(input.base.layers.get(l.digest));
    }
  }
  return blobs;
}
function assembleImage(input, { triton, layer: layerBlob }) {
  const digests = layerBlob.digests;
  if (!digests) throw new Error("the model layer's digest is not known yet");
  const { modelSha256, servedSha256 } = modelDigests(input, digests);
  const served = input.served;
  const layer = descriptorOf(layerBlob);
  const created = rfc3339(input.created);
  const base = input.base.image;
  const labels = {
    "org.opencontainers.image.created": created,
    "org.opencontainers.image.title": input.name,
    [Label.modelName]: input.name,
    [Label.modelSha256]: modelSha256,
    [Label.servedSha256]: servedSha256
  };
  if (served) labels[Label.servedGraph] = served.note;
  if (input.version) labels["org.opencontainers.image.version"] = input.version;
  if (input.source) labels["org.opencontainers.image.source"] = input.source;
  if (input.revision) labels["org.opencontainers.image.revision"] = input.revision;
  if (input.licenses) labels["org.opencontainers.image.licenses"] = input.licenses;
  if (input.evaluationDigest) {
    labels[Label.evaluationDigest] = input.evaluationDigest.includes(":") ? input.evaluationDigest : `sha256:${input.evaluationDigest}`;
  }
  if (base.name !== "scratch") {
    labels["org.opencontainers.image.base.name"] = base.name;
    labels["org.opencontainers.image.base.digest"] = base.digest ?? "";
  }
  const assembled = appendLayer({
    base,
    layer,
    diffId: digests.diffId,
    created,
    labels,
    createdBy: `modelgate package ${input.name}${input.version ? `@${input.version}` : ""}`
  });
  const blobs = [...baseLayerBlobs(input), layerBlob];
  const seen = new Set(blobs.map((b) => b.digest));
  for (const c of assembled.configs) {
    if (seen.has(c.descriptor.digest)) continue;
    seen.add(c.descriptor.digest);
    blobs.push(memoryBlob(MediaType.config, c.bytes));
  }
  return {
    digest: assembled.index.descriptor.digest,
    descriptor: assembled.index.descriptor,
    assembled,
    blobs,
    layer,
    modelSha256,
    servedSha256,
    triton,
    labels
  };
}
async function writeImageToLayout(dir, img, refName, onBlob) {
  for (const b of img.blobs) await writeBlobTo(dir, b, onBlob);
  await writeManifestsToLayout(dir, img, refName);
}
async function writeManifestsToLayout(dir, img, refName) {
  for (const m of img.assembled.manifests) await writeLayoutBlob(dir, memoryBlob(MediaType.manifest, m.bytes));
  await writeLayoutBlob(dir, memoryBlob(MediaType.index, img.assembled.index.bytes));
  await addToLayoutIndex(dir, img.descriptor, refName);
}
async function pushImage(client, ref, img, onBlob) {
  await client.ping();
  const result = { digest: img.digest, blobs: [] };
  for (const b of img.blobs) await pushOne(client, ref, b, result, { onBlob });
  await pushManifests(client, ref, img);
  return result;
}
async function pushOne(client, ref, b, result, opts) {
  const mountFrom = b.origin?.registry === client.registry ? b.origin.repository : void 0;
  const p = opts.onBlob?.(b);
  const outcome = await client.pushBlob(ref.repository, b, {
    mountFrom,
    onBytes: p ? (n) => p.add(n) : void 0,
    beforeCommit: opts.beforeCommit
  }).catch((err) => {
    p?.abort?.();
    throw err;
  });
  p?.finish();
  result.blobs.push({
    digest: b.digest,
    size: b.size,
    outcome: outcome === "uploaded" && b.origin ? "copied" : outcome
  });
}
async function pushManifests(client, ref, img) {
  for (const m of img.assembled.manifests) {
    await client.putManifest(ref.repository, m.descriptor.digest, m.bytes, MediaType.manifest);
  }
  await client.putManifest(ref.repository, ref.tag ?? img.digest, img.assembled.index.bytes, MediaType.index);
}
var STREAM_LAYERS_FROM = 64 << 20;
async function shipImage(input, targets) {
  const prepared = prepareLayer(input);
  const { layout, push, onBlob } = targets;
  if (prepared.layer.size < (targets.streamFrom ?? STREAM_LAYERS_FROM)) {
    await prepared.layer.hash();
    const img2 = assembleImage(input, prepared);
    if (layout) await writeImageToLayout(layout.dir, img2, layout.refName, onBlob);
    const pushed = push ? await pushImage(push.client, push.ref, img2, onBlob) : void 0;
    return { img: img2, pushed, layerDigest: "read" };
  }
  const { mediaType } = prepared.layer;
  const key = targets.cacheDir ? await layerKey(mediaType, prepared.segments) : void 0;
  const cached = key && targets.cacheDir ? await cachedLayer(targets.cacheDir, key) : void 0;
  let how = "streamed";
  if (cached) {
    modelDigests(input, cached);
    prepared.layer = new GzipLayer(mediaType, prepared.segments, cached);
    how = "cached";
  }
  const check = () => modelDigests(input, prepared.layer.digests);
  const baseBlobs = baseLayerBlobs(input);
  if (layout) {
    for (const b of baseBlobs) await writeBlobTo(layout.dir, b, onBlob);
    await writeBlobTo(layout.dir, prepared.layer, onBlob, check);
  }
  let result;
  if (push) {
    const { client, ref } = push;
    await client.ping();
    result = { digest: "", blobs: [] };
    for (const b of baseBlobs) await pushOne(client, ref, b, result, { onBlob });
    if (how === "cached" && !layout && !await client.hasBlob(ref.repository, prepared.layer.digest)) {
      prepared.layer = new GzipLayer(mediaType, prepared.segments);
      how = "streamed";
    }
    await pushOne(client, ref, prepared.layer, result, { onBlob, beforeCommit: check });
  }
  if (how === "streamed" && key && targets.cacheDir && prepared.layer.digests) {
    await enterLayer(targets.cacheDir, key, prepared.layer.digests);
  }
  const img = assembleImage(input, prepared);
  const configs = img.blobs.filter((b) => b.bytes !== void 0);
  if (layout) {
    for (const c of configs) await writeLayoutBlob(layout.dir, c);
    await writeManifestsToLayout(layout.dir, img, layout.refName);
  }
  if (push && result) {
    for (const c of configs) await pushOne(push.client, push.ref, c, result, { onBlob });
    await pushManifests(push.client, push.ref, img);
    result.digest = img.digest;
  }
  return { img, pushed: result, layerDigest: how };
}
async function writeBlobTo(dir, b, onBlob, beforeCommit) {
  const p = onBlob?.(b);
  await writeLayoutBlob(dir, b, p ? (n) => p.add(n) : void 0, beforeCommit).catch((err) => {
    p?.abort?.();
    throw err;
  });
  p?.finish();
}

// src/package/run.ts
async function packageModel(ws, model, opts = {}) {
  return applyPackage(await planPackage(ws, model, opts), ws.io, ws.env);
}
async function planPackage(ws, model, opts) {
  const repo = ws.repo;
  const m = findModel(repo, model);
  const abs = (p) => resolve(ws.io.cwd, p);
  const name = opts.name ?? m.value.metadata.name;
  const version = opts.version ?? m.value.spec.version;
  const art = m.value.spec.artifact;
  const modelFile = opts.artifactFile ? abs(opts.artifactFile) : isRemote(art.path) ? (await localFile(storageContext(ws), resolveSource(repo.root, m.dir, art.path), {
    sha256: art.sha256,
    size: art.sizeBytes
  })).file : resolve(m.dir, art.path);
  const cfg = repo.config.spec;
  let { layout, push } = opts;
  if (!layout && !push) {
    if (cfg.registry) push = `${cfg.registry.replace(/\/$/, "")}/${name}:${version}`;
    else layout = join(repo.root, ".modelgate", "images");
  }
  return planFrom(opts, {
    cwd: ws.io.cwd,
    env: ws.env,
    git: ws.git,
    name,
    version,
    modelFile,
    expectedSha256: m.value.spec.artifact.sha256,
    licenses: opts.licenses ?? m.value.spec.card.license,
    base: chooseBase({
      flag: opts.base,
      cwd: ws.io.cwd,
      config: { root: repo.root, base: cfg.base, storage: cfg.kserve.storage }
    }),
    layout,
    push,
    bind: async (record) => {
      const facts = await bindingFacts(m, repo);
      if (opts.artifactFile)
        facts.artifact = { ...facts.artifact, file: opts.artifactFile, sha256: await sha256File(modelFile) };
      return recordMismatches(record, facts);
    }
  });
}
async function planPackageFile(io, opts) {
  const modelFile = resolve(io.cwd, opts.modelFile);
  return planFrom(opts, {
    cwd: io.cwd,
    env: io.env,
    git: openGit(io.cwd, { env: io.env }),
    name: opts.name,
    version: opts.version,
    modelFile,
    licenses: opts.licenses,
    base: chooseBase({ flag: opts.base, cwd: io.cwd }),
    layout: opts.layout,
    push: opts.push,
    bind: async (record) => recordMismatches(record, {
      name: opts.name,
      version: opts.version,
      artifact: { file: opts.modelFile, sha256: await sha256File(modelFile) }
    })
  });
}
async function planFrom(opts, r) {
  const abs = (p) => resolve(r.cwd, p);
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(r.name)) {
    throw new UserError(
      `model name "${r.name}" cannot be a folder name in the image; use letters, digits, ".", "_" and "-"`
    );
  }
  if (!r.layout && !r.push) throw new UserError("say where the image goes: --layout DIR or --push REGISTRY/REPO[:TAG]");
  const push = r.push ? parseReference(r.push, opts.push ? "--push" : "modelgate.yaml spec.registry") : void 0;
  if (push?.digest)
    throw new UserError(`--push ${r.push}: name a tag or nothing, not a digest (the digest is the result)`);
  if (push) push.tag ??= r.version;
  const created = await createdTime(r.env, r.git);
  const model = await readServedModel(r.modelFile);
  const attachments = [];
  if (opts.evalRecord) {
    const a = await attachmentFrom(abs(opts.evalRecord), ArtifactType.evaluationRecord);
    const parsed = parseRecord(Buffer.from(a.bytes).toString("utf8"));
    if (!parsed.record) throw new UserError(`--eval-record ${opts.evalRecord}: ${parsed.reason}`);
    const mismatches = await r.bind(parsed.record);
    if (mismatches.length > 0) {
      throw new CheckFailed(`--eval-record ${opts.evalRecord}: ${staleRecordMessage(r.name, mismatches)}`);
    }
    attachments.push(a);
  }
  if (opts.modelCard) attachments.push(await attachmentFrom(abs(opts.modelCard), ArtifactType.modelCard));
  if (opts.promotionRecord) {
    attachments.push(await attachmentFrom(abs(opts.promotionRecord), ArtifactType.promotionRecord));
  }
  const env = r.env;
  return {
    name: r.name,
    version: r.version,
    modelFile: r.modelFile,
    ...model,
    expectedSha256: r.expectedSha256,
    base: r.base,
    platforms: opts.platforms,
    created,
    source: opts.source ?? (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}` : void 0),
    revision: opts.revision ?? env.GITHUB_SHA ?? await r.git.revParse("HEAD"),
    licenses: r.licenses,
    maxBatchSize: opts.maxBatchSize,
    attachments,
    evaluationDigest: opts.evalRecord ? sha256Digest(attachments[0].bytes) : void 0,
    layout: r.layout ? splitLayout(abs, r.layout, r.version ?? "latest") : void 0,
    push,
    chunkSize: opts.chunkMiB ? Math.round(opts.chunkMiB * (1 << 20)) : 0,
    quiet: Boolean(opts.quiet)
  };
}
async function readServedModel(modelFile) {
  const st = await stat(modelFile).catch(() => {
    throw new UserError(`model file ${modelFile} does not exist; check the path (or train the model first)`);
  });
  const small = st.size <= 64 << 20;
  const head = small ? await readFile(modelFile) : await readOnnxHead(modelFile);
  const signature = readOnnxSignature(head, modelFile);
  if (signature.outputs.some((o) => o.kind !== "tensor")) {
    const whole = small ? head : await readFile(modelFile);
    const g = servedGraph(whole, modelFile);
    const note = servedGraphNote(signature, g.removed);
    if (note) {
      return {
        modelSize: st.size,
        signature: readOnnxSignature(g.bytes, modelFile),
        served: { bytes: g.bytes, modelSha256: sha256Bytes(whole), note }
      };
    }
  }
  return { modelSize: st.size, signature };
}
async function applyPackage(plan, io, env) {
  const warnings = [];
  const clients = /* @__PURE__ */ new Map();
  const clientFor = (registry) => {
    let c = clients.get(registry);
    if (!c) {
      c = new RegistryClient(registry, {
        credentials: registryCredentials(registry, env),
        ...registryTuning(env),
        chunkSize: plan.chunkSize,
        log: plan.quiet ? () => {
        } : (line) => io.err(`${line}
`)
      });
      clients.set(registry, c);
    }
    return c;
  };
  try {
    const resolved = await resolveBase(plan.base.spec, {
      clientFor,
      platforms: plan.platforms,
      modelcar: plan.base.modelcar,
      from: plan.base.from
    });
    warnings.push(...resolved.warnings);
    if (resolved.unpinned) {
      warnings.push(
        `${plan.base.from} ${plan.base.spec} is not pinned by digest; it resolved to ${resolved.unpinned} (add @${resolved.unpinned})`
      );
    }
    const input = {
      name: plan.name,
      modelFile: plan.modelFile,
      modelSize: plan.modelSize,
      signature: plan.signature,
      served: plan.served,
      base: resolved,
      created: plan.created,
      version: plan.version,
      source: plan.source,
      revision: plan.revision,
      licenses: plan.licenses,
      evaluationDigest: plan.evaluationDigest,
      expectedSha256: plan.expectedSha256,
      maxBatchSize: plan.maxBatchSize
    };
    const onBlob = plan.quiet ? void 0 : progressFor(io);
    const push = plan.push ? { client: clientFor(plan.push.registry), ref: plan.push } : void 0;
    const { img, pushed } = await shipImage(input, {
      layout: plan.layout ? { dir: plan.layout.dir, refName: plan.layout.name } : void 0,
      push,
      cacheDir: join(cacheDir(env), "layers"),
      onBlob
    });
    for (const s of img.triton.skipped) {
      warnings.push(
        `output ${s} is not a tensor; config.pbtxt leaves it out (Triton's onnxruntime backend serves tensors only)`
      );
    }
    const result = {
      digest: img.digest,
      name: plan.name,
      version: plan.version,
      modelSha256: img.modelSha256,
      servedSha256: img.servedSha256,
      ...plan.served ? { servedGraph: plan.served.note } : {},
      layer: img.layer.digest,
      platforms: img.assembled.manifests.map((m) => platformName2(m.platform)),
      base: { name: resolved.image.name, digest: resolved.image.digest },
      created: rfc3339(plan.created),
      referrers: [],
      warnings,
      descriptor: img.descriptor
    };
    const artifacts = plan.attachments.map((a) => artifactManifest(img.descriptor, a, rfc3339(plan.created)));
    if (plan.layout) {
      const { dir, name } = plan.layout;
      for (const a of artifacts) {
        await attachToLayout(dir, a);
        result.referrers.push({ artifactType: a.descriptor.artifactType, digest: a.descriptor.digest, via: "layout" });
      }
      result.layout = { dir, name };
    }
    if (push && pushed) {
      const { client, ref } = push;
      for (const a of artifacts) {
        const r = await attachToRegistry(client, ref.repository, a, img.descriptor);
        result.referrers.push({ artifactType: a.descriptor.artifactType, digest: r.digest, via: r.via });
      }
      const count = (o) => pushed.blobs.filter((b) => b.outcome === o).length;
      result.pushed = {
        reference: formatReference({ ...ref, digest: img.digest }),
        uploaded: count("uploaded") + count("copied"),
        mounted: count("mounted"),
        existing: count("exists")
      };
    }
    return result;
  } catch (err) {
    throw registryFailure(err);
  } finally {
    for (const c of clients.values()) c.close();
  }
}
async function createdTime(env, git) {
  const sde = env.SOURCE_DATE_EPOCH;
  if (sde !== void 0 && sde !== "") {
    if (!/^\d+$/.test(sde)) throw new UserError(`SOURCE_DATE_EPOCH="${sde}" is not a number of seconds`);
    if (Number(sde) > TAR_MAX_MTIME) {
      throw new UserError(
        `SOURCE_DATE_EPOCH=${sde} is past what a tar header holds (${TAR_MAX_MTIME}, ${new Date(TAR_MAX_MTIME * 1e3).toISOString()}); give a time in seconds since 1970, e.g. $(git log -1 --format=%ct)`
      );
    }
    return Number(sde);
  }
  return await headCommitTime(git) ?? 0;
}
function splitLayout(abs, spec, fallbackName) {
  const m = /^(.*[^:]):([A-Za-z0-9._-]+)$/.exec(spec);
  if (m && !m[2].includes("/") && !/^[A-Za-z]$/.test(m[1])) return { dir: abs(m[1]), name: m[2] };
  return { dir: abs(spec), name: fallbackName };
}
async function attachmentFrom(file, artifactType) {
  const bytes = await readFile(file).catch(() => {
    throw new UserError(`cannot read ${file}; check the path`);
  });
  const md = extname(file) === ".md";
  return { artifactType, mediaType: md ? "text/markdown" : "application/json", title: basename(file), bytes };
}
function progressFor(io) {
  return (blob) => {
    const large = blob.size >= 32 << 20;
    const scale = large ? 1 << 20 : 1;
    const p = new Progress(
      io,
      blob.digest ? blob.digest.slice(7, 19) : "model layer",
      Math.round(blob.size / scale),
      large ? "MiB" : "bytes",
      void 0,
      !large
    );
    const timer = setInterval(() => p.tick(), io.isTTY ? 100 : 5e3);
    timer.unref();
    return {
      add: (n) => p.add(n / scale),
      finish: () => {
        clearInterval(timer);
        p.finish();
      },
      abort: () => clearInterval(timer)
    };
  };
}
async function packageImage(io, opts) {
  return applyPackage(await planPackageImage(io, opts), io, io.env);
}
async function planPackageImage(io, opts) {
  const { model, modelFile, ...rest } = opts;
  if (model) {
    if (modelFile) throw new UserError("give either MODEL or --model FILE, not both");
    return planPackage(openWorkspace(io), model, rest);
  }
  if (!modelFile)
    throw new UserError("name a model: `modelgate package MODEL` in a model repository, or --model FILE --name NAME");
  if (!rest.name) throw new UserError("--model needs --name NAME (the folder under /models in the image)");
  return planPackageFile(io, { ...rest, modelFile, name: rest.name });
}
function packagePlanView(plan) {
  return {
    name: plan.name,
    ...plan.version ? { version: plan.version } : {},
    modelFile: plan.modelFile,
    ...plan.expectedSha256 ? { expectedSha256: plan.expectedSha256 } : {},
    ...plan.served ? { servedGraph: plan.served.note } : {},
    base: plan.base.spec,
    ...plan.platforms ? { platforms: plan.platforms.map(platformName2) } : {},
    created: rfc3339(plan.created),
    labels: {
      ...plan.version ? { "org.opencontainers.image.version": plan.version } : {},
      ...plan.source ? { "org.opencontainers.image.source": plan.source } : {},
      ...plan.revision ? { "org.opencontainers.image.revision": plan.revision } : {},
      ...plan.licenses ? { "org.opencontainers.image.licenses": plan.licenses } : {},
      ...plan.evaluationDigest ? { "dev.modelgate.evaluation.digest": plan.evaluationDigest } : {}
    },
    referrers: plan.attachments.map((a) => ({
      artifactType: a.artifactType,
      title: a.title,
      size: a.bytes.byteLength
    })),
    ...plan.layout ? { layout: plan.layout } : {},
    ...plan.push ? { push: formatReference(plan.push) } : {}
  };
}
var platformName2 = (p) => [p.os, p.architecture, p.variant].filter(Boolean).join("/");
function parsePlatforms(v) {
  if (!v) return void 0;
  return v.split(",").map((p) => {
    const [os, architecture, variant] = p.trim().split("/");
    if (!os || !architecture) throw new UserError(`--platform "${p}" is not OS/ARCH (e.g. linux/amd64)`);
    return { os, architecture, ...variant ? { variant } : {} };
  });
}

export { packageImage as a, packageModel as b, planPackageImage as c, packagePlanView as d, applyPackage as e, parsePlatforms as p };
