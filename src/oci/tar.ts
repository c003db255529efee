import type { Segment } from "./blob.ts";

/**
 * A deterministic tar writer (POSIX ustar, with pax extended headers for long names, big sizes and non-ASCII):
 * entries sorted by path, uid/gid 0 with empty user and group names, one fixed mtime, modes 0644/0755 unless given.
 * Values in, values out: the result is the list of segments (header bytes and files) whose concatenation is the tar.
 */
export type TarEntry =
  | { type: "dir"; path: string; mode?: number }
  | { type: "file"; path: string; mode?: number; content: Uint8Array }
  | { type: "file"; path: string; mode?: number; file: string; size: number }
  | { type: "symlink"; path: string; target: string };

const BLOCK = 512;
const USTAR_MAX_SIZE = 0o77777777777; // 11 octal digits
/** The latest mtime a ustar header holds (11 octal digits): 8589934591 s, in the year 2242. */
export const TAR_MAX_MTIME = 0o77777777777;

function normalize(path: string): string {
  const parts = path.split("/").filter((p) => p !== "" && p !== ".");
  if (parts.length === 0 || parts.includes("..")) throw new Error(`tar: bad entry path "${path}"`);
  return parts.join("/");
}

function octal(value: number, width: number): string {
  // width includes the terminating NUL; a value that does not fit would be cut to its first digits, silently
  const digits = value.toString(8);
  if (!Number.isSafeInteger(value) || value < 0 || digits.length > width - 1) {
    throw new RangeError(`tar: ${value} does not fit a ${width - 1}-digit octal header field`);
  }
  return digits.padStart(width - 1, "0");
}

function writeString(buf: Buffer, offset: number, width: number, s: string): void {
  buf.write(s, offset, Math.min(Buffer.byteLength(s), width), "utf8");
}

function paxRecord(key: string, value: string): string {
  // "%d %s=%s\n", where the length counts itself
  const body = ` ${key}=${value}\n`;
  let len = Buffer.byteLength(body) + 1;
  while (String(len).length + Buffer.byteLength(body) !== len) len = String(len).length + Buffer.byteLength(body);
  return `${len}${body}`;
}

function isPortable(s: string): boolean {
  return /^[\x20-\x7e]*$/.test(s);
}

interface Header {
  name: string;
  mode: number;
  size: number;
  mtime: number;
  typeflag: string;
  linkname?: string;
}

function header(h: Header): Buffer {
  const buf = Buffer.alloc(BLOCK, 0);
  writeString(buf, 0, 100, h.name);
  writeString(buf, 100, 8, octal(h.mode, 8));
  writeString(buf, 108, 8, octal(0, 8));
  writeString(buf, 116, 8, octal(0, 8));
  writeString(buf, 124, 12, octal(h.size, 12));
  writeString(buf, 136, 12, octal(h.mtime, 12));
  buf.fill(0x20, 148, 156); // checksum computed with spaces
  writeString(buf, 156, 1, h.typeflag);
  if (h.linkname) writeString(buf, 157, 100, h.linkname);
  writeString(buf, 257, 6, "ustar\0");
  writeString(buf, 263, 2, "00");
  // uname, gname: empty; devmajor, devminor:
  writeString(buf, 329, 8, octal(0, 8));
  writeString(buf, 337, 8, octal(0, 8));
  let sum = 0;
  for (const b of buf) sum += b;
  writeString(buf, 148, 8, `${sum.toString(8).padStart(6, "0")}\0 `);
  return buf;
}

function padding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}

/** Headers for one entry: a pax header first when the name, link target or size does not fit ustar. */
function entryHeaders(name: string, h: Omit<Header, "name">): Buffer[] {
  const records: string[] = [];
  const linkname = h.linkname ?? "";
  if (Buffer.byteLength(name) > 100 || !isPortable(name)) records.push(paxRecord("path", name));
  if (Buffer.byteLength(linkname) > 100 || !isPortable(linkname)) records.push(paxRecord("linkpath", linkname));
  if (h.size > USTAR_MAX_SIZE) records.push(paxRecord("size", String(h.size)));
  const out: Buffer[] = [];
  if (records.length > 0) {
    const body = Buffer.from(records.join(""), "utf8");
    const base = name.replace(/\/$/, "").split("/").pop()!;
    const paxName = `PaxHeaders/${isPortable(base) ? base : "entry"}`.slice(0, 99);
    out.push(header({ name: paxName, mode: 0o644, size: body.byteLength, mtime: h.mtime, typeflag: "x" }));
    out.push(body, Buffer.alloc(padding(body.byteLength)));
  }
  const shortName = Buffer.byteLength(name) > 100 || !isPortable(name) ? truncateAscii(name, 100) : name;
  const shortLink =
    Buffer.byteLength(linkname) > 100 || !isPortable(linkname) ? truncateAscii(linkname, 100) : linkname;
  out.push(
    header({
      ...h,
      name: shortName,
      linkname: shortLink || undefined,
      size: h.size > USTAR_MAX_SIZE ? 0 : h.size,
    }),
  );
  return out;
}

function truncateAscii(s: string, max: number): string {
  return s.replace(/[^\x20-\x7e]/g, "_").slice(0, max);
}

/** Compares paths by their UTF-8 bytes, so the order does not depend on the locale. */
function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/**
 * The tar of `entries` as segments. Parent directories are added when missing, so that unpacking gives them
 * mode 0755 rather than whatever the unpacker picks.
 */
export function tarSegments(entries: TarEntry[], mtime: number): Segment[] {
  const byPath = new Map<string, TarEntry>();
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
  const segments: Segment[] = [];
  let pending: Buffer[] = [];
  const flush = () => {
    if (pending.length > 0) segments.push(Buffer.concat(pending));
    pending = [];
  };
  for (const e of sorted) {
    if (e.type === "dir") {
      pending.push(...entryHeaders(`${e.path}/`, { mode: e.mode ?? 0o755, size: 0, mtime, typeflag: "5" }));
    } else if (e.type === "symlink") {
      pending.push(...entryHeaders(e.path, { mode: 0o777, size: 0, mtime, typeflag: "2", linkname: e.target }));
    } else {
      const size = "content" in e ? e.content.byteLength : e.size;
      pending.push(...entryHeaders(e.path, { mode: e.mode ?? 0o644, size, mtime, typeflag: "0" }));
      if ("content" in e) {
        pending.push(Buffer.from(e.content));
      } else {
        flush();
        segments.push({ file: e.file, size: e.size });
      }
      pending.push(Buffer.alloc(padding(size)));
    }
  }
  pending.push(Buffer.alloc(2 * BLOCK)); // end of archive
  flush();
  return segments;
}
