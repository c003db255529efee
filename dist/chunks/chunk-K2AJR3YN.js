import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  DOCKER_TO_OCI,
  EMPTY_DESCRIPTOR,
  EMPTY_JSON,
  MediaType,
  RegistryClient,
  describe,
  formatReference,
  hexOf,
  isDigest,
  isIndexType,
  jsonBytes,
  parseReference,
  registryBlob,
  registryCredentials,
  registryFailure,
  sha256Digest
} from "./chunk-AJ5XNGRM.js";
import {
  bindingFacts,
  parseRecord,
  recordMismatches,
  staleRecordMessage
} from "./chunk-APYTJLRR.js";
import {
  Progress
} from "./chunk-4C7CTABB.js";
import {
  servedGraph,
  servedGraphNote
} from "./chunk-SNVQYJ2T.js";
import {
  readOnnxSignature,
  sha256Bytes,
  sha256File
} from "./chunk-AJFWQFH3.js";
import {
  num,
  parseArgs,
  str
} from "./chunk-NJ3H4BEK.js";
import {
  findModel,
  loadRepository
} from "./chunk-ZY5OX6SA.js";
import {
  openGit
} from "./chunk-7Q46JTV7.js";
import {
  toJson,
  writeFileAtomic
} from "./chunk-RQB7ZENY.js";
import {
  CheckFailed,
  UserError
} from "./chunk-7SHYJVU3.js";

// src/commands/package.ts
import { readFile as readFile2, stat as stat2 } from "node:fs/promises";
import { basename, extname, join as join2, resolve } from "node:path";

// src/oci/image.ts
function scratchBase(platform = { architecture: "amd64", os: "linux" }) {
  return {
    name: "scratch",
    platforms: [
      {
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
      }
    ]
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

// src/oci/layout.ts
import { createHash as createHash2, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readFile, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";

// src/oci/blob.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
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
function segmentBlob(mediaType, segments, digest, size) {
  return {
    mediaType,
    digest,
    size,
    open: (start = 0, end = size) => Readable.from(readSegments(segments, start, end), { objectMode: false })
  };
}
async function hashSegments(segments) {
  const whole = createHash("sha256");
  const files = /* @__PURE__ */ new Map();
  let size = 0;
  for (const seg of segments) {
    if (seg instanceof Uint8Array) {
      whole.update(seg);
      size += seg.byteLength;
      continue;
    }
    const own = createHash("sha256");
    let got = 0;
    for await (const chunk of createReadStream(seg.file, { highWaterMark: CHUNK })) {
      whole.update(chunk);
      own.update(chunk);
      got += chunk.byteLength;
    }
    if (got !== seg.size) throw new Error(`${seg.file} changed while it was read (expected ${seg.size} bytes)`);
    size += got;
    files.set(seg.file, own.digest("hex"));
  }
  return { digest: `sha256:${whole.digest("hex")}`, size, files };
}

// src/oci/layout.ts
var REF_NAME = "org.opencontainers.image.ref.name";
function blobPath(dir, digest) {
  const [alg, hex] = digest.split(":");
  return join(dir, "blobs", alg, hex);
}
async function exists(path, size) {
  try {
    return (await stat(path)).size === size;
  } catch {
    return false;
  }
}
async function writeLayoutBlob(dir, blob, onBytes) {
  const path = blobPath(dir, blob.digest);
  if (await exists(path, blob.size)) return;
  await mkdir(join(dir, "blobs", "sha256"), { recursive: true });
  const tmp = `${path}.${randomBytes(4).toString("hex")}.tmp`;
  const hash = createHash2("sha256");
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
    await pipeline(blob.open(), tee, createWriteStream(tmp));
    const digest = `sha256:${hash.digest("hex")}`;
    if (digest !== blob.digest || size !== blob.size) {
      throw new Error(
        `blob ${blob.digest} read back as ${digest} (${size} bytes): its source changed while it was written`
      );
    }
    await rename(tmp, path);
  } finally {
    await rm(tmp, { force: true });
  }
}
async function readLayoutIndex(dir) {
  let text;
  try {
    text = await readFile(join(dir, "index.json"), "utf8");
  } catch {
    throw new UserError(
      `${dir} is not an OCI image layout (no index.json); write one with \`modelgate package --layout ${dir}\``
    );
  }
  return JSON.parse(text);
}
async function addToLayoutIndex(dir, descriptor, refName) {
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(join(dir, "oci-layout"), `${JSON.stringify({ imageLayoutVersion: "1.0.0" })}
`);
  let index;
  try {
    index = JSON.parse(await readFile(join(dir, "index.json"), "utf8"));
  } catch {
    index = { schemaVersion: 2, mediaType: MediaType.index, manifests: [] };
  }
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
  try {
    return JSON.parse(await readFile(blobPath(dir, digest), "utf8"));
  } catch (err) {
    throw new UserError(
      `${dir}: blob ${hexOf(digest).slice(0, 12)} is missing or not JSON (${err.message})`
    );
  }
}

// src/oci/base.ts
function wanted(p, only) {
  if (!p || p.os === "unknown" || p.architecture === "unknown") return false;
  return !only || only.some((o) => o.os === p.os && o.architecture === p.architecture && (!o.variant || o.variant === p.variant));
}
async function collect(top, getJson, blobOf, only) {
  const layers = /* @__PURE__ */ new Map();
  const platforms = [];
  const addManifest = async (d) => {
    const manifest = await getJson(d);
    const config = await getJson(manifest.config);
    const platform = d.platform ?? {
      architecture: config.architecture,
      os: config.os,
      ...config.variant ? { variant: config.variant } : {}
    };
    if (!d.platform && !wanted(platform, only)) return;
    for (const l of manifest.layers) layers.set(l.digest, blobOf(l));
    platforms.push({ platform, manifest, manifestDigest: d.digest, config });
  };
  if (isIndexType(top.mediaType)) {
    const index = await getJson(top);
    for (const m of index.manifests) if (wanted(m.platform, only)) await addManifest(m);
  } else {
    await addManifest(top);
  }
  if (platforms.length === 0) throw new UserError("the base image has no platform to build on");
  return { platforms, layers };
}
async function resolveBase(spec, opts) {
  if (spec === "scratch") return { image: scratchBase(opts.scratchPlatform), layers: /* @__PURE__ */ new Map() };
  if (spec.startsWith("oci:")) {
    const rest = spec.slice(4);
    const m = /^(.*?)(?:@(sha256:[a-f0-9]{64})|:([^/:]+(?::[^/]+)?))?$/.exec(rest);
    const dir = m[1];
    const top2 = await resolveLayoutRef(dir, m[2] ?? m[3]);
    const { platforms: platforms2, layers: layers2 } = await collect(
      top2,
      (d) => readLayoutJson(dir, d.digest),
      (d) => layoutBlob(dir, d),
      opts.platforms
    );
    const name2 = top2.annotations?.[REF_NAME] ?? m[3] ?? "oci-layout";
    return { image: { name: name2, digest: top2.digest, platforms: platforms2 }, layers: layers2 };
  }
  const ref = parseReference(spec, "--base");
  const client = opts.clientFor(ref.registry);
  const got = await client.getManifest(ref.repository, ref.digest ?? ref.tag ?? "latest");
  if (!got) throw new UserError(`--base ${spec}: no such image in ${ref.registry}`);
  const top = { mediaType: got.mediaType, digest: got.digest, size: got.bytes.byteLength };
  const cache = /* @__PURE__ */ new Map([[got.digest, JSON.parse(got.bytes.toString("utf8"))]]);
  const { platforms, layers } = await collect(
    top,
    async (d) => {
      if (cache.has(d.digest)) return cache.get(d.digest);
      if (d.mediaType.includes("manifest") || d.mediaType.includes("index")) {
        const m = await client.getManifest(ref.repository, d.digest);
        if (!m) throw new UserError(`--base ${spec}: manifest ${d.digest} is missing from ${ref.registry}`);
        return JSON.parse(m.bytes.toString("utf8"));
      }
      const s = await client.openBlob(ref.repository, d.digest);
      const chunks = [];
      for await (const c of s) chunks.push(c);
      return JSON.parse(Buffer.concat(chunks).toString("utf8"));
    },
    (d) => registryBlob(client, ref.repository, d),
    opts.platforms
  );
  const name = formatReference({ ...ref, digest: void 0, tag: ref.tag });
  return {
    image: { name, digest: got.digest, platforms },
    layers,
    unpinned: ref.digest ? void 0 : got.digest
  };
}

// src/onnx/head.ts
import { open } from "node:fs/promises";
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
    const field = Math.floor(key.value / 8);
    const wire = key.value % 8;
    if (field === 0) throw new NotProtobuf("field number 0", pos);
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
    yield { field, wire, keyStart: pos, start, end };
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
function lenField(field, body) {
  return Buffer.concat([varint(field * 8 + 2), varint(body.byteLength), body]);
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

// src/oci/tar.ts
var BLOCK = 512;
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
  const buf = Buffer.alloc(BLOCK, 0);
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
  return (BLOCK - size % BLOCK) % BLOCK;
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
  pending.push(Buffer.alloc(2 * BLOCK));
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

// src/oci/package.ts
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
async function buildImage(input) {
  const triton = tritonConfig(input.name, input.signature, input.maxBatchSize);
  const served = input.served;
  const segments = tarSegments(
    modelcarEntries(input.name, served?.bytes ?? { file: input.modelFile, size: input.modelSize }, triton.text),
    input.created
  );
  const hashed = await hashSegments(segments);
  const modelSha256 = served ? served.modelSha256 : hashed.files.get(input.modelFile);
  const servedSha256 = served ? sha256Bytes(served.bytes) : modelSha256;
  if (input.expectedSha256 && input.expectedSha256 !== modelSha256) {
    throw new CheckFailed(
      `${input.modelFile} has sha256 ${modelSha256}, but the manifest declares ${input.expectedSha256}; the model differs from the one that was evaluated and approved`
    );
  }
  const layerBlob = segmentBlob(MediaType.layer, segments, hashed.digest, hashed.size);
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
    diffId: hashed.digest,
    created,
    labels,
    createdBy: `modelgate package ${input.name}${input.version ? `@${input.version}` : ""}`
  });
  const blobs = [];
  const seen = /* @__PURE__ */ new Set();
  for (const bp of base.platforms) {
    for (const l of bp.manifest.layers) {
      if (seen.has(l.digest)) continue;
      seen.add(l.digest);
      blobs.push(input.base.layers.get(l.digest));
    }
  }
  blobs.push(layerBlob);
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
  for (const b of img.blobs) {
    const p = onBlob?.(b);
    await writeLayoutBlob(dir, b, p ? (n) => p.add(n) : void 0);
    p?.finish();
  }
  for (const m of img.assembled.manifests) await writeLayoutBlob(dir, memoryBlob(MediaType.manifest, m.bytes));
  await writeLayoutBlob(dir, memoryBlob(MediaType.index, img.assembled.index.bytes));
  await addToLayoutIndex(dir, img.descriptor, refName);
}
async function pushImage(client, ref, img, onBlob) {
  await client.ping();
  const result = { digest: img.digest, blobs: [] };
  for (const b of img.blobs) {
    const mountFrom = b.origin?.registry === client.registry ? b.origin.repository : void 0;
    const p = onBlob?.(b);
    const outcome = await client.pushBlob(ref.repository, b, { mountFrom, onBytes: p ? (n) => p.add(n) : void 0 });
    p?.finish();
    result.blobs.push({
      digest: b.digest,
      size: b.size,
      outcome: outcome === "uploaded" && b.origin ? "copied" : outcome
    });
  }
  for (const m of img.assembled.manifests) {
    await client.putManifest(ref.repository, m.descriptor.digest, m.bytes, MediaType.manifest);
  }
  await client.putManifest(ref.repository, ref.tag ?? img.digest, img.assembled.index.bytes, MediaType.index);
  return result;
}

// src/oci/referrers.ts
var ArtifactType = {
  evaluationRecord: "application/vnd.modelgate.evaluation-record.v1+json",
  modelCard: "application/vnd.modelgate.model-card.v1+markdown",
  promotionRecord: "application/vnd.modelgate.promotion-record.v1+json"
};
function artifactManifest(subject, a, created) {
  const layer = describe(a.mediaType, a.bytes, { annotations: { "org.opencontainers.image.title": a.title } });
  const annotations = { "org.opencontainers.image.created": created };
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
async function attachToLayout(dir, artifact) {
  for (const b of artifact.blobs) await writeLayoutBlob(dir, b);
  await writeLayoutBlob(dir, memoryBlob(MediaType.manifest, artifact.bytes));
  await addToLayoutIndex(dir, artifact.descriptor);
}

// src/commands/package.ts
var usage = `Usage: modelgate package MODEL [--layout DIR[:NAME]] [--push REGISTRY/REPO[:TAG]] [--base REF|scratch] [--json]
       modelgate package --model FILE --name NAME [--version X.Y.Z] (--layout DIR[:NAME] | --push REF) [options]

Builds the model's OCI image without a Docker daemon: a KServe modelcar whose /models/NAME holds a Triton model
repository (config.pbtxt from the ONNX signature, and 1/model.onnx), appended to every platform of the base image.
The same inputs give the same digest. Prints the image digest (the digest of its index).

The served graph is the one \`evaluate\` scores: a ZipMap output (which Triton cannot serve) is removed and the
probability tensor behind it served instead, as skl2onnx writes with zipmap=False. The labels
dev.modelgate.model.sha256 (the artifact the manifest and the evaluation record name) and
dev.modelgate.served.sha256 (the file in the image) then differ, and dev.modelgate.served.graph says why.

MODEL is a model of the repository (models/MODEL/model.yaml): its name, version, artifact and sha256 and license
come from the manifests; the image is pushed to modelgate.yaml's spec.registry as REGISTRY/MODEL:VERSION, or, with
no registry configured, written to the image layout .modelgate/images at the repository root.

Options:
  --model FILE            the ONNX file (without manifests; needs --name)
  --artifact-file FILE    with MODEL: ship this file instead of the manifest's artifact path (a file trained by the
                          pull request's CI run); it must have the manifest's sha256
  --name NAME             the model name (the folder under /models)
  --version X.Y.Z         the version label and default tag
  --layout DIR[:NAME]     write an OCI image layout to DIR, naming the image NAME (default: the version, or latest)
  --push REF              push to a registry: REGISTRY/REPO[:TAG] (default tag: the version); plain HTTP only
                          for loopback registries. Credentials: MODELGATE_REGISTRY_USERNAME/PASSWORD, GITHUB_TOKEN
                          for ghcr.io, or the auth file of docker/skopeo login
  --base REF|scratch      the base image: a registry reference (pin it with @sha256:\u2026), oci:DIR[:NAME] for a
                          local layout, or scratch (no base: for clusters that mount images as volumes).
                          Default: modelgate.yaml's spec.base, else scratch
  --platform OS/ARCH,\u2026    only these platforms of the base (default: all of them)
  --eval-record FILE      attach the evaluation record as a referrer; its digest goes in a label. The record must
                          describe this model: its name, version, candidate sha256 and (with MODEL) evaluation
                          data digest; a stale record is refused (exit 1)
  --model-card FILE       attach the model card as a referrer
  --promotion-record FILE attach a promotion record as a referrer
  --max-batch-size N      Triton max_batch_size when the model has a dynamic batch dimension (default 4)
  --chunk-size MIB        upload blobs in chunks of this size (default: one streamed PUT per blob)
  --source URL            org.opencontainers.image.source (default: from GITHUB_SERVER_URL/GITHUB_REPOSITORY)
  --revision SHA          org.opencontainers.image.revision (default: GITHUB_SHA, else git HEAD)
  --licenses SPDX         org.opencontainers.image.licenses (default: the model card's license)
  --json                  print the result as JSON

Times: every timestamp is SOURCE_DATE_EPOCH, else the commit time of HEAD, else 1970-01-01.
Exit codes: 0 built, 1 the model differs from its manifest's sha256, the evaluation record is stale, or the registry
failed; 2 usage error; 70 internal error (a bug in modelgate; please report it).
`;
async function createdTime(env, cwd) {
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
  const t = await openGit(cwd).tryRun(["log", "-1", "--format=%ct"]);
  return t ? Number(t) : 0;
}
function parsePlatforms(v) {
  if (!v) return void 0;
  return v.split(",").map((p) => {
    const [os, architecture, variant] = p.trim().split("/");
    if (!os || !architecture) throw new UserError(`--platform "${p}" is not OS/ARCH (e.g. linux/amd64)`);
    return { os, architecture, ...variant ? { variant } : {} };
  });
}
function splitLayout(spec, fallbackName) {
  const m = /^(.*[^:]):([A-Za-z0-9._-]+)$/.exec(spec);
  if (m && !m[2].includes("/") && !/^[A-Za-z]$/.test(m[1])) return { dir: m[1], name: m[2] };
  return { dir: spec, name: fallbackName };
}
async function attachmentFrom(file, artifactType) {
  const bytes = await readFile2(file).catch(() => {
    throw new UserError(`cannot read ${file}; check the path`);
  });
  const md = extname(file) === ".md";
  return { artifactType, mediaType: md ? "text/markdown" : "application/json", title: basename(file), bytes };
}
function progressFor(io) {
  return (blob) => {
    if (blob.size < 32 << 20) return void 0;
    const mib = 1 << 20;
    const p = new Progress(io, `${blob.digest.slice(7, 19)}`, Math.round(blob.size / mib), "MiB");
    return { add: (n) => p.add(n / mib), finish: () => p.finish() };
  };
}
async function runPackage(args, io) {
  const { values, positionals } = parseArgs("package", args, {
    model: { type: "string" },
    "artifact-file": { type: "string" },
    name: { type: "string" },
    version: { type: "string" },
    layout: { type: "string" },
    push: { type: "string" },
    base: { type: "string" },
    platform: { type: "string" },
    "eval-record": { type: "string" },
    "model-card": { type: "string" },
    "promotion-record": { type: "string" },
    "max-batch-size": { type: "string" },
    "chunk-size": { type: "string" },
    source: { type: "string" },
    revision: { type: "string" },
    licenses: { type: "string" }
  });
  const cwd = io.cwd;
  const env = io.env;
  const abs = (p) => resolve(cwd, p);
  const warnings = [];
  let name = str(values.name);
  let version = str(values.version);
  let modelFile = str(values.model) ? abs(str(values.model)) : void 0;
  let expectedSha256;
  let licenses = str(values.licenses);
  let base = str(values.base);
  let layoutSpec = str(values.layout);
  let pushSpec = str(values.push);
  let root = cwd;
  let bindRecord;
  if (positionals.length > 1) throw new UserError(`package takes one MODEL, got ${positionals.join(" ")}`);
  if (positionals.length === 1) {
    if (modelFile) throw new UserError("give either MODEL or --model FILE, not both");
    const repo = loadRepository(cwd);
    root = repo.root;
    const m = findModel(repo, positionals[0]);
    bindRecord = async (record) => {
      const facts = await bindingFacts(m, repo);
      if (str(values["artifact-file"]))
        facts.artifact = {
          ...facts.artifact,
          file: str(values["artifact-file"]),
          sha256: await sha256File(modelFile)
        };
      return recordMismatches(record, facts);
    };
    name ??= m.value.metadata.name;
    version ??= m.value.spec.version;
    modelFile = str(values["artifact-file"]) ? abs(str(values["artifact-file"])) : resolve(m.dir, m.value.spec.artifact.path);
    expectedSha256 = m.value.spec.artifact.sha256;
    licenses ??= m.value.spec.card.license;
    const cfgBase = repo.config.spec.base;
    base ??= cfgBase ? cfgBase.digest && !cfgBase.image.includes("@") ? `${cfgBase.image}@${cfgBase.digest}` : cfgBase.image : void 0;
    if (!layoutSpec && !pushSpec) {
      if (repo.config.spec.registry) pushSpec = `${repo.config.spec.registry.replace(/\/$/, "")}/${name}:${version}`;
      else layoutSpec = join2(repo.root, ".modelgate", "images");
    }
  } else {
    if (!modelFile)
      throw new UserError("name a model: `modelgate package MODEL` in a model repository, or --model FILE --name NAME");
    if (!name) throw new UserError("--model needs --name NAME (the folder under /models in the image)");
  }
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name)) {
    throw new UserError(
      `model name "${name}" cannot be a folder name in the image; use letters, digits, ".", "_" and "-"`
    );
  }
  if (!layoutSpec && !pushSpec)
    throw new UserError("say where the image goes: --layout DIR or --push REGISTRY/REPO[:TAG]");
  base ??= "scratch";
  const pushRef = pushSpec ? parseReference(pushSpec, values.push ? "--push" : "modelgate.yaml spec.registry") : void 0;
  if (pushRef?.digest)
    throw new UserError(`--push ${pushSpec}: name a tag or nothing, not a digest (the digest is the result)`);
  const created = await createdTime(env, root);
  const st = await stat2(modelFile).catch(() => {
    throw new UserError(`model file ${modelFile} does not exist; check the path (or train the model first)`);
  });
  const head = st.size <= 64 << 20 ? await readFile2(modelFile) : await readOnnxHead(modelFile);
  let signature = readOnnxSignature(head, modelFile);
  let served;
  if (signature.outputs.some((o) => o.kind !== "tensor")) {
    const whole = st.size <= 64 << 20 ? head : await readFile2(modelFile);
    const g = servedGraph(whole, modelFile);
    const note = servedGraphNote(signature, g.removed);
    if (note) {
      served = { bytes: g.bytes, modelSha256: sha256Bytes(whole), note };
      signature = readOnnxSignature(g.bytes, modelFile);
    }
  }
  const maxBatchSize = num("max-batch-size", values["max-batch-size"]);
  const chunkMiB = num("chunk-size", values["chunk-size"]);
  const clients = /* @__PURE__ */ new Map();
  const clientFor = (registry) => {
    let c = clients.get(registry);
    if (!c) {
      c = new RegistryClient(registry, {
        credentials: registryCredentials(registry, env),
        chunkSize: chunkMiB ? Math.round(chunkMiB * (1 << 20)) : 0,
        log: (line) => io.err(`${line}
`)
      });
      clients.set(registry, c);
    }
    return c;
  };
  try {
    const resolved = await resolveBase(base, { clientFor, platforms: parsePlatforms(str(values.platform)) });
    if (resolved.unpinned) {
      warnings.push(
        `--base ${base} is not pinned by digest; it resolved to ${resolved.unpinned} (add @${resolved.unpinned})`
      );
    }
    const evalFile = str(values["eval-record"]);
    const evalAttachment = evalFile ? await attachmentFrom(abs(evalFile), ArtifactType.evaluationRecord) : void 0;
    if (evalFile && evalAttachment) {
      const parsed = parseRecord(Buffer.from(evalAttachment.bytes).toString("utf8"));
      if (!parsed.record) throw new UserError(`--eval-record ${evalFile}: ${parsed.reason}`);
      const record = parsed.record;
      const mismatches = bindRecord ? await bindRecord(record) : recordMismatches(record, {
        name,
        version,
        artifact: { file: str(values.model), sha256: await sha256File(modelFile) }
      });
      if (mismatches.length > 0) {
        throw new CheckFailed(`--eval-record ${evalFile}: ${staleRecordMessage(name, mismatches)}`);
      }
    }
    const source = str(values.source) ?? (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}` : void 0);
    const revision = str(values.revision) ?? env.GITHUB_SHA ?? await openGit(root).revParse("HEAD");
    const img = await buildImage({
      name,
      modelFile,
      modelSize: st.size,
      signature,
      served,
      base: resolved,
      created,
      version,
      source,
      revision,
      licenses,
      evaluationDigest: evalAttachment ? sha256Digest(evalAttachment.bytes) : void 0,
      expectedSha256,
      maxBatchSize
    });
    for (const s of img.triton.skipped) {
      warnings.push(
        `output ${s} is not a tensor; config.pbtxt leaves it out (Triton's onnxruntime backend serves tensors only)`
      );
    }
    const result = {
      digest: img.digest,
      name,
      version,
      modelSha256: img.modelSha256,
      servedSha256: img.servedSha256,
      ...served ? { servedGraph: served.note } : {},
      layer: img.layer.digest,
      platforms: img.assembled.manifests.map(
        (m) => [m.platform.os, m.platform.architecture, m.platform.variant].filter(Boolean).join("/")
      ),
      base: { name: resolved.image.name, digest: resolved.image.digest },
      created: rfc3339(created),
      referrers: [],
      warnings,
      descriptor: img.descriptor
    };
    const attachments = [];
    if (evalAttachment) attachments.push(evalAttachment);
    const card = str(values["model-card"]);
    if (card) attachments.push(await attachmentFrom(abs(card), ArtifactType.modelCard));
    const promo = str(values["promotion-record"]);
    if (promo) attachments.push(await attachmentFrom(abs(promo), ArtifactType.promotionRecord));
    const artifacts = attachments.map((a) => artifactManifest(img.descriptor, a, rfc3339(created)));
    const onBlob = progressFor(io);
    if (layoutSpec) {
      const { dir, name: refName } = splitLayout(layoutSpec, version ?? "latest");
      const layoutDir = abs(dir);
      await writeImageToLayout(layoutDir, img, refName, onBlob);
      for (const a of artifacts) {
        await attachToLayout(layoutDir, a);
        result.referrers.push({ artifactType: a.descriptor.artifactType, digest: a.descriptor.digest, via: "layout" });
      }
      result.layout = { dir: layoutDir, name: refName };
    }
    if (pushSpec) {
      const ref = pushRef;
      ref.tag ??= version;
      const client = clientFor(ref.registry);
      const pushed = await pushImage(client, ref, img, onBlob);
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
var command = {
  name: "package",
  summary: "build the model's OCI image (KServe modelcar) and write it to a layout or push it",
  usage,
  async run(args, io) {
    const json = args.includes("--json");
    const r = await runPackage(args, io);
    for (const w of r.warnings) io.err(`warning: ${w}
`);
    if (json) {
      io.out(toJson(r));
      return 0;
    }
    io.err(`built ${r.name}${r.version ? `@${r.version}` : ""} for ${r.platforms.join(", ")} on ${r.base.name}
`);
    if (r.layout) io.err(`wrote ${r.layout.dir} (${r.layout.name})
`);
    if (r.pushed)
      io.err(
        `pushed ${r.pushed.reference} (${r.pushed.uploaded} uploaded, ${r.pushed.mounted} mounted, ${r.pushed.existing} already there)
`
      );
    for (const a of r.referrers) io.err(`attached ${a.artifactType} ${a.digest} (${a.via})
`);
    io.out(`${r.digest}
`);
    return 0;
  }
};

export {
  ArtifactType,
  artifactManifest,
  attachToRegistry,
  attachToLayout,
  runPackage,
  command
};
