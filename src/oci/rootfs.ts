import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import type { Blob } from "./blob.ts";
import type { ImageConfig } from "./types.ts";

/**
 * What a base image's layers leave in its root filesystem, read from the layers themselves (tar, gzip'd tar; OCI
 * whiteouts applied), so that "this image has sh" is checked, not guessed from the base's name. Only the headers are
 * parsed; file contents are skipped.
 */

export interface RootfsEntry {
  type: "file" | "dir" | "symlink" | "other";
  mode: number;
  /** A symlink's target. */
  target?: string;
}

/** The paths of a root filesystem (no leading slash), or why they could not be read. */
export type Rootfs = Map<string, RootfsEntry>;

const BLOCK = 512;

function clean(path: string): string {
  return path
    .split("/")
    .filter((p) => p !== "" && p !== ".")
    .join("/");
}

function field(h: Buffer, offset: number, width: number): string {
  const raw = h.subarray(offset, offset + width);
  const nul = raw.indexOf(0);
  return raw.subarray(0, nul < 0 ? width : nul).toString("utf8");
}

function numeric(h: Buffer, offset: number, width: number): number {
  if (h[offset] & 0x80) {
    // base-256 (GNU) for sizes past 8 GiB
    let v = 0;
    for (let i = offset + 1; i < offset + width; i++) v = v * 256 + h[i];
    return v;
  }
  const s = field(h, offset, width).trim();
  return s ? Number.parseInt(s, 8) : 0;
}

function paxRecords(body: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < body.length) {
    const sp = body.indexOf(0x20, i);
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

interface TarHeader {
  path: string;
  typeflag: string;
  mode: number;
  linkname: string;
}

/** The entries of a tar stream, headers only (POSIX ustar, pax and GNU long names). */
async function tarHeaders(stream: Readable): Promise<TarHeader[]> {
  const out: TarHeader[] = [];
  let buf: Buffer = Buffer.alloc(0);
  let skip = 0;
  /** A pax or GNU long-name header's body being collected, then applied to the next entry. */
  let collect: { type: string; size: number; parts: Buffer[]; got: number } | undefined;
  let pax: Record<string, string> = {};
  let longName: string | undefined;
  let longLink: string | undefined;
  for await (const chunk of stream) {
    buf = buf.byteLength ? Buffer.concat([buf, chunk as Buffer]) : (chunk as Buffer);
    for (;;) {
      if (collect) {
        const take = Math.min(collect.size - collect.got, buf.byteLength);
        collect.parts.push(buf.subarray(0, take));
        collect.got += take;
        buf = buf.subarray(take);
        if (collect.got < collect.size) break;
        const body = Buffer.concat(collect.parts);
        if (collect.type === "x") pax = { ...pax, ...paxRecords(body) };
        else if (collect.type === "L") longName = body.toString("utf8").replace(/\0+$/, "");
        else if (collect.type === "K") longLink = body.toString("utf8").replace(/\0+$/, "");
        skip = (BLOCK - (collect.size % BLOCK)) % BLOCK;
        collect = undefined;
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
      if (h.every((b) => b === 0)) continue; // end-of-archive blocks
      const typeflag = String.fromCharCode(h[156] || 0x30);
      const size = numeric(h, 124, 12);
      if (typeflag === "x" || typeflag === "g" || typeflag === "L" || typeflag === "K") {
        if (typeflag === "g") skip = size + ((BLOCK - (size % BLOCK)) % BLOCK);
        else collect = { type: typeflag, size, parts: [], got: 0 };
        continue;
      }
      const prefix = field(h, 257, 6).startsWith("ustar") ? field(h, 345, 155) : "";
      const name = field(h, 0, 100);
      out.push({
        path: clean(pax.path ?? longName ?? (prefix ? `${prefix}/${name}` : name)),
        typeflag,
        mode: numeric(h, 100, 8),
        linkname: pax.linkpath ?? longLink ?? field(h, 157, 100),
      });
      pax = {};
      longName = longLink = undefined;
      // a hard link's or directory's size is 0; other types carry their data
      skip = typeflag === "1" || typeflag === "2" || typeflag === "5" ? 0 : size + ((BLOCK - (size % BLOCK)) % BLOCK);
    }
  }
  return out;
}

const GZIP_TYPES = new Set([
  "application/vnd.oci.image.layer.v1.tar+gzip",
  "application/vnd.docker.image.rootfs.diff.tar.gzip",
]);
const TAR_TYPES = new Set(["application/vnd.oci.image.layer.v1.tar", "application/vnd.docker.image.rootfs.diff.tar"]);

/** A layer's entries, or undefined when its compression cannot be read here (zstd, or an unknown type). */
async function layerHeaders(layer: Blob): Promise<TarHeader[] | undefined> {
  if (GZIP_TYPES.has(layer.mediaType)) {
    const src = layer.open();
    const gunzip = createGunzip();
    src.on("error", (err) => gunzip.destroy(err));
    return tarHeaders(src.pipe(gunzip));
  }
  if (TAR_TYPES.has(layer.mediaType)) return tarHeaders(layer.open());
  return undefined;
}

function applyLayer(fs: Rootfs, headers: TarHeader[]): void {
  // whiteouts hide what lower layers put there (OCI image-spec, "Whiteouts"), never this layer's own entries
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
    if (h.path.split("/").pop()!.startsWith(".wh.")) continue;
    const type =
      h.typeflag === "0" || h.typeflag === "1" || h.typeflag === "7"
        ? "file"
        : h.typeflag === "5"
          ? "dir"
          : h.typeflag === "2"
            ? "symlink"
            : "other";
    const entry: RootfsEntry = { type, mode: h.mode, ...(type === "symlink" ? { target: h.linkname } : {}) };
    if (h.typeflag === "1") {
      // a hard link has its target's mode
      const target = fs.get(clean(h.linkname));
      if (target) entry.mode = target.mode;
    }
    fs.set(h.path, entry);
  }
}

/**
 * The root filesystem of a stack of layers (lowest first), or undefined when a layer cannot be read here. Layers
 * already read (by digest) come from `cache`.
 */
export async function readRootfs(
  layers: Blob[],
  cache: Map<string, Promise<TarHeader[] | undefined>> = new Map(),
): Promise<Rootfs | undefined> {
  const fs: Rootfs = new Map();
  for (const layer of layers) {
    let p = cache.get(layer.digest);
    if (!p) {
      p = layerHeaders(layer);
      cache.set(layer.digest, p);
    }
    const headers = await p;
    if (!headers) return undefined;
    applyLayer(fs, headers);
  }
  return fs;
}

/** Follows a path through the root filesystem's symlinks (absolute ones from its root), as the kernel would. */
function lookup(fs: Rootfs, path: string, depth = 0): RootfsEntry | undefined {
  if (depth > 40) return undefined; // ELOOP
  const parts = clean(path).split("/");
  const at: string[] = [];
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
      const target = e.target!.startsWith("/") ? e.target! : [...at, e.target!].join("/");
      return lookup(fs, [target, ...parts.slice(i + 1)].join("/"), depth + 1);
    }
    if (last) return e;
    if (e && e.type !== "dir") return undefined;
    at.push(part); // a directory, listed or implied by the paths under it
  }
  return undefined;
}

const DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/** The commands of `names` that no directory of the image's PATH holds as an executable file. */
export function missingCommands(fs: Rootfs, config: ImageConfig | undefined, names: readonly string[]): string[] {
  const env = (config?.config as { Env?: string[] } | undefined)?.Env ?? [];
  const path = env.find((e) => e.startsWith("PATH="))?.slice(5) || DEFAULT_PATH;
  const dirs = path.split(":").filter((d) => d.startsWith("/"));
  return names.filter(
    (name) =>
      !dirs.some((d) => {
        const e = lookup(fs, `${d}/${name}`);
        return e?.type === "file" && (e.mode & 0o111) !== 0;
      }),
  );
}
