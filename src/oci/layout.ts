import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readFile, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";
import { UserError } from "../errors.ts";
import { writeFileAtomic } from "../util/fs.ts";
import { type Blob, segmentBlob } from "./blob.ts";
import { type Descriptor, hexOf, type ImageIndex, isDigest, MediaType } from "./types.ts";

/** The annotation that names a manifest in an image layout's index.json (a tag). */
export const REF_NAME = "org.opencontainers.image.ref.name";

export function blobPath(dir: string, digest: string): string {
  const [alg, hex] = digest.split(":");
  return join(dir, "blobs", alg, hex);
}

async function exists(path: string, size: number): Promise<boolean> {
  try {
    return (await stat(path)).size === size;
  } catch {
    return false;
  }
}

/** Writes one blob into a layout, streamed, checking its digest; a blob already there is kept. */
export async function writeLayoutBlob(dir: string, blob: Blob, onBytes?: (n: number) => void): Promise<void> {
  const path = blobPath(dir, blob.digest);
  if (await exists(path, blob.size)) return;
  await mkdir(join(dir, "blobs", "sha256"), { recursive: true });
  const tmp = `${path}.${randomBytes(4).toString("hex")}.tmp`;
  const hash = createHash("sha256");
  let size = 0;
  const tee = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      size += chunk.byteLength;
      onBytes?.(chunk.byteLength);
      cb(null, chunk);
    },
  });
  try {
    await pipeline(blob.open(), tee, createWriteStream(tmp)).catch((err: NodeJS.ErrnoException) => {
      // a write on the stream names no file: a full disk is said with the blob it was writing
      if (typeof err?.code === "string" && !err.path) err.path = tmp;
      throw err;
    });
    const digest = `sha256:${hash.digest("hex")}`;
    if (digest !== blob.digest || size !== blob.size) {
      throw new Error(
        `blob ${blob.digest} read back as ${digest} (${size} bytes): its source changed while it was written`,
      );
    }
    await rename(tmp, path);
  } finally {
    await rm(tmp, { force: true });
  }
}

export async function readLayoutIndex(dir: string): Promise<ImageIndex> {
  let text: string;
  try {
    text = await readFile(join(dir, "index.json"), "utf8");
  } catch {
    throw new UserError(
      `${dir} is not an OCI image layout (no index.json); write one with \`modelgate package --layout ${dir}\``,
    );
  }
  return JSON.parse(text) as ImageIndex;
}

/** Adds (or, for the same ref name, replaces) a manifest in a layout's index.json, creating the layout if needed. */
export async function addToLayoutIndex(dir: string, descriptor: Descriptor, refName?: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(join(dir, "oci-layout"), `${JSON.stringify({ imageLayoutVersion: "1.0.0" })}\n`);
  let index: ImageIndex;
  try {
    index = JSON.parse(await readFile(join(dir, "index.json"), "utf8")) as ImageIndex;
  } catch {
    index = { schemaVersion: 2, mediaType: MediaType.index, manifests: [] };
  }
  const entry: Descriptor = refName
    ? { ...descriptor, annotations: { ...(descriptor.annotations ?? {}), [REF_NAME]: refName } }
    : descriptor;
  index.manifests = index.manifests.filter((m) =>
    refName ? m.annotations?.[REF_NAME] !== refName : !(m.digest === descriptor.digest && !m.annotations?.[REF_NAME]),
  );
  index.manifests.push(entry);
  await writeFileAtomic(join(dir, "index.json"), `${JSON.stringify(index, null, 2)}\n`);
}

/** Finds a manifest in a layout by ref name or digest; with neither, the layout must hold exactly one. */
export async function resolveLayoutRef(dir: string, ref?: string): Promise<Descriptor> {
  const index = await readLayoutIndex(dir);
  const named = index.manifests.filter((m) => m.annotations?.[REF_NAME] !== undefined);
  let found: Descriptor | undefined;
  if (ref && isDigest(ref)) found = index.manifests.find((m) => m.digest === ref);
  else if (ref) found = index.manifests.find((m) => m.annotations?.[REF_NAME] === ref);
  else if (index.manifests.length === 1) found = index.manifests[0];
  else if (named.length === 1) found = named[0];
  if (!found) {
    const names = named.map((m) => m.annotations?.[REF_NAME]).join(", ") || "none";
    throw new UserError(
      `${dir}: no image ${ref ? `"${ref}"` : "(the layout holds several; name one)"}; the layout's names: ${names}`,
    );
  }
  return found;
}

/** A blob of a layout, read from its file. */
export function layoutBlob(dir: string, d: Descriptor): Blob {
  return segmentBlob(d.mediaType, [{ file: blobPath(dir, d.digest), size: d.size }], d.digest, d.size);
}

export async function readLayoutJson<T>(dir: string, digest: string): Promise<T> {
  try {
    return JSON.parse(await readFile(blobPath(dir, digest), "utf8")) as T;
  } catch (err) {
    throw new UserError(
      `${dir}: blob ${hexOf(digest).slice(0, 12)} is missing or not JSON (${(err as Error).message})`,
    );
  }
}
