import type { Git } from "../git/index.ts";
import type { Finding } from "./findings.ts";
import type { Kind, manifestSchemas } from "./schema.ts";
import { parseManifest } from "./yaml.ts";
import type { z } from "zod";

/** A manifest as a past commit holds it: absent, invalid (findings), or its validated value. */
export interface ManifestAtCommit<K extends Kind> {
  /** The path asked for, relative to the top of the work tree. */
  file: string;
  /** False when the commit has no file at that path. */
  found: boolean;
  /** The validated value with defaults applied; undefined when absent or invalid. */
  value?: z.infer<(typeof manifestSchemas)[K]>;
  /** Why the manifest is invalid (YAML syntax, kind, schema), each naming `<commit>:<file>` and its line. */
  findings: Finding[];
}

/**
 * The one reader of manifests at a commit: every file in one `git cat-file --batch`, each parsed and validated with
 * the same rules as the work tree's (parseManifest), so that publish, evaluate's baseline and the audit agree on what
 * a past manifest says. `files` are paths from the top of the work tree.
 */
export async function readManifestsAt<K extends Kind>(
  git: Git,
  commit: string,
  files: string[],
  kind: K,
): Promise<ManifestAtCommit<K>[]> {
  const objects = await git.catFileBatch(files.map((f) => `${commit}:${f}`));
  return files.map((file, i) => {
    const o = objects[i];
    return manifestAt(commit, file, o?.type === "blob" ? o.content : undefined, kind);
  });
}

/**
 * A manifest from the bytes `<commit>:<file>` holds, already read (by a caller that reads many commits' objects in
 * one `git cat-file --batch`, as audit does): the same rules as readManifestsAt.
 */
export function manifestAt<K extends Kind>(
  commit: string,
  file: string,
  bytes: Buffer | undefined,
  kind: K,
): ManifestAtCommit<K> {
  if (bytes === undefined) return { file, found: false, findings: [] };
  const parsed = parseManifest(`${commit}:${file}`, bytes.toString("utf8"), kind);
  const value = parsed.manifest?.value as z.infer<(typeof manifestSchemas)[K]> | undefined;
  return { file, found: true, ...(value ? { value } : {}), findings: parsed.findings };
}

/** One manifest at a commit (see readManifestsAt). */
export async function readManifestAt<K extends Kind>(
  git: Git,
  commit: string,
  file: string,
  kind: K,
): Promise<ManifestAtCommit<K>> {
  const [one] = await readManifestsAt(git, commit, [file], kind);
  return one;
}
