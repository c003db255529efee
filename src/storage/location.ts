/**
 * Where a manifest's `path` points (pure; imports nothing): a file in the work tree as before, an object in a store
 * (`s3://bucket/key`, `gs://bucket/key`, `https://host/path`), or a DVC-tracked file (`data.csv.dvc`, the one output
 * of a .dvc file, or `dvc.lock#path/of/out`, an output of a pipeline). The bytes are always pinned by the manifest's
 * sha256; credentials come from the store's own chain, never from the path.
 */

export type Scheme = "s3" | "gs" | "https" | "http";

export type Location =
  /** A file in the work tree, relative to the manifest's folder (a git-lfs pointer there is recognised when read). */
  | { kind: "file"; path: string }
  /** An object in a store, read through the store's official client. */
  | { kind: "object"; url: string; scheme: Scheme; bucket?: string; key?: string }
  /** A DVC output: the .dvc file or dvc.lock (relative to the manifest's folder) and, for dvc.lock, the output's path. */
  | { kind: "dvc"; file: string; out?: string };

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** True when `p` is a URL of a store (s3://, gs://, https://, http://) rather than a path. */
export function isObjectUrl(p: string): boolean {
  return /^(s3|gs|https?):\/\//i.test(p);
}

/**
 * Why a store URL written in a manifest cannot be used, or undefined when it can: s3:// and gs:// need a bucket and
 * a key, http(s):// a host; plain http is accepted only for a loopback host (a mirror on this machine, tests), since
 * the bytes of anything else would cross the network unencrypted.
 */
export function objectUrlProblem(p: string): string | undefined {
  const m = /^(s3|gs):\/\/([^/]+)\/(.+)$/i.exec(p);
  if (/^(s3|gs):/i.test(p)) {
    if (!m) return `"${p}" needs a bucket and a key: ${p.slice(0, 2).toLowerCase()}://BUCKET/KEY`;
    if (m[3].endsWith("/")) return `"${p}" names a folder; name one object (a file), not a prefix`;
    return undefined;
  }
  let u: URL;
  try {
    u = new URL(p);
  } catch {
    return `"${p}" is not a valid URL`;
  }
  if (u.username || u.password)
    return `"${p}" holds credentials; never write them in a manifest (use the store's own credential chain)`;
  if (u.protocol === "http:" && !LOOPBACK.test(u.hostname))
    return `"${p}" is plain http to another machine; use https (plain http is accepted only for a loopback address)`;
  return undefined;
}

/** The location a manifest's path names. */
export function parseLocation(p: string): Location {
  if (isObjectUrl(p)) {
    const scheme = p.slice(0, p.indexOf(":")).toLowerCase() as Scheme;
    if (scheme === "s3" || scheme === "gs") {
      const rest = p.slice(5);
      const slash = rest.indexOf("/");
      return { kind: "object", url: p, scheme, bucket: rest.slice(0, slash), key: rest.slice(slash + 1) };
    }
    return { kind: "object", url: p, scheme };
  }
  const hash = p.indexOf("#");
  if (hash > 0 && /(^|\/)dvc\.lock$/.test(p.slice(0, hash)))
    return { kind: "dvc", file: p.slice(0, hash), out: p.slice(hash + 1) };
  if (/\.dvc$/.test(p)) return { kind: "dvc", file: p };
  return { kind: "file", path: p };
}

/**
 * The name that says what a location holds, for telling a format from its extension: the object's key, the DVC
 * output's path (`data.csv.dvc` → `data.csv`), or the file itself.
 */
export function contentName(p: string): string {
  const loc = parseLocation(p);
  if (loc.kind === "object") return (loc.key ?? new URL(loc.url).pathname).replace(/[?#].*$/, "");
  if (loc.kind === "dvc") return loc.out ?? loc.file.replace(/\.dvc$/, "");
  return loc.path;
}
