import { resolveInside } from "../manifest/loaded.ts";
import { type Location, parseLocation } from "./location.ts";

// What a manifest's path names, before anything is read: small on purpose, so that a command that checks work-tree
// files (validate) resolves them without loading the stores' clients (source.ts, which re-exports these).

/** What the manifest pins: the sha256 and, when it records one, the size. */
export interface Pin {
  sha256?: string;
  size?: number;
}

/** A manifest's path, resolved (nothing read yet). */
export type Source =
  | { kind: "file"; path: string; abs: string; error?: string }
  | { kind: "remote"; path: string; location: Exclude<Location, { kind: "file" }>; dir: string; root: string };

/** Resolves a path written in a manifest (relative to `dir`, its folder) within the repository at `root`. */
export function resolveSource(root: string, dir: string, path: string): Source {
  const location = parseLocation(path);
  if (location.kind === "file") return { kind: "file", path, ...resolveInside(root, dir, path) };
  if (location.kind === "dvc") {
    const r = resolveInside(root, dir, location.file);
    if (r.error) return { kind: "file", path, abs: r.abs, error: r.error };
  }
  return { kind: "remote", path, location, dir, root };
}

export function isRemote(path: string): boolean {
  return parseLocation(path).kind !== "file";
}
