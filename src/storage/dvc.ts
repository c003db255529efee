import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, posix, relative, resolve, sep } from "node:path";
import { parse } from "yaml";
import { UserError } from "../errors.ts";

/**
 * DVC outputs named by a manifest: a `.dvc` file (its one output) or `dvc.lock#OUT` (a pipeline's output), found in
 * the DVC project's storage by their md5, so that a DVC user adopts modelgate without moving data. Where an output's
 * bytes are (DVC's layout, dvc.org/doc/user-guide/project-structure/internal-files): the work tree after `dvc pull`,
 * DVC's cache (.dvc/cache), then the remote, at `files/md5/ab/cdef…` (DVC 3 outputs, `hash: md5`) or `ab/cdef…`
 * (outputs written by DVC 2, whose md5 of a text file was taken with CRLF read as LF). Only the remote's URL is read
 * from .dvc/config (and config.local): its credentials, if any are written there, are never used — each store's own
 * credential chain is.
 */

export interface DvcOutput {
  /** The .dvc file or dvc.lock, as the manifest names it, with `#OUT` for dvc.lock. */
  name: string;
  md5: string;
  size?: number;
  /** Written by DVC 3 (`hash: md5`): stored under files/md5/; else DVC 2's layout and md5. */
  dvc3: boolean;
  /** The output in the work tree (absolute): where `dvc pull` or `dvc checkout` puts it. */
  workTree: string;
  /** The DVC project's root (the folder holding .dvc/). */
  project: string;
  /** The remote named by the output (`remote:`), else core.remote. */
  remote?: string;
}

/** Reads the output a manifest names: `file` (relative to `dir`) is a .dvc file, or dvc.lock with `out`. */
export function readDvcOutput(dir: string, file: string, out: string | undefined, shown: string): DvcOutput {
  const abs = resolve(dir, file);
  let doc: any;
  try {
    doc = parse(readFileSync(abs, "utf8"));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(
      code === "ENOENT"
        ? `${shown}: ${file} does not exist; commit the DVC file the manifest names (dvc add writes FILE.dvc, dvc repro writes dvc.lock)`
        : `${shown}: ${file} is not a DVC file that modelgate can read (${(err as Error).message})`,
    );
  }
  const folder = dirname(abs);
  let entry: any;
  let wdir = folder;
  if (out === undefined) {
    const outs = Array.isArray(doc?.outs) ? doc.outs : [];
    if (outs.length !== 1)
      throw new UserError(
        `${shown}: ${file} has ${outs.length} outputs; modelgate reads a .dvc file with exactly one (track each file with its own \`dvc add\`)`,
      );
    entry = outs[0];
    if (typeof doc.wdir === "string") wdir = resolve(folder, doc.wdir);
  } else {
    const want = posix.normalize(out.replace(/\\/g, "/"));
    const found: { entry: any; wdir: string }[] = [];
    for (const stage of Object.values<any>(doc?.stages ?? {})) {
      const w = typeof stage?.wdir === "string" ? resolve(folder, stage.wdir) : folder;
      for (const o of Array.isArray(stage?.outs) ? stage.outs : []) {
        const p = typeof o?.path === "string" ? relative(folder, resolve(w, o.path)).split(sep).join("/") : undefined;
        if (p === want) found.push({ entry: o, wdir: w });
      }
    }
    if (found.length === 0)
      throw new UserError(
        `${shown}: no stage of ${file} has the output "${out}"; name an output as dvc.lock lists it (relative to dvc.lock's folder), after \`dvc repro\``,
      );
    ({ entry, wdir } = found[0]);
  }
  const md5 = typeof entry?.md5 === "string" ? entry.md5 : undefined;
  if (!md5 || typeof entry.path !== "string")
    throw new UserError(`${shown}: the output in ${file} has no md5 and path; run \`dvc commit\` (or dvc repro) first`);
  if (md5.endsWith(".dir"))
    throw new UserError(
      `${shown}: ${entry.path} is a folder tracked by DVC; a Dataset or Model names one file: track it on its own, or name dvc.lock#FILE`,
    );
  if (!/^[0-9a-f]{32}$/.test(md5)) throw new UserError(`${shown}: ${file} records md5 "${md5}", which is not an md5`);
  const hash = entry.hash;
  if (hash !== undefined && hash !== "md5")
    throw new UserError(`${shown}: ${file} hashes with "${hash}"; modelgate reads DVC outputs hashed with md5`);
  return {
    name: out === undefined ? file : `${file}#${out}`,
    md5,
    size: typeof entry.size === "number" ? entry.size : undefined,
    dvc3: hash === "md5",
    workTree: resolve(wdir, entry.path),
    project: projectRoot(folder, shown),
    remote: typeof entry.remote === "string" ? entry.remote : undefined,
  };
}

/** The nearest folder from `start` up that holds DVC's .dvc/ folder. */
function projectRoot(start: string, shown: string): string {
  for (let d = start; ; d = dirname(d)) {
    if (existsSync(join(d, ".dvc")) && statSync(join(d, ".dvc")).isDirectory()) return d;
    if (dirname(d) === d)
      throw new UserError(`${shown}: no DVC project around it (no .dvc/ folder from ${start} up); commit .dvc/config`);
  }
}

/** Where an object with this md5 sits under a DVC storage root (a remote or the cache). */
export function objectPath(o: Pick<DvcOutput, "md5" | "dvc3">): string {
  return `${o.dvc3 ? "files/md5/" : ""}${o.md5.slice(0, 2)}/${o.md5.slice(2)}`;
}

/** .dvc/config (and config.local over it) as sections of key = value. */
export function readDvcConfig(project: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  for (const f of ["config", "config.local"]) {
    const p = join(project, ".dvc", f);
    if (!existsSync(p)) continue;
    let current: Map<string, string> | undefined;
    for (const raw of readFileSync(p, "utf8").split(/\r?\n/)) {
      const line = raw.trim();
      if (!line || line.startsWith("#") || line.startsWith(";")) continue;
      const head = /^\[\s*'?(.*?)'?\s*\]$/.exec(line);
      if (head) {
        // ['remote "storage"'] (DVC's own spelling) and [remote "storage"] are the same section
        const name = head[1].replace(/\s+/g, " ").replace(/"/g, "").trim();
        current = sections.get(name) ?? new Map();
        sections.set(name, current);
        continue;
      }
      const kv = /^([^=]+?)\s*=\s*(.*)$/.exec(line);
      if (kv && current) current.set(kv[1].trim().toLowerCase(), kv[2].trim());
    }
  }
  return sections;
}

/** The remote an output is stored in: its URL (a local path made absolute) and, for S3, its endpoint if set. */
export function remoteOf(o: DvcOutput, shown: string): { url: string; endpoint?: string; name: string } {
  const config = readDvcConfig(o.project);
  const name = o.remote ?? config.get("core")?.get("remote");
  if (!name)
    throw new UserError(
      `${shown}: the DVC project has no default remote (core.remote in .dvc/config) and the output names none; run \`dvc remote add -d NAME URL\` and commit .dvc/config`,
    );
  const section = config.get(`remote ${name}`);
  const url = section?.get("url");
  if (!url) throw new UserError(`${shown}: .dvc/config has no url for the remote "${name}"`);
  if (/^(s3|gs|https?):\/\//i.test(url))
    return { url: url.replace(/\/+$/, ""), endpoint: section?.get("endpointurl"), name };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url))
    throw new UserError(
      `${shown}: the DVC remote "${name}" is ${url.split(":")[0]}://, which modelgate does not read; it reads DVC remotes on s3://, gs://, https:// and local folders`,
    );
  // a local remote: DVC resolves a relative path from the folder of the config file that holds it (.dvc/)
  return { url: isAbsolute(url) ? url : resolve(o.project, ".dvc", url), name };
}

/** DVC's cache folder for the project: cache.dir in .dvc/config (relative to .dvc/), else .dvc/cache. */
export function dvcCacheDir(project: string): string {
  const dir = readDvcConfig(project).get("cache")?.get("dir");
  if (!dir) return join(project, ".dvc", "cache");
  return isAbsolute(dir) ? dir : resolve(project, ".dvc", dir);
}
