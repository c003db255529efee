import type { Git } from "./index.ts";

/**
 * A branch's history read in bulk, as `audit` reads it: one `git log` of the commits that changed some folders (with
 * their trailers and the blob ids of every change), one `git for-each-ref` of the tags, one `git rev-list` of every
 * commit. Each answer is returned as git printed it, field by field; what the fields mean is the caller's
 * (src/audit/history.ts).
 */

/** The fields of the one `git log` (as Git.log formats them) and its options: bench/audit.ts runs the same. */
export const LOG_FIELDS = {
  oid: "%H",
  parents: "%P",
  an: "%an",
  ae: "%ae",
  ad: "%at",
  cn: "%cn",
  ce: "%ce",
  cd: "%ct",
  subject: "%s",
  trailers: "%(trailers:unfold,only)",
  // left empty: `--raw` prints the changes after the format, so they land in this last field
  raw: "",
};

export const LOG_OPTIONS = ["--raw", "--no-abbrev", "--no-renames", "--diff-merges=combined", "--reverse"];

export const TAG_FIELDS = {
  name: "%(refname:strip=2)",
  type: "%(objecttype)",
  object: "%(objectname)",
  peeledType: "%(*objecttype)",
  peeled: "%(*objectname)",
  tagger: "%(taggername)",
  email: "%(taggeremail:trim)",
  date: "%(taggerdate:unix)",
  subject: "%(contents:subject)",
};

/** One commit of `logChanges`: the LOG_FIELDS as git printed them (`raw` holds the `--raw` lines). */
export type LogRow = Record<keyof typeof LOG_FIELDS, string>;

/** One tag of `tagRefs`: the TAG_FIELDS as git printed them. */
export type TagRow = Record<keyof typeof TAG_FIELDS, string>;

/** The commits of `tip`'s history that changed anything under `paths`, oldest first (one `git log --raw`). */
export function logChanges(git: Git, tip: string, paths: string[]): Promise<LogRow[]> {
  return git.log([...LOG_OPTIONS, tip], LOG_FIELDS, paths);
}

/** Every tag of the repository, annotated or lightweight (one `git for-each-ref refs/tags`). */
export function tagRefs(git: Git): Promise<TagRow[]> {
  return git.refs("refs/tags", TAG_FIELDS);
}

/** Every commit of `tip`'s history (one `git rev-list`). */
export async function reachableCommits(git: Git, tip: string): Promise<Set<string>> {
  const out = await git.run(["rev-list", tip]);
  return new Set(out.split("\n").filter(Boolean));
}

/** A change to one path in one commit (`git log --raw`): blob ids, all zeros when the path is absent on that side. */
export interface PathChange {
  path: string;
  /** A (added), M (modified), D (deleted), T (type change); MM… for a merge's combined diff. */
  status: string;
  oldOid: string;
  newOid: string;
}

/** A path as git prints it: C-quoted ("…" with backslash escapes and octal bytes) when it holds unusual characters. */
export function unquotePath(p: string): string {
  if (!p.startsWith('"') || !p.endsWith('"')) return p;
  const bytes: number[] = [];
  const body = p.slice(1, -1);
  const esc: Record<string, number> = { n: 10, t: 9, r: 13, b: 8, f: 12, v: 11, a: 7, '"': 34, "\\": 92 };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== "\\") {
      bytes.push(...Buffer.from(c, "utf8"));
      continue;
    }
    const n = body[i + 1];
    if (/[0-7]/.test(n)) {
      bytes.push(Number.parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(esc[n] ?? n.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** Parses the `--raw --no-abbrev` lines of one commit (a merge's combined lines have one more mode and id). */
export function parseRaw(text: string): PathChange[] {
  const out: PathChange[] = [];
  for (const line of text.split("\n")) {
    if (!line.startsWith(":")) continue;
    const tab = line.indexOf("\t");
    if (tab < 0) continue;
    const meta = line.slice(0, tab).replace(/^:+/, "").split(" ");
    const path = unquotePath(line.slice(tab + 1));
    // two sides: mode mode oid oid status; a combined diff of n parents: n+1 modes, n+1 ids, status
    const status = meta[meta.length - 1];
    const ids = meta.filter((x) => /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(x));
    out.push({ path, status, oldOid: ids[0] ?? "", newOid: ids[ids.length - 1] ?? "" });
  }
  return out;
}
