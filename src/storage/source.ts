import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { basename, join, relative, sep } from "node:path";
import { serveData } from "../data/read-source.ts";
import { sha256File } from "../data/hash.ts";
import { CheckFailed, UserError } from "../errors.ts";
import type { Git } from "../git/index.ts";
import { lfsPull, lfsVersion } from "../git/lfs.ts";
import type { Io } from "../util/io.ts";
import { BlockFile, type BlockPin, blockPinProblem } from "./blocks.ts";
import { cachedEntry, cacheDir, Dos2UnixMd5, type Expected, verifiedEntry } from "./cache.ts";
import { dvcCacheDir, type DvcOutput, objectPath, readDvcOutput, remoteOf } from "./dvc.ts";
import { download, downloadStreaming } from "./fetch.ts";
import { readLfsPointer } from "./lfs.ts";
import { type Location, parseLocation } from "./location.ts";
import type { Pin, Source } from "./resolve.ts";
import { GcsObject } from "./gcs.ts";
import { forcePathStyle, S3Object } from "./s3.ts";
import { FileObject, HttpObject, type StoredObject } from "./store.ts";

export { isRemote, type Pin, resolveSource, type Source } from "./resolve.ts";

/**
 * The bytes a manifest's path names, as a file on this machine that the one data reader and the model loader read:
 * a work-tree file as before (a git-lfs pointer there is fetched with `git lfs`, or refused with the command to
 * run); an object in a store, or a DVC output, brought into the content-addressed cache (cache.ts) and held to the
 * manifest's sha256 and size (and DVC's md5). Every command that reads data or a model goes through `localFile`.
 */

/** What the storage layer needs of the run: the environment (credentials and endpoints live there), settings, io. */
export interface StorageContext {
  env: NodeJS.ProcessEnv;
  /** modelgate.yaml spec.storage.s3.forcePathStyle. */
  s3ForcePathStyle?: boolean;
  /** Where download progress and resumption notes go (io.err). */
  io?: Io;
  /** git at the repository root: fetches git-lfs content. */
  git?: Git;
}

/** The storage context of an opened workspace: its environment, modelgate.yaml's settings, io, and git (lazily). */
export function storageContext(ws: {
  env: NodeJS.ProcessEnv;
  io: Io;
  readonly git: Git;
  readonly repo: { config: { spec: { storage?: { s3?: { forcePathStyle?: boolean } } } } };
}): StorageContext {
  return {
    env: ws.env,
    io: ws.io,
    s3ForcePathStyle: ws.repo.config.spec.storage?.s3?.forcePathStyle,
    get git() {
      return ws.git;
    },
  };
}

/** How the bytes were found: in the work tree, in the cache, downloaded, fetched by git lfs, or where DVC keeps them. */
export type Via = "work tree" | "git lfs" | "cache" | "download" | "dvc work tree" | "dvc cache";

export interface LocalFile {
  /** An absolute path to read. */
  file: string;
  via: Via;
  /** Known when the bytes were hashed on the way (remote and DVC sources); a work-tree file is hashed by its reader. */
  sha256?: string;
  /**
   * With `stream`: the object is still arriving in `file` (a temp file of the cache the data readers may parse as it
   * grows); `arrival` settles with its sha256 once it all arrived and matched the pin, or with the refusal.
   */
  arriving?: { arrival: Promise<string>; abort: () => void };
}

/**
 * The bytes of a source as a local file. A remote source must be pinned (`pin.sha256`) unless `unpinned` (lock,
 * which is where the pin comes from). A work-tree file that does not exist is the caller's to report.
 */
export async function localFile(
  ctx: StorageContext,
  src: Source,
  pin: Pin,
  opts: {
    unpinned?: boolean;
    /** Parse the object as it arrives; "footer-first" for a reader that reads the end first (Parquet). */
    stream?: Streaming;
    /**
     * The reader reads a part of the file only (a shard's): with the manifest's `spec.blocks`, a remote object is
     * read block by block, only the blocks the part touches, each checked against its digest (`blocksFile`).
     */
    part?: { blocks?: { size: number; sha256?: string[] } };
  } = {},
): Promise<LocalFile> {
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
      `${src.path} is not pinned: a remote file needs the sha256 of its bytes in the manifest; run \`modelgate lock\``,
    );
  if (src.location.kind === "dvc") return dvcFile(ctx, src, src.location, pin, opts.stream);
  if (opts.part && pin.sha256 && !cachedEntry(cacheDir(ctx.env), pin.sha256, pin.size)) {
    const blocks = opts.part.blocks;
    if (blocks?.sha256 && pin.size !== undefined) {
      const pinned = { size: blocks.size, sha256: blocks.sha256 };
      return blocksFile(ctx, objectFor(ctx, src.location.url), src.path, pin.sha256, pin.size, pinned);
    }
    ctx.io?.err(
      `${src.path}: the manifest has no spec.blocks digests${blocks?.sha256 ? " (nor spec.sizeBytes)" : ""}, so this shard downloads the whole object to check its sha256; \`modelgate lock\` with spec.blocks (e.g. blocks: {size: 67108864}) lets each shard fetch only its blocks\n`,
    );
  }
  return fetched(objectFor(ctx, src.location.url), pin, ctx, undefined, opts.stream);
}

/**
 * A shard's view of a pinned remote object: a placeholder file (empty, in the cache's tmp folder) that the data
 * readers open, served block by block (storage/blocks.ts): each read fetches the blocks it touches with a range
 * request, or takes them from the cache, and hands over their bytes only once their sha256 is the one spec.blocks
 * pins. `arriving.arrival` gives the pinned sha256 of the whole file: the bytes parsed are verified blocks of it.
 * `arriving.abort` (called when the pass ends) reports which blocks were read.
 */
function blocksFile(
  ctx: StorageContext,
  obj: StoredObject,
  label: string,
  sha256: string,
  size: number,
  blocks: BlockPin,
): LocalFile {
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
    ctx.io?.err(`${reader.summary()}\n`);
  };
  placeholders.add(file);
  return { file, via: "download", sha256, arriving: { arrival: Promise.resolve(sha256), abort: end } };
}

/** Placeholder files of block-read objects not yet ended, removed at exit. */
const placeholders = new Set<string>();
process.once("exit", () => {
  for (const f of placeholders) rmSync(f, { force: true });
});

/** How a stored object is read as it arrives: front to back, or its last bytes first (a Parquet footer). */
export type Streaming = boolean | "footer-first";

/** A stored object through the cache: whole, or (`stream`) as it arrives. */
async function fetched(
  obj: StoredObject,
  expected: Expected,
  ctx: StorageContext,
  label: string | undefined,
  stream: Streaming | undefined,
): Promise<LocalFile> {
  if (!stream) {
    const got = await download(obj, expected, ctx.env, ctx.io, label);
    return { file: got.file, via: got.downloaded ? "download" : "cache", sha256: got.sha256 };
  }
  const got = await downloadStreaming(obj, expected, ctx.env, ctx.io, label, stream === "footer-first");
  if ("sha256" in got) return { file: got.file, via: "cache", sha256: got.sha256 };
  const arrival = got.done.then((d) => d.sha256);
  arrival.catch(() => undefined); // its reader awaits it; a reader that never came (a model that failed) does not
  return { file: got.file, via: "download", arriving: { arrival, abort: got.abort } };
}

/**
 * A work-tree file that is a git-lfs pointer is fetched with `git lfs pull` (true when it was), or refused with the
 * command to run when git-lfs is not installed: a pointer is never read as data or as an ONNX file.
 */
async function workTreeContent(ctx: StorageContext, src: { path: string; abs: string }): Promise<boolean> {
  const pointer = readLfsPointer(src.abs);
  if (!pointer) return false;
  const rel = ctx.git ? relative(ctx.git.dir, src.abs).split(sep).join("/") : src.path;
  const command = `git lfs install && git lfs pull --include="${rel}"`;
  const what = `${src.path} is a git-lfs pointer (oid sha256:${pointer.sha256}, ${pointer.size.toLocaleString("en-US")} bytes), not the file itself`;
  if (!ctx.git || !(await lfsVersion(ctx.git)))
    throw new UserError(`${what}, and git-lfs is not installed here; install it and fetch the file: ${command}`);
  ctx.io?.err(`${src.path}: a git-lfs pointer; fetching it with git lfs pull\n`);
  try {
    await lfsPull(ctx.git, [rel]);
  } catch (err) {
    throw new UserError(
      `${what}; \`git lfs pull\` failed (${(err as Error).message.trim()}); fetch it with: ${command}`,
    );
  }
  if (readLfsPointer(src.abs))
    throw new UserError(
      `${what}; git lfs pull did not replace it (is the object on the LFS server?); fetch it with: ${command}`,
    );
  return true;
}

/** The store object a URL names, read through that store's client. */
export function objectFor(ctx: StorageContext, url: string, endpoint?: string): StoredObject {
  const loc = parseLocation(url);
  if (loc.kind !== "object") return new FileObject(url);
  if (loc.scheme === "s3") {
    return new S3Object(url, loc.bucket!, loc.key!, {
      forcePathStyle: forcePathStyle(ctx.env, ctx.s3ForcePathStyle),
      endpoint,
      env: ctx.env,
    });
  }
  if (loc.scheme === "gs") return new GcsObject(url, loc.bucket!, loc.key!, ctx.env);
  return new HttpObject(url);
}

/** md5 and sha256 of a local file in one read (and DVC 2's CRLF-as-LF md5). */
async function hashFile(abs: string): Promise<{ sha256: string; md5: string; md5Lf: string; size: number }> {
  const sha = createHash("sha256");
  const md5 = createHash("md5");
  const lf = new Dos2UnixMd5();
  let size = 0;
  const fh = await open(abs, "r");
  try {
    const buf = Buffer.allocUnsafe(4 << 20);
    for (;;) {
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

function md5Matches(out: DvcOutput, h: { md5: string; md5Lf: string }): boolean {
  return h.md5 === out.md5 || (!out.dvc3 && h.md5Lf === out.md5);
}

/** A DVC output: the work tree after `dvc pull`, DVC's cache, modelgate's cache, then the DVC remote. */
async function dvcFile(
  ctx: StorageContext,
  src: Extract<Source, { kind: "remote" }>,
  loc: Extract<Location, { kind: "dvc" }>,
  pin: Pin,
  stream?: Streaming,
): Promise<LocalFile> {
  const out = readDvcOutput(src.dir, loc.file, loc.out, src.path);
  const expected: Expected = { sha256: pin.sha256, size: out.size ?? pin.size, md5: out.md5, md5Dos2Unix: !out.dvc3 };
  const refuseSha = (sha256: string, where: string) => {
    if (pin.sha256 && sha256 !== pin.sha256)
      throw new CheckFailed(
        `${src.path}: ${where} has sha256 ${sha256}, not the ${pin.sha256} the manifest pins; if the new data is intended, run \`modelgate lock\``,
      );
  };
  if (existsSync(out.workTree) && !readLfsPointer(out.workTree)) {
    const h = await hashFile(out.workTree);
    if (!md5Matches(out, h))
      throw new UserError(
        `${src.path}: ${relative(src.root, out.workTree)} in the work tree has md5 ${h.md5}, not the ${out.md5} that ${loc.file} records; run \`dvc checkout\` to restore it, or \`dvc add\`/\`dvc commit\` if the change is intended`,
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
  // the cache answers before the remote's configuration is even read
  const hit = pin.sha256 ? await verifiedEntry(cacheDir(ctx.env), pin.sha256, expected.size) : undefined;
  if (hit) return { file: hit, via: "cache", sha256: pin.sha256 };
  const remote = remoteOf(out, src.path);
  const url = `${remote.url}/${objectPath(out)}`;
  return fetched(objectFor(ctx, url, remote.endpoint), expected, ctx, `${src.path} (${url})`, stream);
}

/**
 * What `validate` can say of a remote source without reading it: its sha256 from a checksum the store computed over
 * the whole object (S3's ChecksumSHA256), or from the cache; undefined when only a download can tell.
 */
export async function remoteDigest(
  ctx: StorageContext,
  src: Extract<Source, { kind: "remote" }>,
  pin: Pin,
): Promise<{ sha256?: string; size?: number; how: "checksum" | "cache" } | undefined> {
  const dir = cacheDir(ctx.env);
  if (pin.sha256 && cachedEntry(dir, pin.sha256, pin.size)) {
    if (await verifiedEntry(dir, pin.sha256, pin.size)) return { sha256: pin.sha256, size: pin.size, how: "cache" };
  }
  if (src.location.kind !== "object" || src.location.scheme !== "s3") return undefined;
  const head = await objectFor(ctx, src.location.url).head();
  if (pin.size !== undefined && head.size !== undefined && head.size !== pin.size)
    return { size: head.size, how: "checksum" };
  return head.sha256 ? { sha256: head.sha256, size: head.size, how: "checksum" } : undefined;
}

/**
 * For `lock`, which writes the pins: the source's current bytes. A work-tree file as `localFile` gives it; a remote
 * one is read again unless the store shows it unchanged — the pinned bytes are in the cache (or DVC's md5 still
 * holds them) and the store reports the pinned size (and, for S3, the pinned checksum when it has one; for Cloud
 * Storage, the md5 of the cached bytes). An object
 * replaced by one of the same size in a store without checksums keeps its pin: remove spec.sha256 to pin it afresh.
 */
export async function currentFile(ctx: StorageContext, src: Source, pin: Pin): Promise<LocalFile> {
  if (src.kind === "file" || !pin.sha256) return localFile(ctx, src, {}, { unpinned: true });
  if (src.location.kind === "object") {
    const head = await objectFor(ctx, src.location.url).head();
    const cached = head.md5 !== undefined ? await cachedMd5(ctx.env, pin) : undefined;
    const changed =
      (pin.size !== undefined && head.size !== undefined && head.size !== pin.size) ||
      (head.sha256 !== undefined && head.sha256 !== pin.sha256) ||
      (cached !== undefined && cached !== head.md5);
    if (changed) return localFile(ctx, src, {}, { unpinned: true });
  }
  try {
    return await localFile(ctx, src, { sha256: pin.sha256 }, {});
  } catch (err) {
    if (err instanceof CheckFailed) return localFile(ctx, src, {}, { unpinned: true });
    throw err;
  }
}

/**
 * The md5 of the pinned bytes when the cache holds them, for a store that keeps only an md5 (Cloud Storage): the same
 * bytes have the same md5, so a different one says the object was replaced, though an equal one proves nothing of
 * the sha256 (the bytes are still hashed when read). Undefined without a cached copy (the download then decides).
 */
async function cachedMd5(env: NodeJS.ProcessEnv, pin: Pin): Promise<string | undefined> {
  const file = cachedCopy(env, pin);
  return file ? (await hashFile(file)).md5 : undefined;
}

/**
 * The sha256 of the bytes a work-tree file stands for: its own, or, for a git-lfs pointer, the oid it names (the
 * sha256 of the content git-lfs keeps), so that a consumer checking a record against the files in front of it needs
 * no download.
 */
export async function workTreeDigest(abs: string): Promise<string> {
  return readLfsPointer(abs)?.sha256 ?? (await sha256File(abs));
}

/** The cache's copy of a pinned remote file, when it holds one (not re-hashed: for reading facts, not for verdicts). */
export function cachedCopy(env: NodeJS.ProcessEnv, pin: Pin): string | undefined {
  return pin.sha256 ? cachedEntry(cacheDir(env), pin.sha256, pin.size) : undefined;
}
