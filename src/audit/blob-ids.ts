import { createHash } from "node:crypto";

/** git's own id of a blob with these bytes (`git hash-object`). */
export function gitBlobId(content: Uint8Array, format: "sha1" | "sha256"): string {
  return createHash(format).update(`blob ${content.byteLength}\0`).update(content).digest("hex");
}

/** Every prefix of the tip's text that ends a line, by its git blob id: how many lines it holds. */
export function prefixIndex(text: string | undefined, format: "sha1" | "sha256"): Map<string, number> {
  const index = new Map<string, number>();
  if (text === undefined) return index;
  const buf = Buffer.from(text, "utf8");
  let count = 0;
  index.set(gitBlobId(buf.subarray(0, 0), format), 0);
  for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) {
    count++;
    index.set(gitBlobId(buf.subarray(0, i + 1), format), count);
  }
  if (buf.length > 0 && buf[buf.length - 1] !== 10) index.set(gitBlobId(buf, format), count + 1);
  return index;
}
