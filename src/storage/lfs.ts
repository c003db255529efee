import { openSync, readSync, closeSync, statSync } from "node:fs";

/**
 * git-lfs pointer files (github.com/git-lfs/git-lfs/blob/main/docs/spec.md): what a clone without git-lfs (or with
 * GIT_LFS_SKIP_SMUDGE) leaves in place of a large file. A pointer is never read as data or as an ONNX file.
 */

export interface LfsPointer {
  /** The content's sha256 (git-lfs's oid): the same digest modelgate pins. */
  sha256: string;
  size: number;
}

/** Pointer files are smaller than this (the spec's limit). */
const MAX_POINTER_BYTES = 1024;
const VERSION = /^version https:\/\/(git-lfs\.github\.com|hawser\.github\.com)\/spec\/v1\n/;

/** The pointer a text holds, or undefined when it is not one. */
export function parseLfsPointer(text: string): LfsPointer | undefined {
  if (!VERSION.test(text)) return undefined;
  const oid = /^oid sha256:([0-9a-f]{64})$/m.exec(text);
  const size = /^size (\d+)$/m.exec(text);
  if (!oid || !size) return undefined;
  return { sha256: oid[1], size: Number(size[1]) };
}

/** The pointer a file in the work tree is, or undefined when it holds real content (or cannot be read). */
export function readLfsPointer(abs: string): LfsPointer | undefined {
  let fd: number | undefined;
  try {
    const st = statSync(abs);
    if (!st.isFile() || st.size >= MAX_POINTER_BYTES) return undefined;
    fd = openSync(abs, "r");
    const buf = Buffer.alloc(st.size);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return parseLfsPointer(buf.subarray(0, n).toString("utf8"));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
