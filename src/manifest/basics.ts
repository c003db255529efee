import { existsSync } from "node:fs";
import { dirname, join, posix, resolve } from "node:path";
import { UserError } from "../errors.ts";

/**
 * What the manifests' definitions (./schema.ts) share with readers that load no schema and no zod (audit's fast path
 * reads modelgate.yaml and the records with checks of their own): defined here once, re-exported by ./schema.ts.
 */

/** The repository's configuration file, at its root. */
export const CONFIG_FILE = "modelgate.yaml";

/** The repository root: the nearest folder, from `start` up, holding modelgate.yaml (like git finds .git). */
export function findRoot(start: string): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, CONFIG_FILE))) return dir;
    const up = dirname(dir);
    if (up === dir) {
      throw new UserError(
        `no model repository found: no ${CONFIG_FILE} in ${resolve(start)} or any folder above it; run inside a model repository (see examples/fraud-detection) or create ${CONFIG_FILE}`,
      );
    }
    dir = up;
  }
}

/** The apiVersion of every manifest and record modelgate writes. */
export const API_VERSION = "modelgate.dev/v1alpha1";

/**
 * A folder of modelgate.yaml's spec.paths as git names it: relative to the top of the repository, without "./",
 * "..", doubled or trailing slashes (`./deploy/`, `deploy/../deploy` and `deploy` are one folder). Every reader of a
 * configured path sees this form, so that no spelling of a folder hides it from one of them (audit compares paths
 * git prints).
 */
export function repoPath(p: string): string {
  const n = posix.normalize(p.trim());
  return n.length > 1 ? n.replace(/\/+$/, "") : n;
}
