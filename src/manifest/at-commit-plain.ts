import type { z } from "zod";
import type { Git } from "../git/index.ts";
import type { Finding } from "./findings.ts";
import { type ParseResult, plainManifest } from "./plain.ts";
import type { Kind, manifestSchemas } from "./schema.ts";

/**
 * The readers of manifests at a past commit (re-exported by ./at-commit.ts, the one reader of them), loading yaml and
 * zod only for a manifest that needs them (./plain.ts): a command that reads no other manifest with them (validate's
 * version check) does not load them for the base branch's.
 */

/** A manifest as a past commit holds it: absent, invalid (findings), or its validated value. */
export interface ManifestAtCommit<K extends Kind> {
  /** The path asked for, relative to the top of the work tree (or, starting with `./`, to git's folder). */
  file: string;
  /** False when the commit has no file at that path. */
  found: boolean;
  /** The validated value with defaults applied; undefined when absent or invalid. */
  value?: z.infer<(typeof manifestSchemas)[K]>;
  /** Why the manifest is invalid (YAML syntax, kind, schema), each naming `<commit>:<file>` and its line. */
  findings: Finding[];
}

type Parse = (file: string, text: string, expect?: Kind) => ParseResult | undefined;

/** A manifest from the bytes `<commit>:<file>` holds, parsed by `parse` (undefined when `parse` cannot tell). */
export function manifestWith<K extends Kind>(
  parse: Parse,
  commit: string,
  file: string,
  bytes: Buffer | undefined,
  kind: K,
): ManifestAtCommit<K> | undefined {
  if (bytes === undefined) return { file, found: false, findings: [] };
  const parsed = parse(`${commit}:${file}`, bytes.toString("utf8"), kind);
  if (!parsed) return undefined;
  const value = parsed.manifest?.value as z.infer<(typeof manifestSchemas)[K]> | undefined;
  return { file, found: true, ...(value ? { value } : {}), findings: parsed.findings };
}

/**
 * The one reader of manifests at a commit: every file in one `git cat-file --batch`, each parsed and validated with
 * the same rules as the work tree's (parseManifest), so that publish, evaluate's baseline and the audit agree on what
 * a past manifest says. `files` are paths from the top of the work tree, or from git's folder when they start with
 * `./` (git reads `<commit>:./<path>` so).
 */
export async function readManifestsAt<K extends Kind>(
  git: Git,
  commit: string,
  files: string[],
  kind: K,
): Promise<ManifestAtCommit<K>[]> {
  const objects = await git.catFileBatch(files.map((f) => `${commit}:${f}`));
  const bytes = (i: number) => (objects[i]?.type === "blob" ? objects[i].content : undefined);
  const read = files.map((file, i) => manifestWith(plainManifest, commit, file, bytes(i), kind));
  if (read.every((m) => m !== undefined)) return read as ManifestAtCommit<K>[];
  const { parseManifest } = await import("./yaml.ts");
  return files.map(
    (file, i) => read[i] ?? (manifestWith(parseManifest, commit, file, bytes(i), kind) as ManifestAtCommit<K>),
  );
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
