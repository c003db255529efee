import { posix } from "node:path";

/**
 * What the manifests' definitions (./schema.ts) share with readers that load no schema and no zod (audit's fast path
 * reads modelgate.yaml and the records with checks of their own): defined here once, re-exported by ./schema.ts.
 */

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
