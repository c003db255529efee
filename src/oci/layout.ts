import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readFile, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";
import { CheckFailed, UserError } from "../errors.ts";
import { writeFileAtomic } from "../util/fs.ts";
import { type Blob, segmentBlob } from "./blob.ts";
import { type Descriptor, hexOf, type ImageIndex, isDigest, MediaType } from "./types.ts";

/** The annotation that names a manifest in an image layout's index.json (a tag). */
export const REF_NAME = "org.opencontainers.image.ref.name";

export function blobPath(dir: string, digest: string): string {
  const [alg, hex] = digest.split(":");
  return join(dir, "blobs", alg, hex);
}

/**
 * Whether the blob at `path` is there with the bytes its name promises: the size first, then the sha256 of the file
 * (a blob of the right size whose bytes were damaged is not relied on).
 */
async function intact(path: string, blob: Pick<Blob, "digest" | "size">): Promise<boolean> {
  try {
    if ((await stat(path)).size !== blob.size) return false;
  } catch {
    return false;
  }
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return `sha256:${hash.digest("hex")}` === blob.digest;
}

/**
 * Writes one blob into a layout, streamed, checking its digest. A blob already there is kept when its bytes hash to
 * its name; a damaged one (another size, or the same size with other bytes) is written again from the source.
 *
 * A blob whose digest is not known yet (`digest` is "": the model layer, hashed as it is read) is written to a
 * temporary file and named by the digest of what was written; `beforeCommit` runs before it is named, and when it
 * throws, nothing is left in the layout.
 */
export async function writeLayoutBlob(
  dir: string,
  blob: Blob,
  onBytes?: (n: number) => void,
  beforeCommit?: () => void,
): Promise<void> {
  const streamed = !blob.digest;
  if (!streamed && (await intact(blobPath(dir, blob.digest), blob))) return;
  await mkdir(join(dir, "blobs", "sha256"), { recursive: true });
  const suffix = `${randomBytes(4).toString("hex")}.tmp`;
  const tmp = streamed ? join(dir, "blobs", "sha256", `.layer.${suffix}`) : `${blobPath(dir, blob.digest)}.${suffix}`;
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
        `blob ${blob.digest || "(the model layer)"} read back as ${digest} (${size} bytes): its source changed while it was written, or is damaged`,
      );
    }
    if (streamed) beforeCommit?.();
    await rename(tmp, blobPath(dir, digest));
  } finally {
    await rm(tmp, { force: true });
  }
}

/**
 * A layout's index.json, or undefined when the layout has none. One that cannot be read as an image index is refused
 * by name (exit 1): it lists every image of the layout, so modelgate never writes a new one over it.
 */
export async function readLayoutIndexIfAny(dir: string): Promise<ImageIndex | undefined> {
  const file = join(dir, "index.json");
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  let index: ImageIndex | undefined;
  let why = "not an image index (schemaVersion 2 and a list of manifests)";
  try {
    index = JSON.parse(text) as ImageIndex;
  } catch (err) {
    why = `not JSON (${(err as Error).message})`;
  }
  const ok =
    index?.schemaVersion === 2 &&
    Array.isArray(index.manifests) &&
    index.manifests.every(
      (m) => typeof m?.digest === "string" && isDigest(m.digest) && typeof m.mediaType === "string",
    );
  if (!ok || !index) {
    throw new CheckFailed(
      `${file} cannot be read: ${why}; it lists every image of the layout, so modelgate does not write a new one over it. Restore it (from a backup, or rebuild the layout), or write to another layout`,
    );
  }
  return index;
}

export async function readLayoutIndex(dir: string): Promise<ImageIndex> {
  const index = await readLayoutIndexIfAny(dir);
  if (!index) {
    throw new UserError(
      `${dir} is not an OCI image layout (no index.json); write one with \`modelgate package --layout ${dir}\``,
    );
  }
  return index;
}

/**
 * Adds (or, for the same ref name, replaces) a manifest in a layout's index.json, creating the layout if needed. An
 * index.json that cannot be read is refused, never replaced (readLayoutIndexIfAny).
 */
export async function addToLayoutIndex(dir: string, descriptor: Descriptor, refName?: string): Promise<void> {
  const index: ImageIndex = (await readLayoutIndexIfAny(dir)) ?? {
    schemaVersion: 2,
    mediaType: MediaType.index,
    manifests: [],
  };
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(join(dir, "oci-layout"), `${JSON.stringify({ imageLayoutVersion: "1.0.0" })}\n`);
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
  let bytes: Buffer;
  try {
    bytes = await readFile(blobPath(dir, digest));
  } catch (err) {
    throw new UserError(
      `${dir}: blob ${hexOf(digest).slice(0, 12)} is missing or not JSON (${(err as Error).message})`,
    );
  }
  // a manifest is relied on only when its bytes are the ones its name promises
  const got = `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
  if (got !== digest) {
    throw new CheckFailed(
      `${blobPath(dir, digest)} is damaged: its bytes hash to ${got}, not to the digest it is named by; rebuild the layout`,
    );
  }
  try {
    return JSON.parse(bytes.toString("utf8")) as T;
  } catch (err) {
    throw new UserError(
      `${dir}: blob ${hexOf(digest).slice(0, 12)} is missing or not JSON (${(err as Error).message})`,
    );
  }
}
