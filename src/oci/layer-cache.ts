import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Segment } from "./blob.ts";
import type { LayerDigests } from "./gzip.ts";

/**
 * The digests of model layers already read, so that a push of the same layer again knows its digest before it asks the
 * registry (HEAD) and reads nothing when the registry has it: one JSON file per layer in `dir`, named by a key over the
 * layer's bytes in memory and the identity of each file in it (device, inode, size, modification and change times in
 * nanoseconds, as git's index keeps them). A file changed in any way (written, touched, replaced, or its mtime set back)
 * has another change time, so another key. As git does for "racily clean" entries, a file modified within a second
 * before it was read is not entered: a second write in the same clock tick would leave its times unchanged. An entry
 * only tells the digest to ask the registry for; what is uploaded is hashed as it is sent.
 */

interface Identity {
  dev: string;
  ino: string;
  size: string;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

/** How long before a read a file must have last changed for its digests to be entered (see above). */
const RACY_MS = 1000;

async function identity(file: string): Promise<Identity | undefined> {
  try {
    const s = await stat(file, { bigint: true });
    return { dev: String(s.dev), ino: String(s.ino), size: String(s.size), mtimeNs: s.mtimeNs, ctimeNs: s.ctimeNs };
  } catch {
    return undefined;
  }
}

const same = (a: Identity, b: Identity) =>
  a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;

export interface LayerKey {
  key: string;
  /** Each file's identity when the key was taken. */
  files: { file: string; id: Identity }[];
  /** When the key was taken (ms since 1970), before the layer is read. */
  at: number;
}

/** The key of a layer: its media type, its bytes in memory, and the identity of its files; undefined if one is gone. */
export async function layerKey(mediaType: string, segments: Segment[]): Promise<LayerKey | undefined> {
  const at = Date.now();
  const h = createHash("sha256").update(`${mediaType}\n`);
  const files: LayerKey["files"] = [];
  for (const seg of segments) {
    if (seg instanceof Uint8Array) {
      h.update(`bytes ${seg.byteLength} ${createHash("sha256").update(seg).digest("hex")}\n`);
      continue;
    }
    const id = await identity(seg.file);
    if (!id || id.size !== String(seg.size)) return undefined;
    files.push({ file: seg.file, id });
    h.update(`file ${JSON.stringify(seg.file)} ${id.dev} ${id.ino} ${id.size} ${id.mtimeNs} ${id.ctimeNs}\n`);
  }
  return { key: h.digest("hex"), files, at };
}

interface Entry {
  digest: string;
  diffId: string;
  crc: number;
  files: [string, string][];
}

/** The digests entered under `key`, if any (an unreadable entry is none). */
export async function cachedLayer(dir: string, key: LayerKey): Promise<LayerDigests | undefined> {
  try {
    const e = JSON.parse(await readFile(join(dir, `${key.key}.json`), "utf8")) as Entry;
    if (typeof e.digest !== "string" || typeof e.diffId !== "string" || typeof e.crc !== "number") return undefined;
    return { digest: e.digest, diffId: e.diffId, crc: e.crc, files: new Map(e.files) };
  } catch {
    return undefined;
  }
}

/**
 * Enters the digests of a layer just read under `key`, when every file is as it was when the key was taken and had
 * not changed within RACY_MS before; a failure to write is no failure of the push (the cache is only a shortcut).
 */
export async function enterLayer(dir: string, key: LayerKey, digests: LayerDigests): Promise<boolean> {
  const limit = BigInt(key.at - RACY_MS) * 1_000_000n;
  for (const f of key.files) {
    const now = await identity(f.file);
    if (!now || !same(now, f.id) || now.mtimeNs >= limit || now.ctimeNs >= limit) return false;
  }
  const entry: Entry = {
    digest: digests.digest,
    diffId: digests.diffId,
    crc: digests.crc,
    files: [...digests.files],
  };
  const path = join(dir, `${key.key}.json`);
  const tmp = `${path}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(tmp, `${JSON.stringify(entry)}\n`);
    await rename(tmp, path);
    return true;
  } catch {
    await rm(tmp, { force: true }).catch(() => {});
    return false;
  }
}
