import { existsSync } from "node:fs";
import { dirname, join, posix, resolve } from "node:path";
import { UserError } from "../errors.ts";
import { isObjectUrl, objectUrlProblem } from "../storage/location.ts";

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

/** Distinct values a profile counts exactly; beyond it, the count stops at one more (choosing a drift test needs "more than 5"). */
export const PROFILE_DISTINCT_CAP = 100;

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

/** The schema's relative paths (spec.training.workdir, output): not absolute, on POSIX or Windows. */
export function isRelativePath(p: string): boolean {
  return !p.startsWith("/") && !/^[A-Za-z]:[\\/]/.test(p);
}

/**
 * What is wrong with a manifest's location of a data file or an artifact (the schema's `location`), or undefined: a
 * path relative to the manifest's folder, or a store URL modelgate reads.
 */
export function locationProblem(p: string): string | undefined {
  if (isObjectUrl(p)) return objectUrlProblem(p);
  if (!isRelativePath(p))
    return "must be a relative path (relative to this manifest's folder) or a store URL (s3://, gs://, https://)";
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(p))
    return `the scheme of "${p}" is not one modelgate reads; use s3://, gs:// or https://`;
  return undefined;
}

/** Whether a location is one the schema accepts (for the generated checks: ./schema-check.ts). */
export const isLocation = (p: string): boolean => locationProblem(p) === undefined;

/** modelgate.yaml spec.deploy names the repository Argo CD reads when its objects are Argo CD's (the schema's rule). */
export const isCompleteDeploy = (d: { gitops?: string; argocd: { repoURL?: string } }): boolean =>
  d.gitops !== "argocd" || Boolean(d.argocd.repoURL);
